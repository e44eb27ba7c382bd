import type { Kysely } from 'kysely';

/**
 * Indexes that let visit coverage (modules/visits/coverage.repository.ts) answer from indexes alone. Measured on a
 * subdistrict of 30 communities, 90,000 households and 90,000 visits:
 *
 * - SQLite walks each grid's range of active households and probes their visits. Through `households_path_idx`
 *   every household cost a table lookup for its status and id; `(status, place_path, id)` seeks the active range
 *   directly and covers the probe's `id`.
 * - PostgreSQL collects the households visited since the cut-off per community. Through `visits_community_idx`
 *   that was a bitmap heap scan touching a page per visit for its `household_id`; with `household_id` in the
 *   index it is an index-only scan. The new index starts with the old one's columns, so it replaces it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('households_coverage_idx').on('households').columns(['status', 'place_path', 'id']).execute();
  await db.schema.createIndex('visits_community_household_idx').on('visits').columns(['community_id', 'visited_at', 'household_id']).execute();
  await db.schema.dropIndex('visits_community_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('visits_community_idx').on('visits').columns(['community_id', 'visited_at']).execute();
  await db.schema.dropIndex('visits_community_household_idx').execute();
  await db.schema.dropIndex('households_coverage_idx').execute();
}

import type { Db, HouseholdRow, OrganisationRow, PartyMemberRow, ResidentRow } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/**
 * Bulk reads for validating an import: every lookup takes the whole file's keys at once and answers in a few
 * queries of up to 500 keys, never one query per row.
 */

const CHUNK = 500;

async function chunked<K, R>(keys: K[], run: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(keys)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

/** Active places under a path (the place itself included). */
export function activePlacesUnder(db: Db, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'kind', 'name', 'parent_id', 'path'])
    .where(pathInRange('path', [path]))
    .where('retired_at', 'is', null)
    .orderBy('id')
    .execute();
}

export function residentsByIdIndexes(db: Db, communityId: string, indexes: string[]): Promise<ResidentRow[]> {
  return chunked(indexes, (part) =>
    db.selectFrom('residents').selectAll().where('community_id', '=', communityId).where('id_number_index', 'in', part).execute(),
  );
}

export function residentsByIds(db: Db, ids: string[]): Promise<ResidentRow[]> {
  return chunked(ids, (part) => db.selectFrom('residents').selectAll().where('id', 'in', part).execute());
}

export function tagsOf(db: Db, residentIds: string[]) {
  return chunked(residentIds, (part) =>
    db.selectFrom('resident_tags').select(['resident_id', 'tag', 'consent_id']).where('resident_id', 'in', part).execute(),
  );
}

export function activeConsentsOf(db: Db, residentIds: string[]) {
  return chunked(residentIds, (part) =>
    db
      .selectFrom('consents')
      .select(['id', 'resident_id', 'purpose', 'basis', 'detail'])
      .where('resident_id', 'in', part)
      .where('withdrawn_at', 'is', null)
      .orderBy('recorded_at')
      .execute(),
  );
}

/** Active households at the given dwellings. */
export function activeHouseholdsAt(db: Db, communityId: string, dwellingIds: string[]): Promise<HouseholdRow[]> {
  return chunked(dwellingIds, (part) =>
    db
      .selectFrom('households')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('status', '=', 'active')
      .where('dwelling_id', 'in', part)
      .orderBy('id')
      .execute(),
  );
}

export function householdsByIds(db: Db, ids: string[]): Promise<HouseholdRow[]> {
  return chunked(ids, (part) => db.selectFrom('households').selectAll().where('id', 'in', part).execute());
}

export function partyMembersByIdIndexes(db: Db, communityId: string, indexes: string[]): Promise<PartyMemberRow[]> {
  return chunked(indexes, (part) =>
    db.selectFrom('party_members').selectAll().where('community_id', '=', communityId).where('id_number_index', 'in', part).execute(),
  );
}

/** Living residents' ids by ID-number index, to link party members to their resident record. */
export function livingResidentIdsByIdIndexes(db: Db, communityId: string, indexes: string[]) {
  return chunked(indexes, (part) =>
    db
      .selectFrom('residents')
      .select(['id', 'id_number_index'])
      .where('community_id', '=', communityId)
      .where('status', '=', 'living')
      .where('id_number_index', 'in', part)
      .execute(),
  );
}

/** Every organisation of a community, retired ones included (names stay unique among them). */
export function organisationsOf(db: Db, communityId: string): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().where('community_id', '=', communityId).orderBy('id').execute();
}

import type { Kysely } from 'kysely';

/** PLACEHOLDER (issue 6 contract): the owning helper writes this migration. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}

import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Every column that holds personal data encrypted with the vault, with the blind index computed from it.
 * Key rotation walks this list; a new encrypted column must be added here or rotation would orphan it.
 */
export const sealedColumns: { table: string; cipher: string; index: string | null; purpose: string | null }[] = [
  { table: 'users', cipher: 'phone_cipher', index: 'phone_index', purpose: 'phone' },
  { table: 'residents', cipher: 'id_number_cipher', index: 'id_number_index', purpose: 'id_number' },
  { table: 'residents', cipher: 'phone_cipher', index: 'phone_index', purpose: 'phone' },
  { table: 'party_members', cipher: 'id_number_cipher', index: 'id_number_index', purpose: 'id_number' },
  { table: 'party_members', cipher: 'phone_cipher', index: 'phone_index', purpose: 'phone' },
  { table: 'organisations', cipher: 'contact_phone_cipher', index: null, purpose: null },
];

export async function readFingerprint(db: Db): Promise<string | null> {
  const row = await db.selectFrom('key_state').select('fingerprint').where('id', '=', 1).executeTakeFirst();
  return row?.fingerprint ?? null;
}

export async function writeFingerprint(db: Db, fingerprint: string, rotatedAt: string | null): Promise<void> {
  const updated = await db.updateTable('key_state').set({ fingerprint, rotated_at: rotatedAt }).where('id', '=', 1).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('key_state').values({ id: 1, fingerprint, rotated_at: rotatedAt }).execute();
}

/** A page of sealed values of one column, by id, after `afterId`. */
export async function sealedPage(db: Db, table: string, cipher: string, afterId: string, limit: number): Promise<{ id: string; sealed: string }[]> {
  const r = await sql<{ id: string; sealed: string }>`
    select id, ${sql.ref(cipher)} as sealed from ${sql.table(table)}
    where id > ${afterId} and ${sql.ref(cipher)} is not null order by id limit ${limit}`.execute(db);
  return r.rows;
}

export async function resealRow(db: Db, table: string, cipher: string, index: string | null, id: string, sealed: string, indexValue: string | null) {
  const set = index ? sql`${sql.ref(cipher)} = ${sealed}, ${sql.ref(index)} = ${indexValue}` : sql`${sql.ref(cipher)} = ${sealed}`;
  await sql`update ${sql.table(table)} set ${set} where id = ${id}`.execute(db);
}

/** Unused activation codes are stored only as a keyed hash: they cannot be re-keyed, so they are voided. */
export async function voidUnusedClaimCodes(db: Db, at: string): Promise<number> {
  const r = await db.updateTable('claim_codes').set({ expires_at: at }).where('used_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Failed-login counters are keyed hashes too; forgetting them only resets the lockout windows. */
export async function clearLoginThrottle(db: Db): Promise<void> {
  await db.deleteFrom('login_throttle').execute();
}

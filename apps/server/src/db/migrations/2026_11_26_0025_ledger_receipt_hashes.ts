import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * The stored-chain verifier builds each entry's canonical text inside the database (ledger.verify.repository.ts).
 * An entry's receipts enter that text as the list of their SHA-256s, read out of `receipts_json`; PostgreSQL 15
 * has no way to test text for valid JSON without raising, and a row rewritten behind the triggers may hold any
 * text. This function answers NULL for such a row instead of failing the whole verification; the verifier then
 * checks that row in application code, which names what was edited. SQLite has json_valid() and needs nothing.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE FUNCTION ledger_receipt_hashes(receipts text) RETURNS text AS $$
    BEGIN
      IF receipts = '[]' THEN RETURN '[]'; END IF;
      RETURN (SELECT '[' || coalesce(string_agg(coalesce(to_json(e ->> 'sha256')::text, 'null'), ',' ORDER BY o), '') || ']'
              FROM json_array_elements(receipts::json) WITH ORDINALITY AS x(e, o));
    EXCEPTION WHEN others THEN
      RETURN NULL;
    END; $$ LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP FUNCTION ledger_receipt_hashes(text)`.execute(db);
}

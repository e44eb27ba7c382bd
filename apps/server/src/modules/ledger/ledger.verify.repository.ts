import { sql } from 'kysely';
import type Sqlite from 'better-sqlite3';
import type { DialectName } from '../../db/connect.js';
import type { Db } from '../../db/database.js';
import { chainColumns, type ChainRow } from './ledger.repository.js';

/**
 * The stored chain checked with the database's help. Each entry's canonical text is built by SQL in the same byte
 * form as `canonicalRowText` (ledger.chain.ts; a test holds them equal on every kind of row): PostgreSQL hashes it
 * itself and returns only the rows that fail; SQLite hands the bytes to ledger.verify-scan.cjs. Building a million
 * texts in the database instead of reading twenty columns of each into JavaScript is most of the saving.
 *
 * Why a match proves the row: the SQL text is a valid JSON encoding of the row's columns, so if it hashes to the
 * stored content hash it is (SHA-256 being collision resistant) the very text that was hashed at posting. A row
 * whose SQL text does not match is not trusted either way: the verifier rebuilds it in application code, which has
 * the last word and names the edited field. A difference in how SQL and JavaScript escape some exotic string can
 * only cost time, never give a wrong verdict.
 */

const TEMPLATE =
  '{"v":1,"seq":%s,"id":%s,"communityId":%s,"kind":%s,"date":%s,"amount":%s,"counterparty":%s,"counterpartyKind":%s,"category":%s,' +
  '"purpose":%s,"lines":%s,"receipts":%s,"reverses":%s,"reason":%s,"postedAt":%s,"authorId":%s,"approverId":%s}';

/** The canonical text of a row as an SQL expression: a person counterparty masked as "张*", receipts as their hashes. */
function canonicalTextSql(dialect: DialectName): string {
  if (dialect === 'sqlite') {
    const j = (c: string) => `json_quote(${c})`; // json_quote(NULL) is 'null', as JSON.stringify(null)
    const masked = `case when counterparty_kind = 'person' then (case when length(trim(counterparty)) <= 1 then trim(counterparty) else substr(trim(counterparty), 1, 1) || '*' end) else counterparty end`;
    const receipts =
      `case when receipts_json = '[]' then '[]' when json_valid(receipts_json) and json_type(receipts_json) = 'array' then ` +
      `(select '[' || coalesce(group_concat(h, ','), '') || ']' from (select case when type = 'object' then json_quote(json_extract(value, '$.sha256')) else 'null' end as h from json_each(receipts_json) order by key)) end`;
    return `format('${TEMPLATE}', seq, ${j('id')}, ${j('community_id')}, ${j('kind')}, ${j('entry_date')}, amount, ${j(masked)}, ${j('counterparty_kind')}, ${j('category')}, ${j('purpose')}, lines_json, ${receipts}, ${j('reverses_id')}, ${j('reason')}, ${j('posted_at')}, ${j('author_id')}, ${j('approver_id')})`;
  }
  const j = (c: string) => `coalesce(to_json(${c})::text, 'null')`;
  const masked = `case when counterparty_kind = 'person' then (case when char_length(btrim(counterparty)) <= 1 then btrim(counterparty) else left(btrim(counterparty), 1) || '*' end) else counterparty end`;
  const receipts = `case when receipts_json = '[]' then '[]' else ledger_receipt_hashes(receipts_json) end`;
  return `format('${TEMPLATE}', seq, ${j('id')}, ${j('community_id')}, ${j('kind')}, ${j('entry_date')}, amount, ${j(masked)}, ${j('counterparty_kind')}, ${j('category')}, ${j('purpose')}, lines_json, ${receipts}, ${j('reverses_id')}, ${j('reason')}, ${j('posted_at')}, ${j('author_id')}, ${j('approver_id')})`;
}

/** A row the verifier walks: one the database could not vouch for, or that opens a range. */
export interface DoubtfulRow {
  seq: number;
  id: string;
  content_hash: string | null;
  prev_hash: string | null;
  entry_hash: string | null;
  /** The SQL-built text hashed to content_hash; when false the application rebuilds the row and judges. */
  content_ok: boolean;
  /** The link of the row before it in seq order, or null when the row opens its range (the walker knows it). */
  prev: { seq: number; id: string; entryHash: string } | null;
}

/**
 * SQLite: one range's rows in seq order as [seq, id, canonical text as UTF-8 bytes, content_hash, prev_hash,
 * entry_hash], for ledger.verify-scan.cjs to hash and link (SQLite has no SHA-256; the bytes skip a re-encoding).
 */
export function sqliteRangeQuery(db: Db, communityId: string, lo: number, hi: number) {
  return sql`select seq, id, cast(${sql.raw(canonicalTextSql('sqlite'))} as blob), content_hash, prev_hash, entry_hash
    from ledger_entries where community_id = ${communityId} and seq > ${lo} and seq <= ${hi} order by seq`.compile(db);
}

/** SQLite in this thread: the same query on the app's own connection, as rows for the scan. */
export function sqliteRangeRows(raw: Sqlite.Database, db: Db, communityId: string, lo: number, hi: number): Iterable<unknown[]> {
  const q = sqliteRangeQuery(db, communityId, lo, hi);
  return raw.prepare(q.sql).raw(true).iterate(...(q.parameters as unknown[])) as Iterable<unknown[]>;
}

const pgText = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;
const rowColumns = 'seq, id, content_hash, prev_hash, entry_hash';

/**
 * PostgreSQL, one scan of the table in any order: the rows whose content hash or entry hash does not match (the
 * database hashes the canonical text itself). A row here whose link is sound follows seq - 1 with prev_hash.
 */
export async function pgHashDoubts(db: Db, communityId: string): Promise<DoubtfulRow[]> {
  const rows = await sql<Omit<DoubtfulRow, 'prev'>>`select ${sql.raw(rowColumns)}, coalesce(${sql.raw(pgText(canonicalTextSql('postgres')))} = content_hash, false) as content_ok
    from ledger_entries where community_id = ${communityId} and seq is not null
      and not coalesce(${sql.raw(pgText(canonicalTextSql('postgres')))} = content_hash and ${sql.raw(pgText('prev_hash || content_hash'))} = entry_hash, false)`.execute(db);
  return rows.rows.map((r) => ({ ...r, seq: Number(r.seq), prev: { seq: Number(r.seq) - 1, id: '', entryHash: r.prev_hash ?? '' } }));
}

/** PostgreSQL, in seq order: the first row, and every row after a gap or not linked to the row before it. */
export async function pgLinkDoubts(db: Db, communityId: string): Promise<(Omit<DoubtfulRow, 'content_ok'> & { prev: DoubtfulRow['prev'] })[]> {
  const rows = await sql<{ seq: number; id: string; content_hash: string | null; prev_hash: string | null; entry_hash: string | null; prev_seq: number | null; prev_id: string | null; prev_entry_hash: string | null }>`
    select * from (
      select ${sql.raw(rowColumns)}, lag(seq) over (order by seq) as prev_seq, lag(id) over (order by seq) as prev_id, lag(entry_hash) over (order by seq) as prev_entry_hash
      from ledger_entries where community_id = ${communityId} and seq is not null
    ) x where prev_seq is null or seq <> prev_seq + 1 or prev_hash is distinct from prev_entry_hash`.execute(db);
  return rows.rows.map((r) => ({
    seq: Number(r.seq), id: r.id, content_hash: r.content_hash, prev_hash: r.prev_hash, entry_hash: r.entry_hash,
    prev: r.prev_seq === null ? null : { seq: Number(r.prev_seq), id: r.prev_id!, entryHash: r.prev_entry_hash ?? '' },
  }));
}

/** Each posted row's SQL-built canonical text, in seq order: the test holds it equal to canonicalRowText. */
export async function canonicalTexts(db: Db, dialect: DialectName, communityId: string): Promise<{ seq: number; text: string }[]> {
  const rows = await sql<{ seq: number; text: string }>`select seq, ${sql.raw(canonicalTextSql(dialect))} as text from ledger_entries where community_id = ${communityId} and seq is not null order by seq`.execute(db);
  return rows.rows.map((r) => ({ seq: Number(r.seq), text: r.text }));
}

/** How many posted entries a range holds and its last one's link (both read from the seq index). */
export async function rangeEnd(db: Db, communityId: string, lo: number, hi: number): Promise<{ count: number; last: { seq: number; id: string; entryHash: string } | null }> {
  const agg = await db
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('last')])
    .where('community_id', '=', communityId)
    .where('seq', '>', lo)
    .where('seq', '<=', hi)
    .executeTakeFirstOrThrow();
  if (agg.last === null) return { count: 0, last: null };
  const row = await db.selectFrom('ledger_entries').select(['id', 'entry_hash']).where('community_id', '=', communityId).where('seq', '=', Number(agg.last)).executeTakeFirstOrThrow();
  return { count: Number(agg.n), last: { seq: Number(agg.last), id: row.id, entryHash: row.entry_hash ?? '' } };
}

/** The highest posted seq and how many entries are posted. */
export async function chainExtent(db: Db, communityId: string): Promise<{ count: number; maxSeq: number }> {
  const r = await db
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('max')])
    .where('community_id', '=', communityId)
    .where('seq', 'is not', null)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), maxSeq: Number(r.max ?? 0) };
}

/** Whole rows by seq, for the application-code check of what the database could not vouch for. */
export async function rowsBySeq(db: Db, communityId: string, seqs: number[]): Promise<ChainRow[]> {
  const out: ChainRow[] = [];
  for (let i = 0; i < seqs.length; i += 500) {
    out.push(...(await db.selectFrom('ledger_entries').select(chainColumns).where('community_id', '=', communityId).where('seq', 'in', seqs.slice(i, i + 500)).execute()));
  }
  return out;
}

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

/** The canonical form's keys in order: `str` columns are JSON strings, `raw` ones go in as they are (numbers, JSON). */
interface Part {
  key: string;
  str?: string;
  raw?: string;
  nullable?: boolean;
}
const partsOf = (masked: string, receipts: string): Part[] => [
  { key: 'v', raw: "'1'" }, { key: 'seq', raw: 'seq' }, { key: 'id', str: 'id' }, { key: 'communityId', str: 'community_id' }, { key: 'kind', str: 'kind' },
  { key: 'date', str: 'entry_date' }, { key: 'amount', raw: 'amount' }, { key: 'counterparty', str: masked }, { key: 'counterpartyKind', str: 'counterparty_kind' },
  { key: 'category', str: 'category' }, { key: 'purpose', str: 'purpose' }, { key: 'lines', raw: 'lines_json' }, { key: 'receipts', raw: receipts },
  { key: 'reverses', str: 'reverses_id', nullable: true }, { key: 'reason', str: 'reason' }, { key: 'postedAt', str: 'posted_at' }, { key: 'authorId', str: 'author_id' },
  { key: 'approverId', str: 'approver_id', nullable: true },
];
/** The text columns a row's strings come from (the mask only trims and shortens the counterparty). */
const textColumns = ['id', 'community_id', 'kind', 'entry_date', 'counterparty', 'counterparty_kind', 'category', 'purpose', "coalesce(reverses_id, '')", 'reason', 'posted_at', 'author_id', "coalesce(approver_id, '')"];

/** The canonical text's pieces in order: each key with its value as `str` renders it (strings) or as it is. */
function pieces(parts: Part[], str: (p: Part) => string): string[] {
  return [...parts.flatMap((p, i) => [`'${i === 0 ? '{' : ','}"${p.key}":'`, p.str !== undefined ? str(p) : p.raw!]), `'}'`];
}

/**
 * The canonical text of a row as an SQL expression: a person counterparty masked as "张*", receipts as their hashes.
 * On PostgreSQL, most rows hold no character JSON escapes (a quote, a backslash, a control character); for them a
 * plain concatenation in quotes is byte for byte what JSON.stringify gives, and PostgreSQL builds it in less than
 * half the time of to_json() on each string, which the other rows take.
 */
function canonicalTextSql(dialect: DialectName): string {
  const sqlite = dialect === 'sqlite';
  const masked = sqlite
    ? `case when counterparty_kind = 'person' then (case when length(trim(counterparty)) <= 1 then trim(counterparty) else substr(trim(counterparty), 1, 1) || '*' end) else counterparty end`
    : `case when counterparty_kind = 'person' then (case when char_length(btrim(counterparty)) <= 1 then btrim(counterparty) else left(btrim(counterparty), 1) || '*' end) else counterparty end`;
  const receipts = sqlite
    ? `case when receipts_json = '[]' then '[]' when json_valid(receipts_json) and json_type(receipts_json) = 'array' then ` +
      `(select '[' || coalesce(group_concat(h, ','), '') || ']' from (select case when type = 'object' then json_quote(json_extract(value, '$.sha256')) else 'null' end as h from json_each(receipts_json) order by key)) end`
    : `case when receipts_json = '[]' then '[]' else ledger_receipt_hashes(receipts_json) end`;
  const parts = partsOf(masked, receipts);
  // json_quote(NULL) is 'null', as JSON.stringify(null); PostgreSQL's to_json(NULL) is NULL.
  // SQLite's json_quote is cheap and a GLOB per row is not (measured: a fast path like PostgreSQL's made it slower);
  // its concat() builds the text in one allocation.
  if (sqlite) return `concat(${pieces(parts, (p) => `json_quote(${p.str})`).join(', ')})`;
  const escaped = pieces(parts, (p) => `coalesce(to_json(${p.str})::text, 'null')`).join(' || ');
  const plain = pieces(parts, (p) => (p.nullable ? `coalesce('"' || ${p.str} || '"', 'null')` : `'"' || ${p.str} || '"'`)).join(' || ');
  return `(case when (${textColumns.join(' || ')}) !~ '["\\\\\\x01-\\x1f]' then ${plain} else ${escaped} end)`;
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
export async function pgHashDoubts(db: Db, communityId: string, maxSeq: number): Promise<DoubtfulRow[]> {
  const rows = await sql<Omit<DoubtfulRow, 'prev'>>`select ${sql.raw(rowColumns)}, coalesce(${sql.raw(pgText(canonicalTextSql('postgres')))} = content_hash, false) as content_ok
    from ledger_entries where community_id = ${communityId} and seq is not null and seq <= ${maxSeq}
      and not coalesce(${sql.raw(pgText(canonicalTextSql('postgres')))} = content_hash and ${sql.raw(pgText('prev_hash || content_hash'))} = entry_hash, false)`.execute(db);
  return rows.rows.map((r) => ({ ...r, seq: Number(r.seq), prev: { seq: Number(r.seq) - 1, id: '', entryHash: r.prev_hash ?? '' } }));
}

/** PostgreSQL, in seq order: the first row, and every row after a gap or not linked to the row before it. */
export async function pgLinkDoubts(db: Db, communityId: string, maxSeq: number): Promise<(Omit<DoubtfulRow, 'content_ok'> & { prev: DoubtfulRow['prev'] })[]> {
  const rows = await sql<{ seq: number; id: string; content_hash: string | null; prev_hash: string | null; entry_hash: string | null; prev_seq: number | null; prev_id: string | null; prev_entry_hash: string | null }>`
    select * from (
      select ${sql.raw(rowColumns)}, lag(seq) over (order by seq) as prev_seq, lag(id) over (order by seq) as prev_id, lag(entry_hash) over (order by seq) as prev_entry_hash
      from ledger_entries where community_id = ${communityId} and seq is not null and seq <= ${maxSeq}
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

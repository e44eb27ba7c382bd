import type SqliteDatabase from 'better-sqlite3';
import { PostgresAdapter, sql, type Insertable } from 'kysely';
import type { Database, Db } from '../db/database.js';

/**
 * Most bound parameters in one statement on SQLite, below its limit of 32,766: one multi-row INSERT carries up to
 * 1,000 register rows.
 */
const SQLITE_MAX_PARAMS = 30_000;
const SQLITE_MAX_ROWS = 1_000;
/** PostgreSQL gets one array per column, so a batch is bounded by memory, not by parameters. */
const PG_MAX_ROWS = 5_000;

/**
 * Insert rows in batches: on SQLite as multi-row `INSERT … VALUES` of up to 1,000 rows, on PostgreSQL as
 * `INSERT … SELECT FROM unnest($1::text[], …)` with one array parameter per column, which PostgreSQL parses and
 * plans once per batch instead of once per value. One statement per batch instead of one per row is what makes
 * seeding a quarter of a million residents take seconds; call it inside a transaction so that a batch is never
 * committed on its own.
 *
 * Given the raw better-sqlite3 connection (`deps.handle.sqlite`), SQLite batches skip Kysely's query building,
 * which costs as much as SQLite's own work at this volume; they run on the same connection, so inside the
 * transaction `db` belongs to.
 */
export async function insertMany<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[], sqlite?: SqliteDatabase.Database | null): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (sqlite) {
    insertRaw(sqlite, table, columns, rows as Record<string, unknown>[]);
    return;
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let i = 0; i < rows.length; i += PG_MAX_ROWS) await insertUnnest(db, table, columns, rows.slice(i, i + PG_MAX_ROWS) as Record<string, unknown>[]);
    return;
  }
  const size = Math.max(1, Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_MAX_PARAMS / columns.length)));
  for (const [start, count] of batches(rows.length, size)) {
    // Kysely cannot follow a table name held in a type parameter through insertInto; the rows are typed above.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + count) as never)
      .execute();
  }
}

/**
 * Full batches, then the remainder split into powers of two: the server caches prepared statements by their
 * text, so only a handful of distinct batch sizes (and statements) ever exist, whatever the row counts.
 */
export function* batches(total: number, size: number): Generator<[number, number]> {
  let start = 0;
  for (; start + size <= total; start += size) yield [start, size];
  for (let chunk = 1 << Math.floor(Math.log2(size)); chunk >= 1; chunk >>= 1) {
    if (start + chunk <= total) {
      yield [start, chunk];
      start += chunk;
    }
  }
}

async function insertUnnest(db: Db, table: string, columns: string[], rows: Record<string, unknown>[]) {
  const arrays = columns.map((c) => rows.map((r) => (r[c] ?? null) as string | number | null));
  const names = sql.join(columns.map((c) => sql.ref(c)));
  // Text for text (dates and times are text here); whole numbers (flags, counters) as bigint, fractions (a
  // confidence) as double. A column that is null throughout the batch goes as bigint too: PostgreSQL assigns
  // bigint to text and real columns alike, where text would not go into a real one.
  const typeOf = (a: (string | number | null)[]) => {
    if (a.some((v) => typeof v === 'string')) return sql`text[]`;
    return a.some((v) => typeof v === 'number' && !Number.isInteger(v)) ? sql`float8[]` : sql`int8[]`;
  };
  const unnested = sql.join(arrays.map((a) => sql`${a}::${typeOf(a)}`));
  await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${unnested})`.execute(db);
}

/** Prepared multi-row statements per connection, by table, columns and batch size (a handful each). */
const prepared = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** Let the prepared batch statements go once the bulk load is over (each holds thousands of placeholders). */
export function releaseStatements(raw: SqliteDatabase.Database | null): void {
  if (raw) prepared.delete(raw);
}

function insertRaw(raw: SqliteDatabase.Database, table: string, columns: string[], rows: Record<string, unknown>[]) {
  let cache = prepared.get(raw);
  if (!cache) prepared.set(raw, (cache = new Map()));
  const names = columns.map((c) => `"${c}"`).join(', ');
  const one = `(${columns.map(() => '?').join(', ')})`;
  const size = Math.max(1, Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_MAX_PARAMS / columns.length)));
  for (const [start, count] of batches(rows.length, size)) {
    const key = `${table}(${names})×${count}`;
    let stmt = cache.get(key);
    if (!stmt) cache.set(key, (stmt = raw.prepare(`insert into "${table}" (${names}) values ${new Array(count).fill(one).join(', ')}`)));
    const values: unknown[] = new Array(count * columns.length);
    let k = 0;
    for (let i = start; i < start + count; i++) for (const c of columns) values[k++] = rows[i]![c] ?? null;
    stmt.run(values);
  }
}

import path from 'node:path';
import { mkdirSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './database.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely handle plus what backups and health checks need. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The raw better-sqlite3 handle (for online backups); null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back as strings from pg; ours always fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours. better-sqlite3 runs one
 * statement at a time on this thread, so a compiled statement can be reused for the same SQL text.
 */
function withStatementCache(raw: SqliteDatabase.Database, max = 500) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => raw.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = raw.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** Open `sqlite:<file>` (or `sqlite::memory:`) or `postgres://…`. */
export function openDatabase(url: string, opts: { poolSize?: number } = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const raw = new SqliteDatabase(file === ':memory:' ? ':memory:' : path.resolve(file));
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    // FULL makes every acknowledged commit durable across power loss, which the product promises.
    raw.pragma('synchronous = FULL');
    raw.pragma('busy_timeout = 5000');
    // Without table statistics the planner picks poor indexes for the register searches; refresh them cheaply
    // (bounded sampling) for any table that needs it, as SQLite recommends for long-lived connections.
    raw.pragma('analysis_limit = 1000');
    raw.pragma('optimize = 0x10002');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    return {
      db,
      dialect: 'sqlite',
      sqlite: raw,
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  // JIT compilation costs more than it saves on these short, indexed queries: measured, it turned a 20 ms coverage
  // query into over a second when the planner misjudged its size. Off for our sessions only.
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, options: '-c jit=off' });
  // An idle connection the server ends (a restart, a failover, a dropped test database) is reported here; without
  // a listener Node would crash the whole process. The pool drops that connection and opens a new one when needed.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    sqlite: null,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

// The baseline beside an HTTP figure: the SQL statements the request ran, captured from the real app, replayed
// directly on the same database (no Fastify, no auth, no zod, no views), so `http − sql` is what the app adds.
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import type { Database } from '../../apps/server/src/db/database.js';
import type { Gongzhi } from './servers.js';

export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
  /** performance.now() when it started and ended: statements that overlapped ran side by side (Promise.all). */
  startMs: number;
  endMs: number;
}

/** Account lookups belong to the session layer, not to the query being measured. */
const authTables = /"(sessions|login_throttle|claim_codes)"/;

/**
 * Run each GET `url` with its `cookie` through a second instance of the app whose Kysely logs every statement (on
 * the same SQLite connection, or a pool to the same PostgreSQL database), and return the statements of each
 * request. Each request is sent twice and the second kept, so caches (session, statements) are warm as under load.
 */
export async function captureRequests(gz: Gongzhi, requests: { url: string; cookie: string }[]): Promise<CapturedStatement[][]> {
  let statements: CapturedStatement[] = [];
  const captured: CapturedStatement[][] = [];
  const raw = gz.deps.handle.sqlite;
  const pool = raw ? null : new pg.Pool({ connectionString: gz.deps.config.databaseUrl, max: 4 });
  const db = new Kysely<Database>({
    dialect: raw ? new SqliteDialect({ database: raw }) : new PostgresDialect({ pool: pool! }),
    log: (e) => {
      if (e.level !== 'query') return;
      const endMs = performance.now();
      statements.push({ sql: e.query.sql, parameters: [...e.query.parameters], startMs: endMs - e.queryDurationMillis, endMs });
    },
  });
  const app = await buildApp({ ...gz.deps, db }, { logger: false, webDir: null });
  try {
    for (const { url, cookie } of requests) {
      for (let i = 0; i < 2; i++) {
        statements = [];
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`capturing ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
      captured.push(statements.filter((s) => !authTables.test(s.sql)));
    }
  } finally {
    await app.close();
    // Destroying the SQLite dialect would close the shared connection; only the PostgreSQL pool is ours.
    if (pool) await db.destroy();
  }
  return captured;
}

/** Statements grouped as they ran: those overlapping in time form one wave, run together. */
function waves(statements: CapturedStatement[]): CapturedStatement[][] {
  const out: CapturedStatement[][] = [];
  let end = -Infinity;
  for (const s of [...statements].sort((a, b) => a.startMs - b.startMs)) {
    if (s.startMs < end && out.length) out[out.length - 1]!.push(s);
    else out.push([s]);
    end = Math.max(end, s.endMs);
  }
  return out;
}

export interface Replay {
  run(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The captured statements as plain driver calls: on SQLite prepared once and run in order on the same
 * better-sqlite3 connection (as the app's statement cache does); on PostgreSQL as unnamed parameterised queries
 * (as Kysely's pg driver sends them), statements that ran side by side in the app again side by side.
 */
export function replay(gz: Gongzhi, statements: CapturedStatement[]): Replay {
  const raw = gz.deps.handle.sqlite;
  if (raw) {
    const prepared = statements.map((s) => ({ stmt: raw.prepare(s.sql), params: s.parameters as unknown[] }));
    return {
      run: async () => {
        for (const p of prepared) {
          if (p.stmt.reader) p.stmt.all(p.params);
          else p.stmt.run(p.params);
        }
      },
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: gz.deps.config.databaseUrl, max: 4 });
  const grouped = waves(statements);
  return {
    run: async () => {
      for (const wave of grouped) await Promise.all(wave.map((s) => pool.query(s.sql, s.parameters as unknown[])));
    },
    close: () => pool.end(),
  };
}

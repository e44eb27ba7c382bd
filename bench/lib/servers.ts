// The servers a benchmark measures: a bare Fastify and the Gongzhi app on a throw-away database, both listening
// on 127.0.0.1 with an OS-chosen port, in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { createDeps } from '../../apps/server/src/bootstrap.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.js';
import type { AppDeps } from '../../apps/server/src/deps.js';
import { BenchError } from './benchmark.js';
import type { Cleanup } from './cleanup.js';

export type Dialect = 'sqlite' | 'postgres';
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const baseUrl = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

/** The simplest Fastify server there is: `Fastify()`, no plugins, one route `GET /bare` answering {ok:true}. */
export async function startBare(cleanup: Cleanup): Promise<string> {
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  cleanup.add('close bare server', () => bare.close());
  return `${baseUrl(bare)}/bare`;
}

const redactUrl = (u: string) => u.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Fail early, with the fix, when PostgreSQL is down. */
export async function assertPostgresReachable(pgUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new BenchError(
      `PostgreSQL is unreachable at ${redactUrl(pgUrl)} (${(e as Error).message || String(e)}).\n` +
        'Start it with `pg_ctlcluster 15 main start` (or pass --pg-url), or measure SQLite only with --dialects sqlite.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(pgUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface GongzhiDatabase {
  dialect: Dialect;
  /** GONGZHI_DATABASE_URL */
  url: string;
  dataDir: string;
}

/**
 * A throw-away database: `sqlite:<tmp>/gongzhi.db`, or a fresh `gz_bench_<random>` created through `pgUrl`
 * (dropped by the cleanup). The temp directory (data dir, secret key) is removed by the cleanup too.
 */
export async function createDatabase(dialect: Dialect, pgUrl: string, cleanup: Cleanup): Promise<GongzhiDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gz-bench-'));
  cleanup.add(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  if (dialect === 'sqlite') return { dialect, url: `sqlite:${path.join(dataDir, 'gongzhi.db')}`, dataDir };
  const name = `gz_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(pgUrl, `CREATE DATABASE ${name}`);
  cleanup.add(`drop database ${name}`, () => adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return { dialect, url: url.toString(), dataDir };
}

export interface Gongzhi {
  deps: AppDeps;
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  url: string;
}

/** Fills a fresh database; the default is the demo community. */
export type Seeder = (deps: AppDeps) => Promise<unknown>;

/** Open (migrate) the database, seed it (the demo by default), build the app with the logger off and listen. */
export async function startGongzhi(db: GongzhiDatabase, cleanup: Cleanup, seed: Seeder = seedDemo): Promise<Gongzhi> {
  const config = loadConfig({
    GONGZHI_DATABASE_URL: db.url,
    GONGZHI_DATA_DIR: db.dataDir,
    GONGZHI_LOG_LEVEL: 'silent',
    GONGZHI_DEMO: 'false',
    // No background jobs (request timers, outbox delivery): they would act on the generated data mid-measurement
    // (escalating thousands of overdue requests) and their statements would land in the captured SQL baselines.
    GONGZHI_JOBS: 'false',
  });
  const deps = await createDeps(config);
  cleanup.add('close database', () => deps.handle.close());
  await seed(deps);
  const app = await buildApp(deps, { logger: false, webDir: null });
  cleanup.add('close app', () => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { deps, app, url: baseUrl(app) };
}

/** Log in as the demo community admin (`shuji`) and check the session works; returns the Cookie header value. */
export function loginDemoAdmin(appUrl: string): Promise<string> {
  return loginAs(appUrl, 'shuji');
}

/** Log in as a demo account and check the session works; returns the Cookie header value. */
export async function loginAs(appUrl: string, account: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('gz_session='));
  if (!session) throw new Error('login set no gz_session cookie');
  const cookie = session.split(';')[0]!;
  const me = await fetch(`${appUrl}/api/v1/me`, { headers: { cookie } });
  const body = (await me.json()) as { username?: string };
  if (me.status !== 200 || body.username !== account) throw new Error(`GET /api/v1/me with the session answered ${me.status}`);
  return cookie;
}

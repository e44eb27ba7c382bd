import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.js';
import { openDatabase, type DialectName } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AppDeps } from '../deps.js';
import { PersonalDataVault } from '../lib/personal-data.js';
import { SessionCache } from '../modules/auth/session-cache.js';
import type { Clock } from '../lib/clock.js';

/** Every database suite runs on both. */
export const dialects: DialectName[] = ['sqlite', 'postgres'];

/** The machine's PostgreSQL (trust auth). Tests create their own database in it and drop it afterwards. */
export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A clock tests can move forward. */
export class TestClock implements Clock {
  constructor(private t = new Date('2026-11-25T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(m: number): void {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
}

export function testConfig(databaseUrl: string, dataDir: string): Config {
  return {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    secretKey: randomBytes(32),
    secretKeySource: 'file',
    logLevel: 'silent',
    demo: false,
    sessionDays: 14,
    trustProxy: false,
    webDir: null,
    publicUrl: 'http://127.0.0.1:8080',
    smtp: null,
    jobs: false,
  };
}

/** A fresh, migrated database of the given dialect; `cleanup` closes and (PostgreSQL) drops it. */
export async function createTestDeps(dialect: DialectName, clock: Clock = new TestClock()): Promise<{ deps: AppDeps; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gz-test-'));
  let url = `sqlite:${path.join(dataDir, 'test.db')}`;
  let dbName: string | null = null;
  if (dialect === 'postgres') {
    dbName = `gz_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${dbName}`);
    url = PG_ADMIN_URL.replace(/\/test$/, `/${dbName}`);
  }
  const handle = openDatabase(url, { poolSize: 4 });
  await migrateToLatest(handle.db);
  const config = testConfig(url, dataDir);
  const deps: AppDeps = { config, handle, db: handle.db, clock, vault: new PersonalDataVault(config.secretKey), sessions: new SessionCache() };
  return {
    deps,
    cleanup: async () => {
      await handle.close();
      if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL}: start it (pg_ctlcluster 15 main start) or install it (apt-get install postgresql). ${String(e)}`,
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

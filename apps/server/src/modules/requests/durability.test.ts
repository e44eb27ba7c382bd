import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../bootstrap.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/connect.js';
import { PG_ADMIN_URL } from '../../test/dialects.js';
import { openSession } from '../auth/auth.service.js';
import { createPlace } from '../places/places.commands.js';
import { createUser } from '../users/users.service.js';

/**
 * A request that got its 201 survives the server being killed: a real server process takes a burst of intakes,
 * is killed with SIGKILL in the middle, and after a restart every acknowledged request is there with its step
 * and full-text row, and nothing is half-written.
 */

const root = path.resolve(import.meta.dirname, '../../../../..');
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GONGZHI_')));
const BURST = 300;
const IN_FLIGHT = 16;
const KILL_AFTER = 60;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Start the real server (one node process, so a SIGKILL kills the server itself) and wait until it answers. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string; exited: Promise<unknown> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...baseEnv, ...env, GONGZHI_PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.once('exit', r));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return { child, base, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

describe.each(['sqlite', 'postgres'] as const)('durability of intake (%s)', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged request across a SIGKILL in the middle of a burst', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gz-durable-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const env: Record<string, string> = { GONGZHI_DATA_DIR: dir, GONGZHI_DEMO: 'false', GONGZHI_LOG_LEVEL: 'warn', GONGZHI_JOBS: 'false' };
    if (dialect === 'postgres') {
      const name = `gz_durable_${randomBytes(5).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      env.GONGZHI_DATABASE_URL = PG_ADMIN_URL.replace(/\/test$/, `/${name}`);
    }

    // The installation: a community, an admin and a resident with a session, written before the server starts.
    const deps = await createDeps(loadConfig({ ...baseEnv, ...env }));
    const sd = await createPlace(deps, null, { kind: 'subdistrict', name: '持久街道', parentId: null });
    const community = await createPlace(deps, null, { kind: 'community', name: '持久社区', parentId: sd.id });
    await createUser(deps, null, { displayName: '管理员', username: 'boss', password: 'Passw0rd-test', roles: [{ role: 'community_admin', placeId: community.id }] });
    const { user } = await createUser(deps, null, { displayName: '居民', username: 'jumin', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: community.id }] });
    const { token } = await openSession(deps, user.id);
    await deps.handle.close();

    let server = await startServer(env);
    cleanups.push(async () => {
      server.child.kill('SIGKILL');
      await server.exited;
    });
    const cookie = `gz_session=${token}`;
    const me = await fetch(`${server.base}/api/v1/me`, { headers: { cookie } });
    const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };

    // The burst: a few requests in flight at all times; the server is killed once enough have been acknowledged.
    const acknowledged: { id: string; number: string }[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < BURST && !killed) {
        const i = next++;
        const body = JSON.stringify({ kind: 'complaint', text: `第${i}号诉求：楼道里的声控灯坏了，晚上看不见台阶` });
        try {
          const res = await fetch(`${server.base}/api/v1/requests`, { method: 'POST', headers, body });
          if (res.status === 201) acknowledged.push((await res.json()) as { id: string; number: string });
          else if (!killed) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
        } catch (e) {
          if (!killed) throw e;
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await server.exited;
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // After a restart, every acknowledged request is there, whole.
    server = await startServer(env);
    for (const a of acknowledged.slice(0, 5)) {
      const res = await fetch(`${server.base}/api/v1/requests/${a.id}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { number: string }).number).toBe(a.number);
    }
    const handle = openDatabase(env.GONGZHI_DATABASE_URL ?? `sqlite:${path.join(dir, 'gongzhi.db')}`);
    try {
      const db = handle.db;
      const rows = await db.selectFrom('requests').select(['id', 'number', 'tokens']).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const a of acknowledged) expect(byId.get(a.id)?.number).toBe(a.number);
      const submitted = await db.selectFrom('request_steps').select('request_id').where('action', '=', 'submitted').execute();
      expect(new Set(submitted.map((s) => s.request_id))).toEqual(new Set(byId.keys()));
      const audited = await db.selectFrom('audit_log').select('target_id').where('action', '=', 'request.created').execute();
      expect(audited).toHaveLength(rows.length);
      if (dialect === 'sqlite') {
        const fts = await db.selectFrom('request_search').select('request_id').execute();
        expect(new Set(fts.map((f) => f.request_id))).toEqual(new Set(byId.keys()));
      } else {
        // A word every request shares finds every one of them through the full-text index.
        const common = rows[0]!.tokens.split(' ').find((w) => w.length > 1 && rows.every((r) => r.tokens.split(' ').includes(w)))!;
        const found = await sql<{ n: number }>`select count(*)::int as n from requests where search_vector @@ plainto_tsquery('simple', ${common})`.execute(db);
        expect(found.rows[0]!.n).toBe(rows.length);
      }
      const numbers = rows.map((r) => Number(r.number.slice(-6)));
      const year = rows[0]!.number.slice(3, 7);
      const counter = await db.selectFrom('request_counters').select('last').where('key', '=', `GZ-${year}`).executeTakeFirstOrThrow();
      expect(counter.last).toBeGreaterThanOrEqual(Math.max(...numbers));
      expect(new Set(numbers).size).toBe(numbers.length);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

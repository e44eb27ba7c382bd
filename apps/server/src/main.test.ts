import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { definePolicy } from './lib/policy.js';
import { createTestDeps, PG_ADMIN_URL } from './test/dialects.js';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** The caller's environment without any GONGZHI_* of its own: each test decides the configuration. */
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GONGZHI_')));

function cli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(tsx, ['apps/server/src/cli/main.ts', ...args], { cwd: root, env: { ...baseEnv, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests before closing', async () => {
    const { deps, cleanup } = await createTestDeps('sqlite');
    const app = await buildApp(deps, { logger: false, webDir: null });
    app.get('/api/v1/slow', { config: { policy: definePolicy('test', () => true) } }, async () => {
      await new Promise((r) => setTimeout(r, 400));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const inflight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const closed = app.close();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closed;
    await cleanup();
  });

  it('exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gz-main-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(tsx, ['apps/server/src/main.ts'], {
      cwd: root,
      env: { ...baseEnv, GONGZHI_DATA_DIR: dir, GONGZHI_PORT: String(port), GONGZHI_DEMO: 'false', GONGZHI_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    }
    expect(ready).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('command line', () => {
  const dbs: string[] = [];
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    for (const d of dbs) await c.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
    await c.end();
  });

  it('migrates, creates an admin and backs up SQLite online', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gz-cli-'));
    const env = { GONGZHI_DATA_DIR: dir };
    expect(cli(env, 'migrate').code).toBe(0);
    const admin = cli(env, 'create-admin', '--username', 'boss', '--name', '主任', '--subdistrict', '测试街道', '--community', '测试社区');
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/Password: \S+/);
    expect(cli(env, 'seed-demo').code).toBe(1); // not empty any more
    const backup = path.join(dir, 'backup.db');
    expect(cli(env, 'backup', backup).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect(cli(env, 'backup', backup).code).toBe(1); // never overwrites
    // Key rotation asks for confirmation, then replaces the key; the old key no longer opens the data.
    const oldKey = readFileSync(path.join(dir, 'secret.key'), 'utf8').trim();
    expect(cli(env, 'rotate-key').code).toBe(2);
    const rotated = cli(env, 'rotate-key', '--yes');
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(/re-encrypted \d+ value\(s\) in users.phone_cipher/);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).not.toBe(oldKey);
    expect(cli(env, 'migrate').code).toBe(0);
    const wrongKey = cli({ ...env, GONGZHI_SECRET_KEY: oldKey }, 'migrate');
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toMatch(/GONGZHI_SECRET_KEY: this key/);
    expect(cli(env, 'no-such-command').code).toBe(1);
    expect(cli({ ...env, GONGZHI_PORT: 'x' }, 'migrate').out).toMatch(/GONGZHI_PORT/);
    // Twelve command-line processes, each compiling the CLI with tsx: seconds apiece on a loaded two-core machine.
  }, 120_000);

  it('migrates and seeds PostgreSQL, and points to pg_dump for backups', async () => {
    const name = `gz_cli_${randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    dbs.push(name);
    const env = { GONGZHI_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gz-cli-')), GONGZHI_DATABASE_URL: PG_ADMIN_URL.replace(/\/test$/, `/${name}`) };
    expect(cli(env, 'migrate').code).toBe(0);
    const seeded = cli(env, 'seed-demo');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/community_admin\s+shuji/);
    const backup = cli(env, 'backup', '/tmp/x.db');
    expect(backup.code).toBe(2);
    expect(backup.out).toMatch(/pg_dump/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, dialects } from '../../../test/dialects.js';
import { headers, idNumber, readXlsx, rowOf, xlsx } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../../../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GONGZHI_')));

describe.each(dialects)('import and export commands (%s)', (dialect) => {
  let env: Record<string, string>;
  let dir: string;
  let cleanup: () => Promise<void>;
  const cli = (...args: string[]) => {
    const r = spawnSync(tsx, ['apps/server/src/cli/main.ts', ...args], { cwd: root, env: { ...baseEnv, ...env }, encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  beforeAll(async () => {
    const made = await createTestDeps(dialect);
    cleanup = made.cleanup;
    dir = mkdtempSync(path.join(tmpdir(), 'gz-cli-'));
    env = { GONGZHI_DATABASE_URL: made.deps.config.databaseUrl, GONGZHI_DATA_DIR: dir, GONGZHI_DEMO: 'false', GONGZHI_LOG_LEVEL: 'silent' };
    await made.deps.handle.close();
    expect(cli('create-admin', '--username', 'admin1', '--name', '管理员', '--subdistrict', '测试街道', '--community', '甲社区').code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  it('imports with progress lines and exports, masked or revealed for a purpose', async () => {
    const ids = Array.from({ length: 600 }, (_, i) => idNumber(`19${40 + (i % 50)}${String(1 + Math.floor(i / 50)).padStart(2, '0')}01`, i));
    const file = path.join(dir, '居民.xlsx');
    writeFileSync(file, await xlsx([headers('residents'), ...ids.map((id, i) => rowOf('residents', { name: `居民${i}`, idNumber: id, residencyStatus: '常住' })), rowOf('residents', { name: '坏行', idNumber: '110101199001011234', residencyStatus: '常住' })]));

    const imported = cli('import', '--kind', 'residents', '--community', '甲社区', file);
    expect(imported.out).toContain('Checked 601 rows');
    expect(imported.out).toMatch(/row 602 身份证号: /);
    // Refused rows count as processed from the start: 1 + 500, then 601.
    expect(imported.out).toContain('imported 501/601 rows');
    expect(imported.out).toContain('imported 601/601 rows');
    expect(imported.out).toContain('Import done');
    expect(imported.out).toContain('600 created');
    expect(imported.code).toBe(3);

    const masked = path.join(dir, 'masked.xlsx');
    const exported = cli('export', '--kind', 'residents', '--community', '甲社区', '--out', masked);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('Exported 600 rows');
    const [sheet] = await readXlsx(readFileSync(masked));
    expect(String(sheet!.rows.get(2)!.values[1])).toMatch(/^110\*{11}\d{3}[\dX]$/);

    expect(cli('export', '--kind', 'residents', '--community', '甲社区', '--out', path.join(dir, 'x.xlsx'), '--reveal').code).toBe(1);
    const full = path.join(dir, 'full.xlsx');
    expect(cli('export', '--kind', 'residents', '--community', '甲社区', '--out', full, '--reveal', '--purpose', '迁移到新系统').code).toBe(0);
    const [revealed] = await readXlsx(readFileSync(full));
    expect(ids).toContain(String(revealed!.rows.get(2)!.values[1]));
    expect(cli('import', '--kind', 'residents', '--community', '不存在社区', '--check', file).code).toBe(1);
  }, 120_000);
});

import { mkdirSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDeps, TestClock } from '../../../test/dialects.js';
import { purgeOldUploads } from '../upload-retention.js';

describe('upload retention', () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterAll(() => cleanup());

  it('deletes uploads older than a week and keeps newer ones', async () => {
    const clock = new TestClock(new Date());
    const t = await createTestDeps('sqlite', clock);
    cleanup = t.cleanup;
    const dir = path.join(t.deps.config.dataDir, 'imports');
    mkdirSync(dir, { recursive: true });
    const old = path.join(dir, 'old.xlsx');
    const recent = path.join(dir, 'recent.xlsx');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    expect(await purgeOldUploads(t.deps)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});

import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../deps.js';

/**
 * Uploaded files hold unmasked ID and phone numbers. They are kept only as long as staff need the annotated
 * report (PIPL: no longer than the purpose needs); after that the job's counts and errors remain, the file goes.
 */
export const UPLOAD_RETENTION_DAYS = 7;

/** Delete uploads older than the retention period; returns how many went. */
export async function purgeOldUploads(deps: AppDeps, days = UPLOAD_RETENTION_DAYS): Promise<number> {
  const dir = path.join(deps.config.dataDir, 'imports');
  const names = await readdir(dir).catch(() => [] as string[]);
  const cutoff = deps.clock.now().getTime() - days * 86_400_000;
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.xlsx')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < cutoff) {
      await unlink(file).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GongzhiDatabase } from './servers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ExportFigures {
  rows: number;
  seconds: number;
  bytes: number;
  /** The child's memory once loaded, before exporting. */
  rss_before_mb: number;
  /** The child's peak resident set (the kernel's high-water mark where it keeps one, else sampled every 20 ms). */
  peak_rss_mb: number;
}

/**
 * Export in a child process (lib/export-child.ts) on the same database and data directory, and read back its
 * figures: `subdistrict` writes every community's residents into one workbook, `community` one community's
 * through `writeExport`.
 */
export function runExportChild(db: GongzhiDatabase, mode: 'subdistrict' | 'community', communityId?: string): Promise<ExportFigures> {
  // Only this run decides the child's configuration: drop any GONGZHI_* of the caller's shell.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GONGZHI_')));
  const file = path.join(db.dataDir, `export-${mode}.xlsx`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/export-child.ts', mode, file, ...(communityId ? [communityId] : [])], {
      cwd: root,
      env: { ...env, GONGZHI_DATABASE_URL: db.url, GONGZHI_DATA_DIR: db.dataDir, GONGZHI_LOG_LEVEL: 'silent', GONGZHI_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ExportFigures);
      else reject(new Error(`the export child exited with ${code}: ${err.trim().split('\n').slice(-5).join('\n')}`));
    });
  });
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../deps.js';

/** Online backup: better-sqlite3's backup API copies a consistent snapshot while the server keeps running. */
export async function backupCommand(deps: AppDeps, argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    console.error('Usage: npm run gongzhi -- backup FILE');
    return 1;
  }
  if (!deps.handle.sqlite) {
    console.error(
      'This installation uses PostgreSQL. Back it up with pg_dump, for example:\n' +
        '  pg_dump --format=custom --file=gongzhi.dump "$GONGZHI_DATABASE_URL"\n' +
        'and restore with pg_restore --clean --dbname=… gongzhi.dump (see docs/operations.md).',
    );
    return 2;
  }
  const target = path.resolve(file);
  if (existsSync(target)) {
    console.error(`${target} already exists; choose a new file name.`);
    return 1;
  }
  let last = -1;
  await deps.handle.sqlite.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      const pct = totalPages ? Math.floor(((totalPages - remainingPages) / totalPages) * 100) : 100;
      if (pct !== last && pct % 10 === 0) process.stderr.write(`backup ${pct}%\n`);
      last = pct;
      return 200;
    },
  });
  console.log(`Backup written to ${target}`);
  return 0;
}

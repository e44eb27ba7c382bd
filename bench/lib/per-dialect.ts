import { Cleanup } from './cleanup.js';
import { LoadGenerator } from './load.js';
import type { HttpBenchOptions } from './options.js';
import { assertPostgresReachable, createDatabase, loginDemoAdmin, startBare, startGongzhi, type Dialect, type GongzhiDatabase, type Gongzhi, type Seeder } from './servers.js';

/** What a benchmark gets for each database: the shared load generator, the bare baseline and a seeded app. */
export interface DialectRun {
  dialect: Dialect;
  load: LoadGenerator;
  bareUrl: string;
  gz: Gongzhi;
  /** The demo community admin's session cookie. */
  cookie: string;
  /** Where the database lives (for a child process to open it too). */
  db: GongzhiDatabase;
}

/**
 * Run `measure` once per database in `opts.dialects`, in one process with one load generator and one bare
 * server. Each database is torn down before the next starts, so they never run side by side; everything is
 * cleaned up on failure or Ctrl-C too. `seed` fills each fresh database (the demo community by default).
 */
export async function perDialect<T>(
  opts: HttpBenchOptions,
  measure: (run: DialectRun) => Promise<T>,
  seed?: (dialect: Dialect) => Seeder,
): Promise<Partial<Record<Dialect, T>>> {
  if (opts.dialects.includes('postgres')) await assertPostgresReachable(opts.pgUrl);
  const cleanup = new Cleanup();
  return cleanup.guard(async () => {
    const load = new LoadGenerator();
    cleanup.add('stop load generator', () => load.close());
    const bareUrl = await startBare(cleanup);
    const out: Partial<Record<Dialect, T>> = {};
    for (const dialect of opts.dialects) {
      const teardown = new Cleanup();
      cleanup.add(`${dialect} teardown`, () => teardown.run());
      try {
        const db = await createDatabase(dialect, opts.pgUrl, teardown);
        const gz = await startGongzhi(db, teardown, seed?.(dialect));
        out[dialect] = await measure({ dialect, load, bareUrl, gz, cookie: await loginDemoAdmin(gz.url), db });
      } finally {
        await teardown.run();
      }
    }
    return out;
  });
}

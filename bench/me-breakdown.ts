// Where the time of GET /api/v1/me goes, measured rather than guessed: the same scheme as `core` (one process,
// load from a worker thread, alternating slices, medians) over routes that each add one layer of the path.
//
//   bare          Fastify() with one route: the floor
//   healthz       the Gongzhi app, GET /healthz without a cookie: every global plugin and hook, no database
//   healthz+auth  the same with the session cookie: + actorFromToken (sha256, session query, roles query)
//   me            GET /api/v1/me: + policy, describeMe, response serialisation, bigger body
//   me+stmtcache  (SQLite) GET /api/v1/me on a second app over the same file whose better-sqlite3 handle
//                 caches prepared statements by SQL text; since db/connect.ts caches statements itself, this row
//                 should now match `me` (kept to catch a regression of that cache)
//
// Per-request cost is 1e6 / rps microseconds of the (saturated) server thread; the deltas between adjacent rows
// are the cost of each layer. Nothing here changes the server's code: the statement cache is patched into this
// process's own database handle.
import type { Statement } from 'better-sqlite3';
import { progress, type Benchmark } from './lib/benchmark.js';
import { Cleanup } from './lib/cleanup.js';
import { LoadGenerator } from './lib/load.js';
import { measureAlternating, type Target } from './lib/measure.js';
import { describeSettings, httpUsage, parseHttpArgs, settingsOf } from './lib/options.js';
import { assertPostgresReachable, createDatabase, loginDemoAdmin, startBare, startGongzhi } from './lib/servers.js';
import { round } from './lib/stats.js';
import type { AppDeps } from '../apps/server/src/deps.js';

/** Memoise `prepare` on the raw better-sqlite3 handle (Kysely's SQLite driver prepares every query afresh). */
function cacheStatements(deps: AppDeps): void {
  const raw = deps.handle.sqlite;
  if (!raw) return;
  const prepare = raw.prepare.bind(raw);
  const cache = new Map<string, Statement>();
  raw.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) cache.set(source, (stmt = prepare(source)));
    return stmt;
  }) as typeof raw.prepare;
}

const usage = httpUsage('me-breakdown');

export const meBreakdown: Benchmark = {
  name: 'me-breakdown',
  description: 'GET /api/v1/me layer by layer (plugins, session lookup, route, statement cache) against bare Fastify',
  async run(args) {
    const { opts, values } = parseHttpArgs(args, usage);
    if (values.help) {
      progress(usage);
      return { result: { usage }, exitCode: 0 };
    }
    opts.log(describeSettings('me-breakdown', opts));
    if (opts.dialects.includes('postgres')) await assertPostgresReachable(opts.pgUrl);
    const cleanup = new Cleanup();
    const out = await cleanup.guard(async () => {
      const load = new LoadGenerator();
      cleanup.add('stop load generator', () => load.close());
      const bareUrl = await startBare(cleanup);
      const result: Record<string, unknown> = {};
      for (const dialect of opts.dialects) {
        const perDialect = new Cleanup();
        cleanup.add(`${dialect} teardown`, () => perDialect.run());
        try {
          const db = await createDatabase(dialect, opts.pgUrl, perDialect);
          const gz = await startGongzhi(db, perDialect);
          const cookie = await loginDemoAdmin(gz.url);
          const targets: Target[] = [
            { name: 'bare', url: bareUrl },
            { name: 'healthz', url: `${gz.url}/healthz` },
            { name: 'healthz+auth', url: `${gz.url}/healthz`, headers: { cookie } },
            { name: 'me', url: `${gz.url}/api/v1/me`, headers: { cookie } },
          ];
          if (dialect === 'sqlite') {
            const cached = await startGongzhi(db, perDialect, { seed: false, tweak: cacheStatements });
            targets.push({ name: 'me+stmtcache', url: `${cached.url}/api/v1/me`, headers: { cookie } });
          }
          const m = await measureAlternating(load, targets, { ...opts, label: `[${dialect}]` });
          const rows: Record<string, unknown> = {};
          let previous: number | null = null;
          for (const t of targets) {
            const f = m.figures[t.name]!;
            const us = 1e6 / f.rps;
            // me+stmtcache is compared with me (what the cache saves), the others with the row above.
            const delta = t.name === 'me+stmtcache' ? us - 1e6 / m.figures.me!.rps : previous === null ? null : us - previous;
            rows[t.name] = { ...f, us_per_req: round(us, 1), delta_us: delta === null ? null : round(delta, 1), ratio_to_bare: round(f.rps / m.figures.bare!.rps, 3) };
            opts.log(`[${dialect}] ${t.name.padEnd(13)} ${String(f.rps).padStart(6)} req/s  ${us.toFixed(1).padStart(7)} µs/req${delta === null ? '' : `  (${delta >= 0 ? '+' : ''}${delta.toFixed(1)} µs)`}`);
            if (t.name !== 'me+stmtcache') previous = us;
          }
          result[dialect] = rows;
        } finally {
          await perDialect.run();
        }
      }
      return result;
    });
    return { result: { ...settingsOf(opts), ...out }, exitCode: 0 };
  },
};

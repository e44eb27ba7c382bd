// The core benchmark: what an authenticated request costs compared with Fastify doing nothing.
//
// Fairness scheme (details in README.md):
//  - One process. The bare Fastify server and the Gongzhi app listen side by side on 127.0.0.1 (port 0) on the
//    main thread, so they share the same event loop, JIT, GC and machine noise. The load generator (autocannon)
//    runs in a worker thread, so it never competes with the servers for the main event loop.
//  - Per database: warm each route up (JIT, caches, connection pools), then measure `rounds` slices of
//    seconds/rounds each, alternating bare, me | me, bare | bare, me | …, so slow drift (heat, heap growth, a
//    neighbour's job) falls on both routes alike.
//  - Each route's rps/p50/p99 is the median over its slices. The ratio is the median of the per-round ratios
//    me_rps / bare_rps (the two slices of a round ran back to back), which also cancels drift between rounds.
import { progress, type Benchmark } from './lib/benchmark.js';
import { measureAlternating, type RouteFigures } from './lib/measure.js';
import { defaultHttpOptions, describeSettings, httpUsage, parseHttpArgs, settingsOf, validateOptions, type HttpBenchOptions } from './lib/options.js';
import { perDialect } from './lib/per-dialect.js';
import type { Dialect } from './lib/servers.js';
import { median, round } from './lib/stats.js';

/** The product's target: on SQLite an authenticated read keeps at least this share of bare Fastify's throughput. */
export const RATIO_SQLITE_MIN = 0.35;

export interface DialectFigures {
  bare: RouteFigures;
  me: RouteFigures;
  /** Median over rounds of me_rps / bare_rps. */
  ratio: number;
  /** The per-round ratios, in the order measured. */
  ratios: number[];
}

export type CoreFigures = Partial<Record<Dialect, DialectFigures>>;

/**
 * Measure, for each dialect, GET /api/v1/me (logged in as the demo community admin) against a bare Fastify
 * route. Throws a BenchError when PostgreSQL is asked for but unreachable.
 */
export async function measureCore(options: Partial<HttpBenchOptions> = {}): Promise<CoreFigures> {
  const opts: HttpBenchOptions = { ...defaultHttpOptions, ...options };
  validateOptions(opts);
  return perDialect(opts, async ({ dialect, load, bareUrl, gz, cookie }) => {
    const m = await measureAlternating(
      load,
      [
        { name: 'bare', url: bareUrl },
        { name: 'me', url: `${gz.url}/api/v1/me`, headers: { cookie } },
      ],
      { ...opts, label: `[${dialect}]` },
    );
    const ratios = m.ratios.me!;
    const figures = { bare: m.figures.bare!, me: m.figures.me!, ratio: round(median(ratios), 3), ratios: ratios.map((r) => round(r, 3)) };
    opts.log(`[${dialect}] median: bare ${figures.bare.rps} req/s, me ${figures.me.rps} req/s, ratio ${figures.ratio}`);
    return figures;
  });
}

const usage = httpUsage('core', ' [--strict]') + `\n  --strict       exit 2 when the SQLite ratio misses the target (${RATIO_SQLITE_MIN})`;

export const core: Benchmark = {
  name: 'core',
  description: 'req/s and p50/p99 of an authenticated GET /api/v1/me vs a bare Fastify route, on SQLite and PostgreSQL',
  async run(args) {
    const { opts, values } = parseHttpArgs(args, usage, { strict: { type: 'boolean' } });
    if (values.help) {
      progress(usage);
      return { result: { usage }, exitCode: 0 };
    }
    opts.log(describeSettings('core', opts));
    const figures = await measureCore(opts);
    const sqliteRatio = figures.sqlite?.ratio;
    const met = sqliteRatio === undefined ? null : sqliteRatio >= RATIO_SQLITE_MIN;
    return {
      result: { ...settingsOf(opts), ...figures, target: { ratio_sqlite_min: RATIO_SQLITE_MIN, met } },
      exitCode: values.strict && met === false ? 2 : 0,
    };
  },
};

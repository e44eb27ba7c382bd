// Where the time of GET /api/v1/me goes, measured rather than guessed: the same scheme as `core` (one process,
// load from a worker thread, alternating slices, medians) over routes that each add one layer of the path.
//
//   bare          Fastify() with one route: the floor
//   healthz       the Gongzhi app, GET /healthz without a cookie: every global plugin and hook, no database
//   healthz+auth  the same with the session cookie: + actorFromToken (sha256, session query, roles query)
//   me            GET /api/v1/me: + policy, describeMe, response serialisation, bigger body
//
// Per-request cost is 1e6 / rps microseconds of the (saturated) server thread; the deltas between adjacent rows
// are the cost of each layer. Nothing here changes the server's code: the statement cache is patched into this
// process's own database handle.
import { progress, type Benchmark } from './lib/benchmark.js';
import { measureAlternating, type Target } from './lib/measure.js';
import { describeSettings, httpUsage, parseHttpArgs, settingsOf } from './lib/options.js';
import { perDialect } from './lib/per-dialect.js';
import { round } from './lib/stats.js';

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
    const out = await perDialect(opts, async ({ dialect, load, bareUrl, gz, cookie }) => {
      const targets: Target[] = [
        { name: 'bare', url: bareUrl },
        { name: 'healthz', url: `${gz.url}/healthz` },
        { name: 'healthz+auth', url: `${gz.url}/healthz`, headers: { cookie } },
        { name: 'me', url: `${gz.url}/api/v1/me`, headers: { cookie } },
      ];
      const m = await measureAlternating(load, targets, { ...opts, label: `[${dialect}]` });
      const rows: Record<string, unknown> = {};
      let previous: number | null = null;
      for (const t of targets) {
        const f = m.figures[t.name]!;
        const us = 1e6 / f.rps;
        const delta = previous === null ? null : us - previous;
        rows[t.name] = { ...f, us_per_req: round(us, 1), delta_us: delta === null ? null : round(delta, 1), ratio_to_bare: round(f.rps / m.figures.bare!.rps, 3) };
        opts.log(`[${dialect}] ${t.name.padEnd(13)} ${String(f.rps).padStart(6)} req/s  ${us.toFixed(1).padStart(7)} µs/req${delta === null ? '' : `  (${delta >= 0 ? '+' : ''}${delta.toFixed(1)} µs)`}`);
        previous = us;
      }
      return rows;
    });
    return { result: { ...settingsOf(opts), ...out }, exitCode: 0 };
  },
};

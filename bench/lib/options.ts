import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { BenchError, progress } from './benchmark.js';
import { DEFAULT_PG_URL, type Dialect } from './servers.js';

/** The knobs of the HTTP benchmarks (`--seconds` etc.). */
export interface HttpBenchOptions {
  dialects: Dialect[];
  /** Measured seconds per route per database (split over the rounds). */
  seconds: number;
  /** Warm-up seconds per route per database, not measured. */
  warmup: number;
  /** Alternating slices; each lasts seconds / rounds. */
  rounds: number;
  connections: number;
  pipelining: number;
  /** Where to create (and drop) the throw-away database `gz_bench_<random>`. */
  pgUrl: string;
  /** Progress lines (stderr by default). */
  log: (line: string) => void;
}

export const defaultHttpOptions: HttpBenchOptions = {
  dialects: ['sqlite', 'postgres'],
  seconds: 8,
  warmup: 2,
  rounds: 4,
  connections: 10,
  pipelining: 1,
  pgUrl: DEFAULT_PG_URL,
  log: progress,
};

export const httpUsage = (name: string, extra = '') => `Usage: npm run bench -- ${name} [--seconds 8] [--warmup 2] [--rounds 4] [--connections 10] [--pipelining 1]
         [--dialects sqlite,postgres] [--pg-url ${DEFAULT_PG_URL}]${extra}
  --seconds      measured seconds per route per database, split into --rounds alternating slices
  --warmup       unmeasured seconds per route per database before the rounds
  --connections  concurrent keep-alive connections (closed loop: each waits for its answer)`;

export function validateOptions(o: HttpBenchOptions): void {
  if (!(o.seconds > 0) || !(o.rounds >= 1) || !(o.connections >= 1) || !(o.pipelining >= 1) || !(o.warmup >= 0)) {
    throw new BenchError('--seconds, --rounds, --connections and --pipelining must be positive, --warmup not negative');
  }
  if (o.dialects.length === 0) throw new BenchError('--dialects names no database');
}

/** Parse the shared flags plus `extra` ones; unknown flags are an error that shows the usage. */
export function parseHttpArgs(args: string[], usage: string, extra: Record<string, { type: 'boolean' | 'string' }> = {}) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      options: {
        seconds: { type: 'string' },
        warmup: { type: 'string' },
        rounds: { type: 'string' },
        connections: { type: 'string' },
        pipelining: { type: 'string' },
        dialects: { type: 'string' },
        'pg-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...extra,
      },
    });
  } catch (e) {
    throw new BenchError(`${(e as Error).message}\n${usage}`);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const num = (name: string, fallback: number) => {
    const raw = v[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) throw new BenchError(`--${name} must be a number, got "${String(raw)}"\n${usage}`);
    return n;
  };
  const dialects = String(v.dialects ?? defaultHttpOptions.dialects.join(','))
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') throw new BenchError(`unknown dialect "${d}"\n${usage}`);
  const opts: HttpBenchOptions = {
    ...defaultHttpOptions,
    dialects: dialects as Dialect[],
    seconds: num('seconds', defaultHttpOptions.seconds),
    warmup: num('warmup', defaultHttpOptions.warmup),
    rounds: Math.trunc(num('rounds', defaultHttpOptions.rounds)),
    connections: Math.trunc(num('connections', defaultHttpOptions.connections)),
    pipelining: Math.trunc(num('pipelining', defaultHttpOptions.pipelining)),
    pgUrl: typeof v['pg-url'] === 'string' ? v['pg-url'] : defaultHttpOptions.pgUrl,
  };
  validateOptions(opts);
  return { opts, values: v };
}

/** The settings every HTTP benchmark reports next to its figures. */
export const settingsOf = (o: HttpBenchOptions) => ({
  node: process.version,
  cpus: availableParallelism(),
  seconds: o.seconds,
  warmup_s: o.warmup,
  rounds: o.rounds,
  connections: o.connections,
  pipelining: o.pipelining,
});

export const describeSettings = (name: string, o: HttpBenchOptions) =>
  `${name}: ${o.dialects.join(' + ')}; per route: warm-up ${o.warmup} s, then ${o.seconds} s in ${o.rounds} alternating slices; ` +
  `${o.connections} connections, pipelining ${o.pipelining}`;

/**
 * The shared flags with a benchmark's own defaults where they were not given, and a reader of its whole-number
 * flags: what every seeded benchmark does with `parseHttpArgs`' result.
 */
export function benchOptions(
  http: HttpBenchOptions,
  values: Record<string, string | boolean | undefined>,
  defaults: Pick<HttpBenchOptions, 'seconds' | 'warmup' | 'rounds' | 'connections'>,
  usage: string,
) {
  const int = (name: string, fallback: number): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (typeof raw !== 'string' || !Number.isInteger(n) || n < 1) throw new BenchError(`--${name} must be a positive whole number, got "${String(raw)}"\n${usage}`);
    return n;
  };
  const shared: HttpBenchOptions = {
    ...http,
    seconds: values.seconds === undefined ? defaults.seconds : http.seconds,
    warmup: values.warmup === undefined ? defaults.warmup : http.warmup,
    rounds: values.rounds === undefined ? defaults.rounds : http.rounds,
    connections: values.connections === undefined ? defaults.connections : http.connections,
  };
  return { shared, int };
}

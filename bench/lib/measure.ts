import type { LoadGenerator, LoadResult } from './load.js';
import { median, round } from './stats.js';

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** GET by default; a POST sends `body` with every request (intake throughput). */
  method?: 'GET' | 'POST';
  body?: string;
}

export interface MeasureOptions {
  /** Measured seconds per target, split over the rounds. */
  seconds: number;
  /** Unmeasured seconds per target before the first round. */
  warmup: number;
  rounds: number;
  connections: number;
  pipelining: number;
  /** Prefix of the progress lines, e.g. "[sqlite]". */
  label: string;
  log: (line: string) => void;
}

export interface RouteFigures {
  rps: number;
  p50_ms: number;
  p99_ms: number;
}

export interface Measured {
  /** Per target: medians over the rounds. */
  figures: Record<string, RouteFigures>;
  /** Per target: its rps over the first target's rps, one per round (they ran back to back). */
  ratios: Record<string, number[]>;
  runs: Record<string, LoadResult[]>;
}

function checked(label: string, r: LoadResult): LoadResult {
  if (r.requests === 0 || r.non2xx > 0) {
    throw new Error(`${label}: ${r.requests} answers 2xx, ${r.non2xx} not (${JSON.stringify(r.statuses)}), ${r.errors} socket errors`);
  }
  return r;
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2).padStart(6)} ms  p99 ${r.p99Ms.toFixed(2).padStart(6)} ms` +
  (r.errors ? `  (${r.errors} socket errors)` : '');

/**
 * The fairness scheme shared by the benchmarks. All targets are served by this process and loaded from the
 * worker thread one at a time. Each target is warmed up, then measured in `rounds` slices of seconds/rounds;
 * the order alternates (A B C | C B A | A B C …) so slow drift during the run falls on every target alike.
 * Figures are medians over the slices; ratios pair each slice with the first target's slice of the same round.
 */
export async function measureAlternating(load: LoadGenerator, targets: Target[], o: MeasureOptions): Promise<Measured> {
  const width = Math.max(...targets.map((t) => t.name.length));
  const hit = async (t: Target, duration: number, what: string) => {
    const r = checked(`${o.label} ${what} ${t.name}`, await load.run({ url: t.url, headers: t.headers ?? {}, method: t.method, body: t.body, connections: o.connections, pipelining: o.pipelining, duration }));
    o.log(`${o.label} ${what} ${t.name.padEnd(width)} ${fmt(r)}`);
    return r;
  };
  if (o.warmup > 0) for (const t of targets) await hit(t, o.warmup, 'warm-up  ');
  const slice = o.seconds / o.rounds;
  const runs: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < o.rounds; i++) {
    const order = i % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) runs[t.name]!.push(await hit(t, slice, `round ${i + 1}/${o.rounds}`));
  }
  const base = runs[targets[0]!.name]!;
  const figures: Record<string, RouteFigures> = {};
  const ratios: Record<string, number[]> = {};
  for (const t of targets) {
    const rs = runs[t.name]!;
    figures[t.name] = {
      rps: Math.round(median(rs.map((r) => r.rps))),
      p50_ms: round(median(rs.map((r) => r.p50Ms)), 3),
      p99_ms: round(median(rs.map((r) => r.p99Ms)), 3),
    };
    ratios[t.name] = rs.map((r, k) => r.rps / base[k]!.rps);
  }
  return { figures, ratios, runs };
}

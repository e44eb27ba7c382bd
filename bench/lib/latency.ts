// Latency of one request at a time (a closed loop of one), for targets that are either HTTP routes (loaded from
// the worker thread) or functions run in this process (the SQL baselines), measured under the same fairness
// scheme as the throughput benchmarks: warm-up, then alternating slices, medians over the slices.
import type { LoadGenerator } from './load.js';
import { median, round } from './stats.js';

export interface LatencyFigures {
  /** Answers per second of the closed loop. */
  rps: number;
  p50_ms: number;
  p99_ms: number;
  /** Answers measured, over all slices. */
  n: number;
}

interface Slice {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export type LatencyTarget = { name: string } & ({ url: string; headers: Record<string, string> } | { run: () => Promise<void> });

/** Nearest-rank percentile of an ascending array. */
const percentile = (sorted: Float64Array, q: number) => (sorted.length ? sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1]! : NaN);

/** Call `fn` back to back for `seconds`, timing each call (every latency kept, percentiles exact). */
export async function timeLoop(fn: () => Promise<void>, seconds: number): Promise<Slice> {
  let times = new Float64Array(4096);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  for (let t = start; t < until; ) {
    await fn();
    const now = performance.now();
    if (n === times.length) {
      const bigger = new Float64Array(n * 2);
      bigger.set(times);
      times = bigger;
    }
    times[n++] = now - t;
    t = now;
  }
  const sorted = times.subarray(0, n).sort();
  return { requests: n, rps: n / ((performance.now() - start) / 1000), p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
}

export interface LatencyOptions {
  seconds: number;
  warmup: number;
  rounds: number;
  /** Concurrent connections of the HTTP targets (1: one request at a time, the latency of a request alone). */
  connections: number;
  label: string;
  log: (line: string) => void;
}

/**
 * Measure every target: each warmed up, then `rounds` slices of seconds/rounds, in an order that alternates
 * (A B C | C B A | …) so drift falls on all alike. Figures are medians over the slices.
 */
export async function measureLatencies(load: LoadGenerator, targets: LatencyTarget[], o: LatencyOptions): Promise<Record<string, LatencyFigures>> {
  const width = Math.max(...targets.map((t) => t.name.length));
  const hit = async (t: LatencyTarget, duration: number, what: string): Promise<Slice> => {
    let s: Slice;
    if ('run' in t) s = await timeLoop(t.run, duration);
    else {
      const r = await load.run({ url: t.url, headers: t.headers, connections: o.connections, pipelining: 1, duration });
      if (r.requests === 0 || r.non2xx > 0) throw new Error(`${o.label} ${t.name}: ${r.requests} answers 2xx, ${r.non2xx} not (${JSON.stringify(r.statuses)})`);
      s = r;
    }
    o.log(`${o.label} ${what} ${t.name.padEnd(width)} ${Math.round(s.rps).toString().padStart(6)}/s  p50 ${s.p50Ms.toFixed(2).padStart(7)} ms  p99 ${s.p99Ms.toFixed(2).padStart(7)} ms`);
    return s;
  };
  if (o.warmup > 0) for (const t of targets) await hit(t, o.warmup, 'warm-up  ');
  const slices: Record<string, Slice[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < o.rounds; i++) {
    const order = i % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) slices[t.name]!.push(await hit(t, o.seconds / o.rounds, `round ${i + 1}/${o.rounds}`));
  }
  return Object.fromEntries(
    targets.map((t) => {
      const s = slices[t.name]!;
      return [t.name, { rps: Math.round(median(s.map((x) => x.rps))), p50_ms: round(median(s.map((x) => x.p50Ms)), 3), p99_ms: round(median(s.map((x) => x.p99Ms)), 3), n: s.reduce((a, x) => a + x.requests, 0) }];
    }),
  );
}

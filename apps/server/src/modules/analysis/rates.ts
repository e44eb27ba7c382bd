import type { Locale, RatesView, RateView } from '@gongzhi/shared';
import type { Counters } from './analysis.repository.js';

/** A rate to four decimals, null when nobody is in the denominator (definitions: packages/shared schemas/analysis.ts). */
export const rate = (numerator: number, denominator: number): RateView => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000,
});

/** The three rates of a group: response, resolution, satisfaction. */
export const ratesOf = (c: Counters): RatesView => ({
  response: rate(c.respondedInTime, c.counted),
  resolution: rate(c.resolved, c.rated),
  satisfaction: rate(c.satisfied, c.rated),
});

export const zeroCounters = (): Counters => ({ received: 0, counted: 0, respondedInTime: 0, rated: 0, resolved: 0, satisfied: 0, open: 0, replied: 0, closed: 0 });

/** Add `b` into `a` (returns `a`). */
export function addInto(a: Counters, b: Counters): Counters {
  a.received += b.received;
  a.counted += b.counted;
  a.respondedInTime += b.respondedInTime;
  a.rated += b.rated;
  a.resolved += b.resolved;
  a.satisfied += b.satisfied;
  a.open += b.open;
  a.replied += b.replied;
  a.closed += b.closed;
  return a;
}

/** Sum rows of counters by a key of each row. */
export function sumBy<T extends Counters>(rows: T[], key: (r: T) => string | null): Map<string | null, Counters> {
  const out = new Map<string | null, Counters>();
  for (const r of rows) {
    const k = key(r);
    let c = out.get(k);
    if (!c) out.set(k, (c = zeroCounters()));
    addInto(c, r);
  }
  return out;
}

/** Names for groups without a key, in the caller's language. */
export const noneLabels = {
  category: { zh: '未分类', en: 'Uncategorised' },
  grid: { zh: '未划分网格', en: 'No grid' },
} as const;
export const labelIn = (l: { zh: string; en: string }, locale: Locale) => (locale === 'en-US' ? l.en : l.zh);

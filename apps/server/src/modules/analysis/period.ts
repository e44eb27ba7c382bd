import { AppError } from '../../lib/app-error.js';

/** A half-open interval of ISO UTC times: `from` ≤ created_at < `to`. */
export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const LOCAL_OFFSET_MS = 8 * 3_600_000;
export const DEFAULT_DAYS = 30;
/** Two years and a leap day. */
export const MAX_DAYS = 731;

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
/** Midnight of a local (UTC+8) date, as a UTC instant. */
export const localMidnight = (date: string): Date => new Date(Date.parse(`${date}T00:00:00.000Z`) - LOCAL_OFFSET_MS);
/** The local (UTC+8) date of an instant. */
export const localDay = (d: Date | string): string => new Date(new Date(d).getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);

const invalid = (reason: string) => new AppError('report_period_invalid', 400, { reason, maxDays: MAX_DAYS });

/**
 * The period of a query: date-times as given (`to` exclusive), dates as local days (`to` inclusive); default the
 * 30 days up to now. Longer than two years, or `from` after `to`, is refused with `report_period_invalid`.
 */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date): Period {
  const to = q.to === undefined ? now : isDate(q.to) ? new Date(localMidnight(q.to).getTime() + DAY_MS) : new Date(q.to);
  const from = q.from === undefined ? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS) : isDate(q.from) ? localMidnight(q.from) : new Date(q.from);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw invalid('unparseable');
  if (from.getTime() >= to.getTime()) throw invalid('from_not_before_to');
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw invalid('too_long');
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  const len = Date.parse(p.to) - Date.parse(p.from);
  return { from: new Date(Date.parse(p.from) - len).toISOString(), to: p.from };
}

/** A local month `YYYY-MM` as a period; default the month before the one `now` is in. */
export function monthPeriod(month: string | undefined, now: Date): Period & { month: string } {
  let m = month;
  if (!m) {
    const today = localDay(now);
    const [y, mo] = today.split('-').map(Number) as [number, number];
    m = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  }
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { month: m, from: localMidnight(`${m}-01`).toISOString(), to: localMidnight(`${next}-01`).toISOString() };
}

/** The start (local date) of the bucket a local day falls in: itself, its week's Monday, or its month's first. */
export function bucketStart(day: string, granularity: 'day' | 'week' | 'month'): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00.000Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

/** The granularity the dashboard uses by default for a period's length. */
export function defaultGranularity(p: Period): 'day' | 'week' | 'month' {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / DAY_MS;
  return days <= 62 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** Every bucket start from the period's first local day to its last, so empty days show as zero. */
export function bucketStarts(p: Period, granularity: 'day' | 'week' | 'month'): string[] {
  const out: string[] = [];
  const last = localDay(new Date(Date.parse(p.to) - 1));
  for (let day = localDay(p.from); day <= last; day = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)) {
    const b = bucketStart(day, granularity);
    if (out[out.length - 1] !== b) out.push(b);
  }
  return out;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * A period as whole local days [from, to) for the daily rollup plus the partial days at its edges (as periods)
 * for the requests themselves. A period reaching `now` takes today as whole: nothing is received after now.
 */
export function splitForRollup(p: Period, now: Date): { days: { from: string; to: string } | null; edges: Period[] } {
  const fromMs = Date.parse(p.from);
  const toMs = Date.parse(p.to);
  const startDay = localDay(p.from);
  const firstFull = localMidnight(startDay).getTime() === fromMs ? startDay : nextDay(startDay);
  const edges: Period[] = [];
  let lastExclusive: string;
  if (toMs >= now.getTime()) lastExclusive = nextDay(localDay(now));
  else {
    lastExclusive = localDay(p.to);
    const endMidnight = localMidnight(lastExclusive).getTime();
    if (endMidnight < toMs && lastExclusive >= firstFull) edges.push({ from: new Date(endMidnight).toISOString(), to: p.to });
  }
  if (firstFull >= lastExclusive) return { days: null, edges: [p] };
  if (firstFull !== startDay) edges.unshift({ from: p.from, to: localMidnight(firstFull).toISOString() });
  return { days: { from: firstFull, to: lastExclusive }, edges };
}

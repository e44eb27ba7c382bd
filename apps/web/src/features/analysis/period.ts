/** The dashboard's period choices, as the address bar holds them, and the local dates they stand for. */

export const periodPresets = ['7d', '30d', '90d', 'month', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface PeriodChoice {
  preset: PeriodPreset;
  /** `YYYY-MM` for the month preset. */
  month?: string;
  /** `YYYY-MM-DD`, both inclusive, for the custom preset. */
  from?: string;
  to?: string;
}

const DAY = 86_400_000;
// Reports count days in China Standard Time whatever the browser's zone, as the server does.
const CST = 8 * 3_600_000;
const dayOf = (ms: number) => new Date(ms + CST).toISOString().slice(0, 10);

/** Today's date in UTC+8. */
export const todayCst = (): string => dayOf(Date.now());
/** This month in UTC+8, `YYYY-MM`. */
export const thisMonth = (): string => todayCst().slice(0, 7);
/** The month before `month` (`YYYY-MM`). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const isDay = (v: string | null | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isMonth = (v: string | null | undefined): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The first and last local day of a choice (inclusive), as the API takes them. */
export function periodDates(c: PeriodChoice): { from: string; to: string } {
  const today = todayCst();
  const lastDays = (n: number) => ({ from: dayOf(Date.now() - (n - 1) * DAY), to: today });
  switch (c.preset) {
    case '7d':
      return lastDays(7);
    case '90d':
      return lastDays(90);
    case 'month':
      return monthBounds(isMonth(c.month) ? c.month : thisMonth());
    case 'custom':
      return isDay(c.from) && isDay(c.to) ? { from: c.from, to: c.to } : lastDays(30);
    default:
      return lastDays(30);
  }
}

/** Read the choice from the address (`period`, `month`, `from`, `to`); the last 30 days by default. */
export function readPeriod(p: URLSearchParams): PeriodChoice {
  const preset = (periodPresets as readonly string[]).includes(p.get('period') ?? '') ? (p.get('period') as PeriodPreset) : '30d';
  if (preset === 'month') return { preset, month: isMonth(p.get('month')) ? p.get('month')! : thisMonth() };
  if (preset === 'custom') {
    const from = p.get('from');
    const to = p.get('to');
    return isDay(from) && isDay(to) ? { preset, from, to } : { preset: '30d' };
  }
  return { preset };
}

/** Write the choice into the address, keeping other parameters. */
export function writePeriod(p: URLSearchParams, c: PeriodChoice): URLSearchParams {
  const next = new URLSearchParams(p);
  for (const k of ['period', 'month', 'from', 'to']) next.delete(k);
  if (c.preset !== '30d') next.set('period', c.preset);
  if (c.preset === 'month' && c.month) next.set('month', c.month);
  if (c.preset === 'custom' && c.from && c.to) {
    next.set('from', c.from);
    next.set('to', c.to);
  }
  return next;
}

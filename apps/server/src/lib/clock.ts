/** Injected so tests can move time (lockouts, expiry) without sleeping. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** ISO 8601 UTC text, the stored form of every time. */
export const iso = (d: Date): string => d.toISOString();
export const addMinutes = (d: Date, m: number): Date => new Date(d.getTime() + m * 60_000);

/** Community registers keep dates in China Standard Time (UTC+8 all year), so "today" is the date there. */
export const localDate = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** `YYYY-MM-DD` plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0); // rolled into March: step back to the month's end
  return target.toISOString().slice(0, 10);
}

/** Whole years from a `YYYY-MM-DD` birth date to `on` (same form). */
export const ageOn = (birthDate: string, on: string): number =>
  Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);

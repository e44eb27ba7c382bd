import type { Random } from './prng.js';

/**
 * Calendar dates as `YYYY-MM-DD` text (what the registers store). The generator handles a few million of them
 * for a large subdistrict, so they are converted to day numbers with integer arithmetic (Hinnant's civil
 * calendar algorithms) rather than through Date objects; there is no time zone to move them.
 */

function toDays(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function fromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same month and day `years` earlier (negative: later); 29 February falls on 1 March in other years. */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(4);
  return md === '-02-29' && !isLeap(y) ? `${y}-03-01` : `${y}${md}`;
}

export { ageOn } from '../lib/clock.js';

/** A day in [from, to] (both included); `to` before `from` gives `from`. */
export function dateBetween(rng: Random, from: string, to: string): string {
  const a = toDays(from);
  const b = toDays(to);
  return b <= a ? from : fromDays(a + rng.int(0, b - a));
}

/** A birth date of someone exactly `age` years old on `today`. */
export function birthDateForAge(rng: Random, today: string, age: number): string {
  return dateBetween(rng, addDays(yearsBefore(today, age + 1), 1), yearsBefore(today, age));
}

export const laterOf = (a: string, b: string): string => (a > b ? a : b);

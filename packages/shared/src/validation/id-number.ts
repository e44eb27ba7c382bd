/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 17 digits and a check character computed with
 * ISO 7064 MOD 11-2. The first six digits are the region of first registration, then the birth date
 * (YYYYMMDD), then a sequence whose last digit is odd for men and even for women.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

export interface IdNumberFacts {
  /** The number with a lower-case x made upper-case, as registers store it. */
  normalised: string;
  regionCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Check an 18-character ID number and read what it tells. `today` bounds the birth date, so a number dated in the
 * future is refused; it defaults to now.
 */
export function parseIdNumber(input: string, today: Date = new Date()): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const n = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(n)) return { ok: false, problem: 'format' };
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!valid || y < 1900 || date.getTime() > today.getTime()) return { ok: false, problem: 'birth_date' };
  if (idNumberCheckChar(n.slice(0, 17)) !== n[17]) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    facts: {
      normalised: n,
      regionCode: n.slice(0, 6),
      birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
      gender: Number(n[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

import type { Random } from './prng.js';

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): registration authority, organisation type,
 * region, the 9-character organisation code (GB 11714, with its own check digit) and a check character over
 * the first 17, so generated organisations pass any checker.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** 9 1 = a company (market regulator), 5 1 / 5 2 = a social group / non-profit (civil affairs), 1 2 = a public institution. */
export type CreditKind = 'company' | 'social_group' | 'non_profit' | 'institution';
const prefixes: Record<CreditKind, string> = { company: '91', social_group: '51', non_profit: '52', institution: '12' };

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARS[(31 - (sum % 31)) % 31]!;
}

function organisationCode(rng: Random): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += String(rng.int(0, 9));
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

export function drawCreditCode(rng: Random, kind: CreditKind, regionCode: string): string {
  const first17 = prefixes[kind] + regionCode + organisationCode(rng);
  return first17 + creditCodeCheckChar(first17);
}

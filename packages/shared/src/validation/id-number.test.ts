import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, parseIdNumber } from './id-number.js';

const today = new Date('2026-11-25T00:00:00Z');
/** Build a valid number from its first 17 digits. */
const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard example and reads region, birth date and gender', () => {
    // The worked example of GB 11643-1999: check character X.
    const r = parseIdNumber('11010519491231002x', today);
    expect(r).toEqual({ ok: true, facts: { normalised: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' } });
    const man = parseIdNumber(valid('43010219800101001'), today);
    expect(man.ok && man.facts.gender).toBe('male');
  });

  it('names what is wrong', () => {
    expect(parseIdNumber('1101051949123100', today)).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('11010519491231002A', today)).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('110105194912310021', today)).toEqual({ ok: false, problem: 'checksum' });
    expect(parseIdNumber(valid('11010519490230002'), today)).toEqual({ ok: false, problem: 'birth_date' }); // 30 February
    expect(parseIdNumber(valid('11010520301231002'), today)).toEqual({ ok: false, problem: 'birth_date' }); // in the future
    expect(parseIdNumber(valid('11010518991231002'), today)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('catches every single-digit typo', () => {
    const good = valid('44030419900307123');
    for (let i = 0; i < 17; i++) {
      const digit = Number(good[i]);
      const typo = good.slice(0, i) + String((digit + 1) % 10) + good.slice(i + 1);
      const r = parseIdNumber(typo, today);
      expect(r.ok, typo).toBe(false);
    }
  });
});

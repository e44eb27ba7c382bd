import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from '@gongzhi/shared';
import { canonicalContent, lineProblems, sha256Hex } from './content.js';
import { monthsBefore } from './public.service.js';
import { readMonth } from './import.service.js';

describe('amounts in yuan', () => {
  it('reads plain and grouped amounts into fen without float rounding', () => {
    expect(['1,234.50', '1234.5', '0', '0.01', '¥80', '12,345,678.9', '19.99', ' 7 '].map(parseYuan)).toEqual(
      [123450, 123450, 0, 1, 8000, 1234567890, 1999, 700].map((fen) => (fen > 1_000_000_000 ? { ok: false, code: 'fee_board_amount_too_large' } : { ok: true, fen })),
    );
  });
  it('refuses negative amounts, three decimals, bad grouping and words', () => {
    expect(parseYuan('-5')).toEqual({ ok: false, code: 'fee_board_amount_negative' });
    expect(parseYuan('（5.00）')).toEqual({ ok: false, code: 'fee_board_amount_negative' });
    expect(parseYuan('1.005')).toEqual({ ok: false, code: 'fee_board_amount_decimals' });
    expect(parseYuan('0.30000000000000004')).toEqual({ ok: false, code: 'fee_board_amount_decimals' });
    for (const bad of ['1,23.00', '12,34', 'abc', '', '1e5', '1.2.3', '五十']) expect(parseYuan(bad)).toEqual({ ok: false, code: 'fee_board_amount_invalid' });
    expect(parseYuan('99999999999')).toEqual({ ok: false, code: 'fee_board_amount_too_large' });
  });
  it('formats fen as grouped yuan', () => {
    expect([0, 5, 123450, 100000000, -250].map(formatYuan)).toEqual(['0.00', '0.05', '1,234.50', '1,000,000.00', '-2.50']);
  });
});

describe('months', () => {
  it('reads the ways a month is written, and counts back across years', () => {
    expect(['2026-10', '2026/3', '2026年3月', '202603', '2026.12'].map(readMonth)).toEqual(['2026-10', '2026-03', '2026-03', '2026-03', '2026-12']);
    expect(['2026-13', '26-10', 'Oct', null].map(readMonth)).toEqual([null, null, null, null]);
    expect(readMonth(new Date(Date.UTC(2026, 9, 1)))).toBe('2026-10');
    expect(monthsBefore('2026-11', 11)).toBe('2025-12');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
  });
});

describe('lines and the canonical content', () => {
  it('finds duplicate items, unnamed and too many free items', () => {
    expect(lineProblems([{ item: 'parking' }, { item: 'parking' }]).map((p) => [p.index, p.code])).toEqual([[1, 'fee_board_item_duplicate']]);
    expect(lineProblems([{ item: 'other', label: '' }]).map((p) => p.code)).toEqual(['fee_board_other_label_required']);
    expect(lineProblems([{ item: 'other', label: 'a' }, { item: 'other', label: 'b' }, { item: 'other', label: 'c' }]).map((p) => p.code)).toEqual(['fee_board_too_many_other']);
    expect(lineProblems([{ item: 'other', label: '电梯费' }, { item: 'other', label: '电梯费' }]).map((p) => p.code)).toEqual(['fee_board_item_duplicate']);
  });

  it('writes the documented form, whose sha256 is stable', () => {
    const text = canonicalContent(
      { community_id: 'c1', estate_id: 'e1', month: '2026-10', revision: 1, supersedes_id: null, correction_reason: null, published_at: '2026-11-01T02:00:00.000Z' },
      [{ item: 'property_fee', label: null, collected_fen: 123450, spent_fen: 0, quantity: null, unit: null, note: '物业' }],
    );
    expect(text).toBe(
      '{"format":"gongzhi-fee-board/1","communityId":"c1","estateId":"e1","month":"2026-10","revision":1,"supersedesId":null,"correctionReason":null,' +
        '"publishedAt":"2026-11-01T02:00:00.000Z","lines":[{"item":"property_fee","label":null,"collectedFen":123450,"spentFen":0,"quantity":null,"unit":null,"note":"物业"}]}',
    );
    // The figure docs/decisions.md quotes (and `printf '%s' … | sha256sum` gives); changing the form changes it.
    expect(sha256Hex(text)).toBe('57fe8c6f35241a63420d7f36b96a25d62e6b798cf8789678fcac82526ba2a962');
  });
});

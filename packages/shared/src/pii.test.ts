import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData, maskPersonName } from './pii.js';
import { idNumberCheckChar } from './validation/id-number.js';

const id17 = '11010519491231002';
const id = id17 + idNumberCheckChar(id17);

describe('findPersonalData', () => {
  it('finds an ID number, a mobile number and a bank card in one text', () => {
    const text = `王某，身份证${id}，电话13812345678，卡号6222 0202 0000 1234 000。`;
    const found = findPersonalData(text);
    expect(found.map((f) => f.kind)).toEqual(['id_number', 'phone', 'bank_card']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(id);
    expect(found[1]!.masked).toBe('138****5678');
    expect(found[2]!.masked).toBe(`${'*'.repeat(15)}4000`);
  });

  it('flags an ID number with a wrong check digit, a lower-case x, and the old 15-digit form', () => {
    const wrong = id17 + (id.endsWith('0') ? '1' : '0');
    expect(findPersonalData(`号码 ${wrong}`)[0]?.kind).toBe('id_number');
    expect(findPersonalData('11010519800101001x')[0]?.kind).toBe('id_number');
    expect(findPersonalData('110105491231002')[0]?.kind).toBe('id_number');
  });

  it('reads full-width digits, +86 and grouped mobiles', () => {
    expect(findPersonalData('联系：１３８１２３４５６７８')[0]?.masked).toBe('138****5678');
    expect(findPersonalData('+86 13812345678')[0]?.kind).toBe('phone');
    expect(findPersonalData('138-1234-5678')[0]?.kind).toBe('phone');
  });

  it('leaves amounts, dates, landlines, reference numbers and long non-Luhn runs alone', () => {
    const text = '2026年第三季度支出 12,345.67 元，凭证号 2026110100012，办公电话 010-62345678，编号 1234567812345678。';
    expect(findPersonalData(text)).toEqual([]);
    expect(findPersonalData('订单ABC13812345678')).toEqual([]);
  });
});

describe('maskPersonalData', () => {
  it('replaces each number with its mask and keeps the rest', () => {
    expect(maskPersonalData(`请联系13812345678或身份证${id}`)).toBe(`请联系138****5678或身份证110***********${id.slice(-4)}`);
  });
  it('returns text without personal data unchanged', () => {
    expect(maskPersonalData('本季度无支出')).toBe('本季度无支出');
  });
});

describe('maskPersonName', () => {
  it('keeps the surname', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳明月')).toBe('欧*');
    expect(maskPersonName('李')).toBe('李');
  });
});

import { describe, expect, it } from 'vitest';
import { ageOn, localDate, validateResidentInput } from './residents.rules.js';
import { idNumber } from './test/factories.js';

const now = new Date('2026-11-25T08:00:00.000Z');
const codes = (input: Parameters<typeof validateResidentInput>[0]) => validateResidentInput(input, now).problems.map((p) => `${p.field}:${p.code}`);

describe('resident rules (shared by the API and the Excel import)', () => {
  it('derives birth date and gender from the ID number, and refuses a contradiction', () => {
    const id = idNumber('1980-05-17', 'female', 3).toLowerCase();
    const { problems, facts } = validateResidentInput({ idNumber: id }, now);
    expect(problems).toEqual([]);
    expect(facts).toEqual({ idNumber: id.toUpperCase(), birthDate: '1980-05-17', gender: 'female', minor: false });
    expect(codes({ idNumber: id, birthDate: '1980-05-18', gender: 'male' })).toEqual(['birthDate:birth_date_mismatch', 'gender:gender_mismatch']);
    expect(codes({ idNumber: id, birthDate: '1980-05-17', gender: 'female' })).toEqual([]);
  });

  it('names what is wrong with a bad ID number', () => {
    const good = idNumber('1980-05-17', 'male');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(validateResidentInput({ idNumber: badCheck }, now).problems).toEqual([{ field: 'idNumber', code: 'id_number_invalid', reason: 'checksum' }]);
    expect(validateResidentInput({ idNumber: '11010519801317001X' }, now).problems[0]).toMatchObject({ reason: 'birth_date' });
    expect(validateResidentInput({ idNumber: '1234' }, now).problems[0]).toMatchObject({ reason: 'format' });
    // Born tomorrow (in China's time zone) is refused; born today is fine.
    expect(codes({ idNumber: idNumber('2026-11-26', 'male') })).toEqual(['idNumber:id_number_invalid']);
    expect(codes({ idNumber: idNumber('2026-11-25', 'male'), minorBasis: { basis: 'guardian_consent', detail: '父亲同意' } })).toEqual([]);
  });

  it('needs a basis for a child under 14 and for each sensitive tag', () => {
    const child = idNumber('2016-01-01', 'male');
    expect(codes({ idNumber: child })).toEqual(['minorBasis:basis_required']);
    expect(codes({ idNumber: child, minorBasis: { basis: 'guardian_consent', detail: '母亲签字同意' } })).toEqual([]);
    expect(codes({ idNumber: child, activePurposes: ['minor'] })).toEqual([]);
    expect(codes({ birthDate: '2012-11-25' })).toEqual([]); // 14 today
    expect(codes({ birthDate: '2012-11-26' })).toEqual(['minorBasis:basis_required']);
    expect(codes({ tags: [{ tag: 'elderly' }, { tag: 'disabled' }, { tag: 'low_income', basis: 'legal_duty', detail: '民政低保名单' }] })).toEqual(['tags.1:basis_required']);
    expect(codes({ tags: [{ tag: 'disabled' }], activePurposes: ['tag:disabled'] })).toEqual([]);
  });

  it('checks phone and dates for rows that did not come through the API schemas', () => {
    expect(codes({ phone: '1380000000' })).toEqual(['phone:phone_invalid']);
    expect(codes({ phone: '13800000000' })).toEqual([]);
    expect(codes({ birthDate: '2026-02-30' })).toEqual(['birthDate:date_invalid']);
    expect(codes({ birthDate: '2027-01-01' })).toEqual(['birthDate:date_invalid']);
    expect(codes({ movedInOn: '2030-01-01' })).toEqual(['movedInOn:date_invalid']);
  });

  it('counts age in whole years on the local date', () => {
    expect(ageOn('2000-11-26', '2026-11-25')).toBe(25);
    expect(ageOn('2000-11-25', '2026-11-25')).toBe(26);
    expect(localDate(new Date('2026-11-25T16:30:00.000Z'))).toBe('2026-11-26');
  });
});

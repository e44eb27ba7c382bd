import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskForAudit, maskIdNumber, maskPhone, PersonalDataVault } from './personal-data.js';

describe('personal data', () => {
  const vault = new PersonalDataVault(randomBytes(32));

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = vault.encrypt('13812345678');
    const b = vault.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(vault.decrypt(a)).toBe('13812345678');
  });

  it('refuses tampered ciphertext', () => {
    const sealed = vault.encrypt('110101199003077777');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('garbage!').toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
  });

  it('gives stable blind indexes that differ by purpose and by key', () => {
    expect(vault.blindIndex('phone', '13812345678')).toBe(vault.blindIndex('phone', '13812345678'));
    expect(vault.blindIndex('phone', '13812345678')).not.toBe(vault.blindIndex('login', '13812345678'));
    expect(new PersonalDataVault(randomBytes(32)).blindIndex('phone', '13812345678')).not.toBe(vault.blindIndex('phone', '13812345678'));
  });

  it('masks phones, ID numbers and nested audit payloads', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskForAudit({ a: [{ phone: '13812345678', password: 'x', idNumber: '110101199003071234' }] })).toEqual({
      a: [{ phone: '138****5678', idNumber: '110***********1234' }],
    });
  });
});

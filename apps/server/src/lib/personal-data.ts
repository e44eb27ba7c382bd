import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of personal data at rest (AES-256-GCM) and HMAC blind indexes for lookup.
 * Keys are derived from the one secret key with HKDF so encryption and indexing never share a key.
 */
export class PersonalDataVault {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(secretKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongzhi:pii-encryption:v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'gongzhi:pii-index:v1', 32));
  }

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url, so the format can change without guessing. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** A deterministic keyed hash for exact-match lookup; `purpose` keeps indexes of different fields apart. */
  blindIndex(purpose: string, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${purpose}\u0000${value}`).digest('hex');
  }

  /** The stored columns of an ID number (normalised, 18 characters), or nulls: one definition for every table. */
  sealIdNumber(idNumber: string | null): { id_number_cipher: string | null; id_number_index: string | null } {
    return idNumber
      ? { id_number_cipher: this.encrypt(idNumber), id_number_index: this.blindIndex('id_number', idNumber) }
      : { id_number_cipher: null, id_number_index: null };
  }

  /** The stored columns of a phone number: sealed, its blind index, and the plain last four digits (shown in every mask). */
  sealPhone(phone: string | null): { phone_cipher: string | null; phone_index: string | null; phone_tail: string | null } {
    return phone
      ? { phone_cipher: this.encrypt(phone), phone_index: this.blindIndex('phone', phone), phone_tail: phone.slice(-4) }
      : { phone_cipher: null, phone_index: null, phone_tail: null };
  }
}

/** 138****5678 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 110***********1234 */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return null;
  return id.length > 7 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : '****';
}

const sensitiveKeys: Record<string, (v: string) => string | null> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  id_number: maskIdNumber,
};
const droppedKeys = new Set(['password', 'passwordHash', 'password_hash', 'phone_cipher', 'phoneCipher', 'code']);

/** Mask personal data inside an object before it is written to the audit log or a log line. */
export function maskForAudit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskForAudit);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (droppedKeys.has(k)) continue;
      const mask = sensitiveKeys[k];
      out[k] = mask && typeof v === 'string' ? mask(v) : maskForAudit(v);
    }
    return out;
  }
  return value;
}

import { createHash, randomBytes } from 'node:crypto';

/** Open311 API keys: `gz_` and 32 random bytes (base64url). Only their SHA-256 is stored. */

export const KEY_PREFIX = 'gz_';

/** A new key, with its stored hash and the prefix shown in lists to tell keys apart. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

/** The stored form of a key (hex SHA-256): a stolen database does not hand out working keys. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

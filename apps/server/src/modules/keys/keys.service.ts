import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, fsyncSync, openSync, closeSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { PersonalDataVault } from '../../lib/personal-data.js';
import * as repo from './keys.repository.js';

/** A short public name for a key: lets start-up tell which key the data was sealed with, without revealing it. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('gongzhi:key-fingerprint').digest('hex').slice(0, 32);
}

export class KeyMismatchError extends Error {}

const keyFile = (dataDir: string) => path.join(dataDir, 'secret.key');
const nextKeyFile = (dataDir: string) => path.join(dataDir, 'secret.key.next');

function writeKeyFile(file: string, key: Buffer): void {
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  const fd = openSync(file, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

function readKeyFile(file: string): Buffer | null {
  if (!existsSync(file)) return null;
  const hex = readFileSync(file, 'utf8').trim();
  return /^[0-9a-f]{64}$/i.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/**
 * Make sure the configured key is the one the data is sealed with. A fresh database records the key's
 * fingerprint. If a rotation committed in the database but stopped before the new key file replaced the old
 * one, the pending `secret.key.next` matches: finish the swap and use it. Any other mismatch refuses to start,
 * because running with the wrong key would show garbage and write records nobody can read.
 */
export async function checkKey(db: Kysely<Database>, dataDir: string, key: Buffer, keyFromEnv: boolean): Promise<Buffer> {
  const stored = await repo.readFingerprint(db);
  if (stored === null) {
    await repo.writeFingerprint(db, keyFingerprint(key), null);
    return key;
  }
  if (stored === keyFingerprint(key)) {
    if (existsSync(nextKeyFile(dataDir)) && !keyFromEnv) unlinkSync(nextKeyFile(dataDir)); // a rotation that never committed
    return key;
  }
  const next = readKeyFile(nextKeyFile(dataDir));
  if (next && stored === keyFingerprint(next)) {
    if (keyFromEnv) {
      throw new KeyMismatchError(
        `GONGZHI_SECRET_KEY: the data was re-encrypted by a key rotation; set GONGZHI_SECRET_KEY to the key in ${nextKeyFile(dataDir)} and delete that file.`,
      );
    }
    renameSync(nextKeyFile(dataDir), keyFile(dataDir));
    return next;
  }
  throw new KeyMismatchError(
    `GONGZHI_SECRET_KEY: this key (fingerprint ${keyFingerprint(key).slice(0, 8)}) is not the one the data is encrypted with ` +
      `(fingerprint ${stored.slice(0, 8)}). Restore the right secret.key or GONGZHI_SECRET_KEY.`,
  );
}

export interface RotationResult {
  newKey: Buffer;
  resealed: Record<string, number>;
  voidedClaimCodes: number;
  /** Where the new key was written. */
  keyFile: string;
}

/**
 * Rotate the personal-data key: every sealed value is decrypted with the old key and sealed again with a new
 * one, every blind index recomputed, all in one transaction. The new key is written to `secret.key.next`
 * (fsynced) before the transaction commits, so whichever moment a crash hits, start-up finds the key that
 * matches the data (see checkKey). Stop every server first: one still holding the old key would write
 * records sealed with it.
 */
export async function rotateKey(
  db: Kysely<Database>,
  opts: { dataDir: string; oldKey: Buffer; keyFromEnv: boolean; now: string; newKey?: Buffer; onProgress?: (msg: string) => void },
): Promise<RotationResult> {
  const oldVault = new PersonalDataVault(opts.oldKey);
  const newKey = opts.newKey ?? randomBytes(32);
  const newVault = new PersonalDataVault(newKey);
  writeKeyFile(nextKeyFile(opts.dataDir), newKey);
  const resealed: Record<string, number> = {};
  let voided = 0;
  try {
    await db.transaction().execute(async (trx) => {
      for (const col of repo.sealedColumns) {
        let after = '';
        let n = 0;
        for (;;) {
          const page = await repo.sealedPage(trx, col.table, col.cipher, after, 1000);
          if (page.length === 0) break;
          for (const row of page) {
            const plain = oldVault.decrypt(row.sealed);
            await repo.resealRow(trx, col.table, col.cipher, col.index, row.id, newVault.encrypt(plain), col.purpose ? newVault.blindIndex(col.purpose, plain) : null);
          }
          n += page.length;
          after = page[page.length - 1]!.id;
          opts.onProgress?.(`${col.table}.${col.cipher}: ${n}`);
        }
        resealed[`${col.table}.${col.cipher}`] = n;
      }
      voided = await repo.voidUnusedClaimCodes(trx, opts.now);
      await repo.clearLoginThrottle(trx);
      await repo.writeFingerprint(trx, keyFingerprint(newKey), opts.now);
    });
  } catch (e) {
    unlinkSync(nextKeyFile(opts.dataDir));
    throw e;
  }
  if (opts.keyFromEnv) return { newKey, resealed, voidedClaimCodes: voided, keyFile: nextKeyFile(opts.dataDir) };
  renameSync(nextKeyFile(opts.dataDir), keyFile(opts.dataDir));
  return { newKey, resealed, voidedClaimCodes: voided, keyFile: keyFile(opts.dataDir) };
}

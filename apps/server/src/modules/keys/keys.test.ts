import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonalDataVault } from '../../lib/personal-data.js';
import { createTestDeps, dialects } from '../../test/dialects.js';
import { seedWorld } from '../../test/fixtures.js';
import { checkKey, keyFingerprint, KeyMismatchError, rotateKey } from './keys.service.js';
import { readFingerprint } from './keys.repository.js';

const NOW = '2026-11-26T00:00:00.000Z';

describe.each(dialects)('personal-data key rotation (%s)', (dialect) => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup());

  async function setup() {
    const t = await createTestDeps(dialect);
    cleanup = t.cleanup;
    const { deps } = t;
    const world = await seedWorld(deps);
    const v = deps.vault;
    await deps.db
      .insertInto('residents')
      .values({
        id: 'r1', community_id: world.a.id, household_id: null, relation: null, place_path: `/${world.sd.id}/${world.a.id}/`,
        name: '张三', gender: 'male', birth_date: '1980-01-01',
        id_number_cipher: v.encrypt('11010519800101001X'), id_number_index: v.blindIndex('id_number', '11010519800101001X'),
        phone_cipher: v.encrypt('13912345678'), phone_index: v.blindIndex('phone', '13912345678'), phone_tail: '5678',
        ethnicity: '汉族', residency_status: 'permanent', registered_address: null, status: 'living', moved_in_on: null,
        moved_out_on: null, deceased_on: null, user_id: null, note: null, created_at: NOW, updated_at: NOW,
      })
      .execute();
    await deps.db.insertInto('claim_codes').values({ id: 'c1', user_id: world.users.resident, code_index: v.blindIndex('claim', 'ABCD2345'), expires_at: '2099-01-01T00:00:00.000Z', used_at: null, created_by: null, created_at: NOW }).execute();
    // The fingerprint is recorded at start-up; tests build deps without bootstrap, so record it here.
    await checkKey(deps.db, deps.config.dataDir, deps.config.secretKey, false);
    return deps;
  }

  it('re-encrypts every sealed value, rebuilds the blind indexes and replaces the key file', async () => {
    const deps = await setup();
    const oldSealed = (await deps.db.selectFrom('residents').selectAll().executeTakeFirstOrThrow()).id_number_cipher;
    const result = await rotateKey(deps.db, { dataDir: deps.config.dataDir, oldKey: deps.config.secretKey, keyFromEnv: false, now: NOW });
    const fresh = new PersonalDataVault(result.newKey);
    const r = await deps.db.selectFrom('residents').selectAll().executeTakeFirstOrThrow();
    expect(r.id_number_cipher).not.toBe(oldSealed);
    expect(fresh.decrypt(r.id_number_cipher!)).toBe('11010519800101001X');
    expect(r.id_number_index).toBe(fresh.blindIndex('id_number', '11010519800101001X'));
    expect(r.phone_index).toBe(fresh.blindIndex('phone', '13912345678'));
    expect(() => deps.vault.decrypt(r.phone_cipher!)).toThrow();
    const users = await deps.db.selectFrom('users').select(['phone_cipher', 'phone_index']).where('phone_cipher', 'is not', null).execute();
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) expect(u.phone_index).toBe(fresh.blindIndex('phone', fresh.decrypt(u.phone_cipher!)));
    expect(result.resealed['residents.id_number_cipher']).toBe(1);
    expect(result.voidedClaimCodes).toBe(1);
    expect(readFileSync(path.join(deps.config.dataDir, 'secret.key'), 'utf8').trim()).toBe(result.newKey.toString('hex'));
    expect(existsSync(path.join(deps.config.dataDir, 'secret.key.next'))).toBe(false);
    expect(await readFingerprint(deps.db)).toBe(keyFingerprint(result.newKey));
    // Start-up with the old key now refuses; with the new one it goes on.
    await expect(checkKey(deps.db, deps.config.dataDir, deps.config.secretKey, false)).rejects.toThrow(KeyMismatchError);
    expect(await checkKey(deps.db, deps.config.dataDir, result.newKey, false)).toEqual(result.newKey);
  });

  it('finishes a rotation that committed but stopped before the key file was swapped', async () => {
    const deps = await setup();
    const newKey = randomBytes(32);
    const { writeFingerprint } = await import('./keys.repository.js');
    writeFileSync(path.join(deps.config.dataDir, 'secret.key.next'), newKey.toString('hex') + '\n');
    await writeFingerprint(deps.db, keyFingerprint(newKey), NOW);
    const settled = await checkKey(deps.db, deps.config.dataDir, deps.config.secretKey, false);
    expect(settled.equals(newKey)).toBe(true);
    expect(readFileSync(path.join(deps.config.dataDir, 'secret.key'), 'utf8').trim()).toBe(newKey.toString('hex'));
    // With the key in the environment it cannot swap by itself: it says what to do.
    writeFileSync(path.join(deps.config.dataDir, 'secret.key.next'), newKey.toString('hex') + '\n');
    await expect(checkKey(deps.db, deps.config.dataDir, deps.config.secretKey, true)).rejects.toThrow(/set GONGZHI_SECRET_KEY/);
  });

  it('leaves everything as it was when the rotation fails', async () => {
    const deps = await setup();
    await deps.db.updateTable('residents').set({ phone_cipher: 'v1.broken.value.here' }).execute();
    const before = await deps.db.selectFrom('residents').selectAll().executeTakeFirstOrThrow();
    await expect(rotateKey(deps.db, { dataDir: deps.config.dataDir, oldKey: deps.config.secretKey, keyFromEnv: false, now: NOW })).rejects.toThrow();
    expect(await deps.db.selectFrom('residents').selectAll().executeTakeFirstOrThrow()).toEqual(before);
    expect(await readFingerprint(deps.db)).toBe(keyFingerprint(deps.config.secretKey));
    expect(existsSync(path.join(deps.config.dataDir, 'secret.key.next'))).toBe(false);
  });
});

import { idNumberCheckChar } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { createUser } from '../users/users.service.js';

/** A valid (GB 11643 checksum) ID number for a birth date and a sequence; an odd `seq` is a man, even a woman. */
export function idNumberFor(birth: string, seq: number, region = '110101'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

let accounts = 0;

/**
 * A resident row written straight into the register (this module reads residents; the registers module keeps
 * them), encrypted the way the register stores personal data, optionally with a claimed account linked.
 */
export async function addResident(
  deps: AppDeps,
  o: { placeId: string; name: string; idNumber?: string; phone?: string; gender?: 'male' | 'female'; withAccount?: boolean; status?: string },
): Promise<{ id: string; userId: string | null }> {
  // A dwelling (in a household) or the community itself (no household): the register's place_path either way.
  const place = await deps.db.selectFrom('places').select(['path', 'community_id']).where('id', '=', o.placeId).executeTakeFirstOrThrow();
  const communityId = place.community_id!;
  let userId: string | null = null;
  if (o.withAccount) {
    accounts++;
    const { user } = await createUser(deps, null, {
      displayName: o.name,
      username: `resident-${accounts}-${newId().slice(-6)}`,
      password: 'Passw0rd-test',
      roles: [{ role: 'resident', placeId: communityId }],
    });
    userId = user.id;
  }
  const now = iso(deps.clock.now());
  const id = newId();
  await deps.db
    .insertInto('residents')
    .values({
      id,
      community_id: communityId,
      household_id: null,
      relation: null,
      place_path: place.path,
      name: o.name,
      gender: o.gender ?? null,
      birth_date: null,
      id_number_cipher: o.idNumber ? deps.vault.encrypt(o.idNumber) : null,
      id_number_index: o.idNumber ? deps.vault.blindIndex('id_number', o.idNumber) : null,
      phone_cipher: o.phone ? deps.vault.encrypt(o.phone) : null,
      phone_index: o.phone ? deps.vault.blindIndex('phone', o.phone) : null,
      phone_tail: o.phone ? o.phone.slice(-4) : null,
      ethnicity: null,
      residency_status: 'permanent',
      registered_address: null,
      status: o.status ?? 'living',
      moved_in_on: null,
      moved_out_on: null,
      deceased_on: null,
      user_id: userId,
      note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, userId };
}

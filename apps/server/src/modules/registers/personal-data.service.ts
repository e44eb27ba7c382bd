import type { PersonExportView, RevealableField } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { findUserById, findUserByPhoneIndex, updateUser } from '../users/users.repository.js';
import { createUser } from '../users/users.service.js';
import * as corrections from './corrections.repository.js';
import { correctionViewOf } from './corrections.service.js';
import { householdView } from './households.service.js';
import { readMembershipRows } from './person-roles.repository.js';
import { canRevealField, isDataOfficerFor } from './registers.policy.js';
import * as repo from './residents.repository.js';
import { visibleResident } from './residents.service.js';
import { consentViewOf, historyViews, residentViews } from './residents.views.js';

/** The unmasked paths out of the register: a reveal, one person's export, and the resident's own account. */

const open = (deps: AppDeps, sealed: string | null) => (sealed ? deps.vault.decrypt(sealed) : null);

/** One masked field in full, for a stated purpose, written to the audit log (the purpose, never the value). */
export async function reveal(deps: AppDeps, ctx: RequestContext, id: string, input: { field: RevealableField; purpose: string }) {
  const r = await visibleResident(deps, ctx.actor, id);
  if (!canRevealField(ctx.actor, r.place_path, input.field)) throw new AppError('forbidden', 403, { field: input.field });
  const value = open(deps, input.field === 'idNumber' ? r.id_number_cipher : r.phone_cipher);
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, ctx, deps.clock, {
      action: 'resident.reveal',
      targetType: 'resident',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { field: input.field, purpose: input.purpose },
    }),
  );
  return { field: input.field, value };
}

/** A resident a data officer may act on; others answer 404. */
async function officerResident(deps: AppDeps, ctx: RequestContext, id: string) {
  const r = await repo.findResident(deps.db, id);
  if (!r || !isDataOfficerFor(ctx.actor, r.place_path)) throw notFound();
  return r;
}

/** Everything held about one person, unmasked (PIPL arts. 45 and 47), for a purpose written to the audit log. */
export async function exportPerson(deps: AppDeps, ctx: RequestContext, id: string, purpose: string): Promise<PersonExportView> {
  const r = await officerResident(deps, ctx, id);
  const db = deps.db;
  const [[view], tags, consents, history, requests, community, account, roles] = await Promise.all([
    residentViews(deps, db, [r]),
    repo.tagsOf(db, id),
    repo.consentsOf(db, id),
    repo.historyOf(db, { residentId: id }),
    corrections.correctionsOf(db, id),
    findPlace(db, r.community_id),
    r.user_id ? findUserById(db, r.user_id) : Promise.resolve(undefined),
    readMembershipRows(db, id),
  ]);
  const out: PersonExportView = {
    exportedAt: iso(deps.clock.now()),
    purpose,
    resident: {
      id: r.id,
      communityId: r.community_id,
      communityName: community?.name ?? null,
      householdId: r.household_id,
      relation: view!.relation,
      name: r.name,
      gender: view!.gender,
      birthDate: r.birth_date,
      idNumber: open(deps, r.id_number_cipher),
      phone: open(deps, r.phone_cipher),
      ethnicity: r.ethnicity,
      residencyStatus: view!.residencyStatus,
      registeredAddress: r.registered_address,
      status: view!.status,
      placeLabel: view!.placeLabel,
      movedInOn: r.moved_in_on,
      movedOutOn: r.moved_out_on,
      deceasedOn: r.deceased_on,
      note: r.note,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
    tags: tags.map((t) => ({ tag: t.tag as PersonExportView['tags'][number]['tag'], consentId: t.consent_id, createdAt: t.created_at })),
    consents: consents.map(consentViewOf),
    history: await historyViews(db, history),
    household: r.household_id ? await householdView(db, r.household_id) : null,
    corrections: requests.map(correctionViewOf),
    account: account ? { userId: account.id, displayName: account.display_name, username: account.username, status: account.status, createdAt: account.created_at } : null,
    memberships: roles.memberships,
    partyMemberships: roles.party.map(({ idNumberCipher, phoneCipher, ...p }) => ({ ...p, idNumber: open(deps, idNumberCipher), phone: open(deps, phoneCipher) })),
  };
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, ctx, deps.clock, {
      action: 'resident.export',
      targetType: 'resident',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { purpose },
    }),
  );
  return out;
}

/**
 * Open an account for a resident (role resident at their community), linked through residents.user_id, and
 * return the one-time code for their activation slip. The account is created by the users service, which runs
 * its own transactions (one for the account and role, one for the code), so the link follows right after; should
 * another request have linked an account in between, the new one is disabled and the call answers 409.
 */
export async function createResidentAccount(deps: AppDeps, ctx: RequestContext, id: string) {
  const r = await officerResident(deps, ctx, id);
  if (r.user_id) throw new AppError('account_exists', 409);
  if (r.status !== 'living') throw new AppError('resident_not_living', 409);
  // The phone goes with the account (so they can sign in with it) unless another account already uses it.
  const phone = open(deps, r.phone_cipher);
  const phoneFree = phone !== null && !(await findUserByPhoneIndex(deps.db, deps.vault.blindIndex('phone', phone)));
  const { user, claimCode } = await createUser(deps, ctx, {
    displayName: r.name,
    ...(phoneFree ? { phone: phone! } : {}),
    roles: [{ role: 'resident', placeId: r.community_id }],
  });
  const now = iso(deps.clock.now());
  const linked = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.linkAccount(trx, id, user.id, now))) {
      await updateUser(trx, user.id, { status: 'disabled', updated_at: now });
      await recordAudit(trx, ctx, deps.clock, { action: 'user.updated', targetType: 'user', targetId: user.id, communityId: r.community_id, scopePath: r.place_path, after: { status: 'disabled', reason: 'resident already linked' } });
      return false;
    }
    await recordAudit(trx, ctx, deps.clock, {
      action: 'resident.account_linked',
      targetType: 'resident',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { userId: user.id, phoneLinked: phoneFree },
    });
    return true;
  });
  if (!linked) throw new AppError('account_exists', 409);
  return { userId: user.id, claimCode: claimCode! };
}

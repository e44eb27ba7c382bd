import { isSensitiveTag, type CreateResidentBody, type ListResidentsQuery } from '@gongzhi/shared';
import type { Updateable } from 'kysely';
import type { AppDeps } from '../../deps.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Db, HouseholdRow, ResidentRow, ResidentsTable } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { historyRow } from './history.js';
import { claimHouseholderRow, findHousehold, updateHousehold } from './households.repository.js';
import { editableHousehold, narrowPrefixes } from './households.service.js';
import { assertEditable, canEditRecord, canSeeRecord } from './registers.policy.js';
import { listResidentRows, phoneCandidates, type ResidentFilter } from './residents.query.js';
import * as repo from './residents.repository.js';
import { throwProblems, validateResidentInput } from './residents.rules.js';
import { auditSnapshot, residentDetailOf, residentViews } from './residents.views.js';

/** Reading, registering and editing residents. Moves live in residents.moves.ts, tags and consents in residents.tags.ts. */

/** A resident the actor may read; others answer 404. */
export async function visibleResident(deps: AppDeps, actor: Actor, id: string): Promise<ResidentRow> {
  const r = await repo.findResident(deps.db, id);
  if (!r || !canSeeRecord(actor, r.place_path)) throw notFound();
  return r;
}

/** A resident the actor may change (404 when invisible, 403 when only readable). */
export async function editableResident(deps: AppDeps, actor: Actor, id: string): Promise<ResidentRow> {
  const r = await repo.findResident(deps.db, id);
  if (!r || (!canSeeRecord(actor, r.place_path) && !canEditRecord(actor, r.place_path))) throw notFound();
  assertEditable(actor, r.place_path);
  return r;
}

export async function getResident(deps: AppDeps, actor: Actor, id: string) {
  return residentDetailOf(deps, deps.db, await visibleResident(deps, actor, id), actor);
}

/** Most rows a longer phone suffix may have to decrypt before the page is built. */
const PHONE_SUFFIX_CANDIDATES = 5000;

export async function listResidents(deps: AppDeps, actor: Actor, q: ListResidentsQuery) {
  const f: ResidentFilter = {
    prefixes: await narrowPrefixes(deps, actor, q.placeId),
    q: q.q,
    tag: q.tag,
    status: q.status,
    residencyStatus: q.residencyStatus,
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    offset: q.offset,
  };
  if (q.idNumber) f.idNumberIndex = deps.vault.blindIndex('id_number', q.idNumber);
  if (q.phoneTail) {
    const digits = q.phoneTail;
    if (digits.length <= 4) f.phoneTail = digits;
    else if (digits.length === 11) f.phoneIndex = deps.vault.blindIndex('phone', digits);
    else {
      // Five to ten digits: narrow by the stored last four, then confirm the rest by decrypting those few.
      const candidates = await phoneCandidates(deps.db, f, digits.slice(-4), PHONE_SUFFIX_CANDIDATES);
      f.ids = candidates.filter((c) => c.phone_cipher && deps.vault.decrypt(c.phone_cipher).endsWith(digits)).map((c) => c.id);
    }
  }
  const { rows, total } = await listResidentRows(deps.db, f);
  return { items: await residentViews(deps, deps.db, rows), total };
}

/** Where a new resident is registered: a household (at its dwelling) or only the community. */
async function placeForNew(deps: AppDeps, actor: Actor, body: { householdId?: string; communityId?: string }) {
  if (body.householdId) {
    const h = await editableHousehold(deps, actor, body.householdId, 'householdId');
    if (h.status !== 'active') throw new AppError('household_moved_out', 409, { field: 'householdId' });
    if (body.communityId && body.communityId !== h.community_id) throw new AppError('validation_failed', 400, [{ field: 'body.communityId', code: 'custom', message: 'not the household’s community' }]);
    return { household: h, communityId: h.community_id, placePath: h.place_path, placeId: h.dwelling_id };
  }
  if (!body.communityId) throw new AppError('validation_failed', 400, [{ field: 'body.communityId', code: 'invalid_type', message: 'communityId or householdId is required' }]);
  const c = await findPlace(deps.db, body.communityId);
  if (!c || c.kind !== 'community' || (!canSeeRecord(actor, c.path) && !canEditRecord(actor, c.path))) throw new AppError('not_found', 404, { field: 'communityId' });
  assertEditable(actor, c.path);
  return { household: undefined, communityId: c.id, placePath: c.path, placeId: c.id };
}

/** Personal-data columns for an ID number and a phone: ciphertext, blind index, and the phone's plain last four. */
export function sealedColumns(deps: AppDeps, idNumber: string | null | undefined, phone: string | null | undefined): Updateable<ResidentsTable> {
  return {
    ...(idNumber !== undefined ? deps.vault.sealIdNumber(idNumber) : {}),
    ...(phone !== undefined ? deps.vault.sealPhone(phone) : {}),
  };
}

export { isUniqueViolation };

/**
 * Make a member the householder of `h` inside a transaction. One conditional UPDATE claims the place, so two
 * requests can never both take it (on either database, whatever the isolation level).
 */
export async function claimHouseholder(trx: Db, h: HouseholdRow, residentId: string, at: string): Promise<void> {
  if (!(await claimHouseholderRow(trx, h.id, residentId, at))) throw new AppError('householder_exists', 409, { field: 'relation' });
}

export async function createResident(deps: AppDeps, ctx: RequestContext, body: CreateResidentBody) {
  const at = await placeForNew(deps, ctx.actor, body);
  if (body.relation && !at.household) throw new AppError('relation_without_household', 400, { field: 'relation' });
  const tags = [...new Map((body.tags ?? []).map((t) => [t.tag, t])).values()];
  const { problems, facts } = validateResidentInput({ ...body, tags }, deps.clock.now());
  throwProblems(problems);
  const now = iso(deps.clock.now());
  const id = newId();
  const sealed = sealedColumns(deps, facts.idNumber, body.phone ?? null);
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (sealed.id_number_index && (await repo.findByIdNumberIndex(trx, at.communityId, sealed.id_number_index))) {
        throw new AppError('id_number_taken', 409, { field: 'idNumber' });
      }
      await repo.insertResident(trx, {
        id,
        community_id: at.communityId,
        household_id: at.household?.id ?? null,
        relation: at.household ? (body.relation ?? null) : null,
        place_path: at.placePath,
        name: body.name,
        gender: facts.gender,
        birth_date: facts.birthDate,
        id_number_cipher: null,
        id_number_index: null,
        phone_cipher: null,
        phone_index: null,
        phone_tail: null,
        ...sealed,
        ethnicity: body.ethnicity ?? null,
        residency_status: body.residencyStatus,
        registered_address: body.registeredAddress ?? null,
        status: 'living',
        moved_in_on: body.movedInOn ?? null,
        moved_out_on: null,
        deceased_on: null,
        user_id: null,
        note: body.note ?? null,
        created_at: now,
        updated_at: now,
      });
      // A child's record rests on the basis recorded with it; so does each sensitive tag.
      if (facts.minor && body.minorBasis) await addConsentRow(trx, ctx, id, 'minor', body.minorBasis, now);
      for (const t of tags) {
        const consentId = isSensitiveTag(t.tag) ? await addConsentRow(trx, ctx, id, `tag:${t.tag}`, { basis: t.basis!, detail: t.detail! }, now) : null;
        await repo.insertTag(trx, { resident_id: id, tag: t.tag, consent_id: consentId, created_by: ctx.actor.userId, created_at: now });
      }
      if (at.household && body.relation === 'householder') await claimHouseholder(trx, at.household, id, now);
      await repo.insertHistory(trx, [
        historyRow(deps, ctx, { event: 'registered', residentId: id, householdId: at.household?.id ?? null, toPlaceId: at.placeId, toHouseholdId: at.household?.id ?? null, onDate: body.movedInOn ?? undefined }),
      ]);
      const [view] = await residentViews(deps, trx, [(await repo.findResident(trx, id))!]);
      await recordAudit(trx, ctx, deps.clock, { action: 'resident.created', targetType: 'resident', targetId: id, communityId: at.communityId, scopePath: at.placePath, after: auditSnapshot(view!) });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('id_number_taken', 409, { field: 'idNumber' });
    throw e;
  }
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

/** Record a consent (or other basis) for a purpose; returns its id. */
export async function addConsentRow(trx: Db, ctx: RequestContext, residentId: string, purpose: string, b: { basis: string; detail: string }, at: string): Promise<string> {
  const id = newId();
  await repo.insertConsent(trx, { id, resident_id: residentId, purpose, basis: b.basis, detail: b.detail, recorded_by: ctx.actor.userId, recorded_at: at, withdrawn_at: null, withdrawn_by: null });
  return id;
}

type ResidentPatch = Partial<Omit<CreateResidentBody, 'communityId' | 'householdId' | 'tags' | 'minorBasis'>>;

export async function updateResident(deps: AppDeps, ctx: RequestContext, id: string, patch: ResidentPatch) {
  const r = await editableResident(deps, ctx.actor, id);
  if (patch.relation !== undefined && !r.household_id) throw new AppError('relation_without_household', 400, { field: 'relation' });
  const storedId = r.id_number_cipher ? deps.vault.decrypt(r.id_number_cipher) : null;
  const idNumber = patch.idNumber !== undefined ? patch.idNumber : storedId;
  const consents = await repo.consentsOf(deps.db, id);
  const { problems, facts } = validateResidentInput(
    {
      idNumber,
      // Without a (new) ID number the stored facts stand unless the patch changes them.
      birthDate: patch.birthDate !== undefined ? patch.birthDate : idNumber ? null : r.birth_date,
      gender: patch.gender !== undefined ? patch.gender : idNumber ? null : (r.gender as 'male' | 'female' | null),
      phone: patch.phone,
      movedInOn: patch.movedInOn,
      activePurposes: consents.filter((c) => !c.withdrawn_at).map((c) => c.purpose),
    },
    deps.clock.now(),
  );
  throwProblems(problems);
  const now = iso(deps.clock.now());
  const sealed = sealedColumns(deps, patch.idNumber !== undefined ? facts.idNumber : undefined, patch.phone);
  const [before] = await residentViews(deps, deps.db, [r]);
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (sealed.id_number_index && (await repo.findByIdNumberIndex(trx, r.community_id, sealed.id_number_index, id))) {
        throw new AppError('id_number_taken', 409, { field: 'idNumber' });
      }
      const set: Updateable<ResidentsTable> = { ...sealed, gender: facts.gender, birth_date: facts.birthDate, updated_at: now };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.ethnicity !== undefined) set.ethnicity = patch.ethnicity;
      if (patch.residencyStatus !== undefined) set.residency_status = patch.residencyStatus;
      if (patch.registeredAddress !== undefined) set.registered_address = patch.registeredAddress;
      if (patch.movedInOn !== undefined) set.moved_in_on = patch.movedInOn;
      if (patch.note !== undefined) set.note = patch.note;
      if (patch.relation !== undefined && patch.relation !== r.relation && r.household_id) {
        set.relation = patch.relation;
        await relationChanged(deps, ctx, trx, r, patch.relation, now);
      }
      await repo.updateResident(trx, id, set);
      const [after] = await residentViews(deps, trx, [(await repo.findResident(trx, id))!]);
      await recordAudit(trx, ctx, deps.clock, { action: 'resident.updated', targetType: 'resident', targetId: id, communityId: r.community_id, scopePath: r.place_path, before: auditSnapshot(before!), after: auditSnapshot(after!) });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('id_number_taken', 409, { field: 'idNumber' });
    throw e;
  }
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

/** A member's relation changes: becoming householder claims the household; ceasing to be one frees it. */
async function relationChanged(deps: AppDeps, ctx: RequestContext, trx: Db, r: ResidentRow, relation: string, now: string) {
  const h = (await findHousehold(trx, r.household_id!))!;
  if (relation === 'householder') await claimHouseholder(trx, h, r.id, now);
  else if (h.householder_id === r.id) await updateHousehold(trx, h.id, { householder_id: null, updated_at: now });
  await repo.insertHistory(trx, [historyRow(deps, ctx, { event: 'relation_changed', residentId: r.id, householdId: h.id, note: `${r.relation ?? '—'} → ${relation}` })]);
}

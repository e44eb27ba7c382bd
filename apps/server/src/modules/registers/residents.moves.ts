import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { historyRow } from './history.js';
import { findHousehold, updateHousehold } from './households.repository.js';
import { editableHousehold } from './households.service.js';
import { dwellingOfPath } from './place-labels.js';
import { canEditRecord } from './registers.policy.js';
import * as repo from './residents.repository.js';
import { assertPastDate } from './residents.rules.js';
import { claimHouseholder, editableResident } from './residents.service.js';
import { auditSnapshot, residentDetailOf, residentViews } from './residents.views.js';

/** A resident moves between households (or out of any), comes back, moves away or dies; history keeps each step. */

const communityPathOf = (path: string) => `/${path.split('/').filter(Boolean).slice(0, 2).join('/')}/`;

export async function moveResident(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { householdId: string | null; relation?: string; onDate?: string; note?: string },
) {
  const r = await editableResident(deps, ctx.actor, id);
  assertPastDate(input.onDate, deps.clock.now());
  if (r.status === 'deceased') throw new AppError('resident_not_living', 409);
  if (input.relation && !input.householdId) throw new AppError('relation_without_household', 400, { field: 'relation' });
  const returning = r.status === 'moved_out';
  const target = input.householdId ? await editableHousehold(deps, ctx.actor, input.householdId, 'householdId') : undefined;
  if (target && target.status !== 'active') throw new AppError('household_moved_out', 409, { field: 'householdId' });
  if (!returning && (target?.id ?? null) === r.household_id && (input.relation ?? r.relation) === r.relation) {
    return residentDetailOf(deps, deps.db, r, ctx.actor);
  }
  // Out of every household: the resident stays in their community's register, which the actor must keep.
  const communityPath = communityPathOf(r.place_path);
  if (!target && !canEditRecord(ctx.actor, communityPath)) throw new AppError('forbidden', 403, { field: 'householdId' });
  const to = target
    ? { placePath: target.place_path, communityId: target.community_id, placeId: target.dwelling_id }
    : { placePath: communityPath, communityId: r.community_id, placeId: r.community_id };
  const now = iso(deps.clock.now());
  const [before] = await residentViews(deps, deps.db, [r]);
  await deps.db.transaction().execute(async (trx) => {
    if (to.communityId !== r.community_id && (await repo.idNumberClashes(trx, [id], to.communityId)).length) {
      throw new AppError('id_number_taken', 409, { field: 'householdId' });
    }
    // Leaving a household one heads frees its householder place.
    if (r.household_id && r.household_id !== target?.id) {
      const old = await findHousehold(trx, r.household_id);
      if (old?.householder_id === id) await updateHousehold(trx, old.id, { householder_id: null, updated_at: now });
    }
    await repo.updateResident(trx, id, {
      household_id: target?.id ?? null,
      relation: target ? (input.relation ?? (target.id === r.household_id ? r.relation : null)) : null,
      status: 'living',
      ...(returning || to.communityId !== r.community_id ? { moved_in_on: input.onDate ?? null, moved_out_on: null } : {}),
      updated_at: now,
    });
    await repo.rehomeResidents(trx, [id], { placePath: to.placePath, communityId: to.communityId, at: now });
    if (target && input.relation === 'householder') await claimHouseholder(trx, target, id, now);
    else if (target && target.householder_id === id) await updateHousehold(trx, target.id, { householder_id: null, updated_at: now });
    await repo.insertHistory(trx, [
      historyRow(deps, ctx, {
        event: returning ? 'returned' : target?.id === r.household_id ? 'relation_changed' : 'moved',
        residentId: id,
        householdId: target?.id ?? r.household_id,
        fromPlaceId: dwellingOfPath(r.place_path) ?? r.community_id,
        toPlaceId: to.placeId,
        fromHouseholdId: r.household_id,
        toHouseholdId: target?.id ?? null,
        onDate: input.onDate,
        note: input.note,
      }),
    ]);
    const [after] = await residentViews(deps, trx, [(await repo.findResident(trx, id))!]);
    await recordAudit(trx, ctx, deps.clock, {
      action: returning ? 'resident.returned' : 'resident.moved',
      targetType: 'resident',
      targetId: id,
      communityId: to.communityId,
      scopePath: to.placePath,
      before: auditSnapshot(before!),
      after: { ...auditSnapshot(after!), onDate: input.onDate ?? null, note: input.note ?? null },
    });
  });
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

/** The resident moves away or has died. They stay in the register (and their household's history) as such. */
export async function leaveResident(deps: AppDeps, ctx: RequestContext, id: string, input: { event: 'moved_out' | 'deceased'; onDate: string; note?: string }) {
  const r = await editableResident(deps, ctx.actor, id);
  assertPastDate(input.onDate, deps.clock.now());
  if (r.status !== 'living') throw new AppError('resident_not_living', 409);
  const now = iso(deps.clock.now());
  const [before] = await residentViews(deps, deps.db, [r]);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateResident(trx, id, {
      status: input.event,
      ...(input.event === 'moved_out' ? { moved_out_on: input.onDate } : { deceased_on: input.onDate }),
      updated_at: now,
    });
    // A household keeps its history but needs a new householder when the old one leaves.
    if (r.household_id) {
      const h = await findHousehold(trx, r.household_id);
      if (h?.householder_id === id) await updateHousehold(trx, h.id, { householder_id: null, updated_at: now });
    }
    await repo.insertHistory(trx, [
      historyRow(deps, ctx, {
        event: input.event,
        residentId: id,
        householdId: r.household_id,
        fromPlaceId: dwellingOfPath(r.place_path) ?? r.community_id,
        fromHouseholdId: r.household_id,
        onDate: input.onDate,
        note: input.note,
      }),
    ]);
    const [after] = await residentViews(deps, trx, [(await repo.findResident(trx, id))!]);
    await recordAudit(trx, ctx, deps.clock, {
      action: input.event === 'deceased' ? 'resident.deceased' : 'resident.moved_out',
      targetType: 'resident',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      before: auditSnapshot(before!),
      after: { ...auditSnapshot(after!), onDate: input.onDate, note: input.note ?? null },
    });
  });
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

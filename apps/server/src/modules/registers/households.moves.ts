import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { historyRow } from './history.js';
import * as repo from './households.repository.js';
import { editableHousehold, householdDetail, householdView, targetDwelling } from './households.service.js';
import * as residents from './residents.repository.js';
import { assertPastDate } from './residents.rules.js';

/** A whole household moves or leaves: its living members go with it, and each keeps the event in their history. */

export async function moveHousehold(deps: AppDeps, ctx: RequestContext, id: string, input: { dwellingId: string; onDate?: string; note?: string }) {
  const h = await editableHousehold(deps, ctx.actor, id);
  assertPastDate(input.onDate, deps.clock.now());
  if (h.status !== 'active') throw new AppError('household_moved_out', 409);
  const dwelling = await targetDwelling(deps, ctx.actor, input.dwellingId);
  if (dwelling.id === h.dwelling_id) return householdDetail(deps, deps.db, id);
  const communityId = dwelling.community_id!;
  const before = await householdView(deps.db, id);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const members = await repo.livingMemberIds(trx, id);
    // ID numbers are unique per community: moving into another community must not register anyone twice.
    if (communityId !== h.community_id) {
      const clashes = await residents.idNumberClashes(trx, members, communityId);
      if (clashes.length) throw new AppError('id_number_taken', 409, { field: 'dwellingId', residentIds: clashes });
    }
    await repo.updateHousehold(trx, id, { dwelling_id: dwelling.id, place_path: dwelling.path, community_id: communityId, updated_at: now });
    await residents.rehomeResidents(trx, members, { placePath: dwelling.path, communityId, at: now });
    const common = { householdId: id, fromPlaceId: h.dwelling_id, toPlaceId: dwelling.id, onDate: input.onDate, note: input.note };
    await residents.insertHistory(trx, [
      historyRow(deps, ctx, { event: 'household_moved', residentId: null, ...common }),
      ...members.map((m) => historyRow(deps, ctx, { event: 'household_moved', residentId: m, ...common })),
    ]);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'household.moved',
      targetType: 'household',
      targetId: id,
      communityId,
      scopePath: dwelling.path,
      before,
      after: { ...(await householdView(trx, id)), memberIds: members, onDate: input.onDate ?? null, note: input.note ?? null },
    });
  });
  return householdDetail(deps, deps.db, id);
}

/** The household leaves the community: it and its living members are recorded as moved out. */
export async function moveOutHousehold(deps: AppDeps, ctx: RequestContext, id: string, input: { onDate: string; note?: string }) {
  const h = await editableHousehold(deps, ctx.actor, id);
  assertPastDate(input.onDate, deps.clock.now());
  if (h.status !== 'active') throw new AppError('household_moved_out', 409);
  const before = await householdView(deps.db, id);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const members = await repo.livingMemberIds(trx, id);
    await repo.updateHousehold(trx, id, { status: 'moved_out', moved_out_on: input.onDate, updated_at: now });
    await residents.markMovedOut(trx, members, input.onDate, now);
    const common = { householdId: id, fromPlaceId: h.dwelling_id, fromHouseholdId: id, onDate: input.onDate, note: input.note };
    await residents.insertHistory(trx, [
      historyRow(deps, ctx, { event: 'moved_out', residentId: null, ...common }),
      ...members.map((m) => historyRow(deps, ctx, { event: 'moved_out', residentId: m, ...common })),
    ]);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'household.moved_out',
      targetType: 'household',
      targetId: id,
      communityId: h.community_id,
      scopePath: h.place_path,
      before,
      after: { ...(await householdView(trx, id)), memberIds: members, onDate: input.onDate, note: input.note ?? null },
    });
  });
  return householdDetail(deps, deps.db, id);
}

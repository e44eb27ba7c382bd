import type { HouseholdView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, HouseholdRow, PlaceRow } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { scopePrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { historyRow } from './history.js';
import * as repo from './households.repository.js';
import { labelsForPaths } from './place-labels.js';
import { assertEditable, canEditRecord, canSeeRecord, registerViewerRoles } from './registers.policy.js';
import * as residents from './residents.repository.js';
import { assertPastDate } from './residents.rules.js';
import { historyViews, residentViews } from './residents.views.js';

/** Households: a family registered at a dwelling, with a householder and members. */

export async function householdViews(db: Db, rows: repo.HouseholdListRow[]): Promise<HouseholdView[]> {
  const labels = await labelsForPaths(db, rows.map((h) => h.place_path));
  return rows.map((h) => ({
    id: h.id,
    communityId: h.community_id,
    dwellingId: h.dwelling_id,
    placeLabel: labels.get(h.place_path) ?? '',
    householderId: h.householder_id,
    householderName: h.householder_name,
    status: h.status as HouseholdView['status'],
    memberCount: h.member_count,
    movedInOn: h.moved_in_on,
    movedOutOn: h.moved_out_on,
    note: h.note,
    updatedAt: h.updated_at,
  }));
}

export async function householdView(db: Db, id: string): Promise<HouseholdView> {
  const [view] = await householdViews(db, await repo.householdsByIds(db, [id]));
  return view!;
}

/** A household with its members (living first) and history. */
export async function householdDetail(deps: AppDeps, db: Db, id: string) {
  const [view, members, history] = await Promise.all([householdView(db, id), residents.membersOf(db, id), residents.historyOf(db, { householdId: id })]);
  return { ...view, members: await residentViews(deps, db, members), history: await historyViews(db, history) };
}

/** A household the actor may read; others answer 404. */
export async function visibleHousehold(deps: AppDeps, actor: Actor, id: string): Promise<HouseholdRow> {
  const h = await repo.findHousehold(deps.db, id);
  if (!h || !canSeeRecord(actor, h.place_path)) throw notFound();
  return h;
}

/** A household the actor may change (404 when invisible, 403 when only readable). */
export async function editableHousehold(deps: AppDeps, actor: Actor, id: string, field?: string): Promise<HouseholdRow> {
  const h = await repo.findHousehold(deps.db, id);
  if (!h || (!canSeeRecord(actor, h.place_path) && !canEditRecord(actor, h.place_path))) throw new AppError('not_found', 404, field ? { field } : undefined);
  assertEditable(actor, h.place_path);
  return h;
}

/** A dwelling the actor may register a household at (or move one to). */
export async function targetDwelling(deps: AppDeps, actor: Actor, dwellingId: string): Promise<PlaceRow> {
  const p = await findPlace(deps.db, dwellingId);
  if (!p || (!canSeeRecord(actor, p.path) && !canEditRecord(actor, p.path))) throw new AppError('not_found', 404, { field: 'dwellingId' });
  if (p.kind !== 'dwelling') throw new AppError('not_a_dwelling', 400, { field: 'dwellingId' });
  assertEditable(actor, p.path);
  if (p.retired_at) throw new AppError('place_retired', 409, { field: 'dwellingId' });
  return p;
}

export async function listHouseholds(deps: AppDeps, actor: Actor, q: { q?: string; placeId?: string; status: string; limit: number; offset: number }) {
  const prefixes = await narrowPrefixes(deps, actor, q.placeId);
  const { rows, total } = await repo.listHouseholds(deps.db, { prefixes, q: q.q, status: q.status, limit: q.limit, offset: q.offset });
  return { items: await householdViews(deps.db, rows), total };
}

/**
 * The actor's scope narrowed to a place filter: the place's subtree when it is in scope, the scope places under
 * it when it lies above (a grid worker filtering by their community), nothing otherwise.
 */
export async function narrowPrefixes(deps: AppDeps, actor: Actor, placeId?: string): Promise<string[]> {
  const scope = scopePrefixes(actor, registerViewerRoles);
  if (!placeId) return scope;
  const place = await findPlace(deps.db, placeId);
  if (!place) return [];
  if (scope.some((p) => place.path.startsWith(p))) return [place.path];
  return scope.filter((p) => p.startsWith(place.path));
}

export async function createHousehold(deps: AppDeps, ctx: RequestContext, input: { dwellingId: string; movedInOn?: string; note?: string }) {
  const dwelling = await targetDwelling(deps, ctx.actor, input.dwellingId);
  assertPastDate(input.movedInOn, deps.clock.now(), 'movedInOn');
  const now = iso(deps.clock.now());
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertHousehold(trx, {
      id,
      community_id: dwelling.community_id!,
      dwelling_id: dwelling.id,
      place_path: dwelling.path,
      householder_id: null,
      status: 'active',
      moved_in_on: input.movedInOn ?? null,
      moved_out_on: null,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
    });
    await residents.insertHistory(trx, [historyRow(deps, ctx, { event: 'registered', residentId: null, householdId: id, toPlaceId: dwelling.id, onDate: input.movedInOn ?? undefined })]);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'household.created',
      targetType: 'household',
      targetId: id,
      communityId: dwelling.community_id,
      scopePath: dwelling.path,
      after: { dwellingId: dwelling.id, movedInOn: input.movedInOn ?? null, note: input.note ?? null },
    });
  });
  return householdDetail(deps, deps.db, id);
}

/**
 * Make `residentId` the householder (null: none). The new householder's relation becomes `householder`; the
 * former one's relation is cleared, since relations are stated to the householder and must be stated anew.
 */
export async function changeHouseholder(deps: AppDeps, ctx: RequestContext, trx: Db, h: HouseholdRow, residentId: string | null): Promise<void> {
  if (h.householder_id === residentId) return;
  const now = iso(deps.clock.now());
  const rows = [];
  if (h.householder_id) {
    const old = await residents.findResident(trx, h.householder_id);
    if (old && old.household_id === h.id && old.relation === 'householder') {
      await residents.updateResident(trx, old.id, { relation: null, updated_at: now });
      rows.push(historyRow(deps, ctx, { event: 'relation_changed', residentId: old.id, householdId: h.id, note: 'householder → —' }));
    }
  }
  if (residentId) {
    const next = await residents.findResident(trx, residentId);
    if (!next || next.household_id !== h.id || next.status !== 'living') throw new AppError('householder_not_member', 400, { field: 'householderId' });
    if (next.relation !== 'householder') {
      await residents.updateResident(trx, next.id, { relation: 'householder', updated_at: now });
      rows.push(historyRow(deps, ctx, { event: 'relation_changed', residentId: next.id, householdId: h.id, note: `${next.relation ?? '—'} → householder` }));
    }
  }
  await repo.updateHousehold(trx, h.id, { householder_id: residentId, updated_at: now });
  await residents.insertHistory(trx, rows);
}

export async function updateHousehold(deps: AppDeps, ctx: RequestContext, id: string, patch: { householderId?: string; note?: string | null; movedInOn?: string | null }) {
  const h = await editableHousehold(deps, ctx.actor, id);
  if (h.status !== 'active') throw new AppError('household_moved_out', 409);
  assertPastDate(patch.movedInOn ?? undefined, deps.clock.now(), 'movedInOn');
  const before = await householdView(deps.db, id);
  await deps.db.transaction().execute(async (trx) => {
    if (patch.householderId !== undefined) await changeHouseholder(deps, ctx, trx, h, patch.householderId);
    await repo.updateHousehold(trx, id, {
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.movedInOn !== undefined ? { moved_in_on: patch.movedInOn } : {}),
      updated_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'household.updated',
      targetType: 'household',
      targetId: id,
      communityId: h.community_id,
      scopePath: h.place_path,
      before,
      after: await householdView(trx, id),
    });
  });
  return householdDetail(deps, deps.db, id);
}

import { childKindOf, type PlaceKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, PlaceRow } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { canAddUnder, canChangePlace, canSeePlace } from './places.policy.js';
import * as repo from './places.repository.js';
import { toPlaceView } from './places.service.js';

type Change = 'created' | 'renamed' | 'moved' | 'retired' | 'restored';

/** Write the history row and the audit entry for one change, inside the caller's transaction. */
async function recordChange(deps: AppDeps, trx: Db, ctx: RequestContext | null, place: PlaceRow, change: Change, from: string | null, to: string | null, before?: unknown) {
  const at = iso(deps.clock.now());
  await repo.insertPlaceHistory(trx, { id: newId(), place_id: place.id, change, from_value: from, to_value: to, actor_user_id: ctx?.actor.userId ?? null, at });
  await recordAudit(trx, ctx, deps.clock, {
    action: `place.${change}`,
    targetType: 'place',
    targetId: place.id,
    communityId: place.community_id,
    scopePath: place.path,
    before,
    after: toPlaceView(place),
  });
}

/** A place the actor may change; invisible ones answer 404, visible but out of reach 403. */
async function changeablePlace(deps: AppDeps, ctx: RequestContext, id: string): Promise<PlaceRow> {
  const p = await repo.findPlace(deps.db, id);
  if (!p || !canSeePlace(ctx.actor, p.path)) throw notFound();
  if (!canChangePlace(ctx.actor, p.path)) throw new AppError('forbidden', 403);
  return p;
}

async function assertUniqueName(trx: Db, parentId: string | null, name: string, excludeId?: string) {
  if (await repo.activeSiblingNamed(trx, parentId, name, excludeId)) {
    throw new AppError('duplicate_place_name', 409, { field: 'name' });
  }
}

/**
 * Create a place. `ctx` null is the command line (seeding, first admin), which may create a subdistrict root;
 * through the API every place needs a parent in the actor's scope, of the kind just above it.
 */
export async function createPlace(deps: AppDeps, ctx: RequestContext | null, input: { kind: PlaceKind; name: string; parentId: string | null }) {
  const now = iso(deps.clock.now());
  const id = newId();
  let parent: PlaceRow | undefined;
  if (input.parentId === null) {
    if (ctx !== null || input.kind !== 'subdistrict') throw new AppError('invalid_parent', 400, { field: 'parentId' });
  } else {
    parent = await repo.findPlace(deps.db, input.parentId);
    if (!parent || (ctx && !canSeePlace(ctx.actor, parent.path))) throw new AppError('not_found', 404, { field: 'parentId' });
    if (ctx && !canAddUnder(ctx.actor, parent.path)) throw new AppError('forbidden', 403);
    if (parent.retired_at) throw new AppError('place_retired', 409, { field: 'parentId' });
    if (childKindOf(parent.kind as PlaceKind) !== input.kind) {
      throw new AppError('invalid_parent', 400, { field: 'kind', expected: childKindOf(parent.kind as PlaceKind) });
    }
  }
  const row: PlaceRow = {
    id,
    kind: input.kind,
    name: input.name,
    parent_id: parent?.id ?? null,
    community_id: input.kind === 'community' ? id : (parent?.community_id ?? null),
    path: `${parent?.path ?? '/'}${id}/`,
    retired_at: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await assertUniqueName(trx, row.parent_id, row.name);
    await repo.insertPlace(trx, row);
    await recordChange(deps, trx, ctx, row, 'created', null, row.name);
  });
  return toPlaceView(row);
}

export async function renamePlace(deps: AppDeps, ctx: RequestContext, id: string, name: string) {
  const p = await changeablePlace(deps, ctx, id);
  if (p.retired_at) throw new AppError('place_retired', 409);
  if (p.name === name) return toPlaceView(p);
  const after = { ...p, name, updated_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    await assertUniqueName(trx, p.parent_id, name, p.id);
    await repo.updatePlace(trx, p.id, { name, updated_at: after.updated_at });
    await recordChange(deps, trx, ctx, after, 'renamed', p.name, name, toPlaceView(p));
  });
  deps.sessions.clear(); // names and scopes held in cached sessions may have changed
  return toPlaceView(after);
}

/** Move a place (and everything under it) to a new parent of the same kind as the old one. */
export async function movePlace(deps: AppDeps, ctx: RequestContext, id: string, parentId: string) {
  const p = await changeablePlace(deps, ctx, id);
  if (p.retired_at) throw new AppError('place_retired', 409);
  if (p.parent_id === parentId) return toPlaceView(p);
  const target = await repo.findPlace(deps.db, parentId);
  if (!target || !canSeePlace(ctx.actor, target.path)) throw new AppError('not_found', 404, { field: 'parentId' });
  if (!canAddUnder(ctx.actor, target.path)) throw new AppError('forbidden', 403);
  if (target.path.startsWith(p.path)) throw new AppError('move_into_own_subtree', 400, { field: 'parentId' });
  if (target.retired_at) throw new AppError('place_retired', 409, { field: 'parentId' });
  if (childKindOf(target.kind as PlaceKind) !== p.kind) throw new AppError('invalid_parent', 400, { field: 'parentId' });
  const newPath = `${target.path}${p.id}/`;
  // A community moving keeps its own id as community; anything below a community follows its new community.
  const communityId = p.kind === 'community' ? p.id : target.community_id;
  const after = { ...p, parent_id: target.id, path: newPath, community_id: communityId, updated_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    await assertUniqueName(trx, target.id, p.name, p.id);
    await repo.rewriteSubtreePaths(trx, p.path, newPath, p.kind === 'community' ? undefined : communityId);
    await repo.updatePlace(trx, p.id, { parent_id: target.id, updated_at: after.updated_at });
    await recordChange(deps, trx, ctx, after, 'moved', p.parent_id, target.id, toPlaceView(p));
  });
  deps.sessions.clear(); // names and scopes held in cached sessions may have changed
  return toPlaceView(after);
}

/** Retire (soft-delete) a place with no active children; it stays in history and can be restored. */
export async function retirePlace(deps: AppDeps, ctx: RequestContext, id: string, reason?: string) {
  const p = await changeablePlace(deps, ctx, id);
  if (p.retired_at) return toPlaceView(p);
  const now = iso(deps.clock.now());
  const after = { ...p, retired_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.countActiveChildren(trx, p.id)) > 0) throw new AppError('place_has_active_children', 409);
    await repo.updatePlace(trx, p.id, { retired_at: now, updated_at: now });
    await recordChange(deps, trx, ctx, after, 'retired', null, reason ?? null, toPlaceView(p));
  });
  deps.sessions.clear(); // names and scopes held in cached sessions may have changed
  return toPlaceView(after);
}

/** Undo a retirement, provided the parent is active and no active sibling took the name meanwhile. */
export async function restorePlace(deps: AppDeps, ctx: RequestContext, id: string) {
  const p = await changeablePlace(deps, ctx, id);
  if (!p.retired_at) return toPlaceView(p);
  const parent = p.parent_id ? await repo.findPlace(deps.db, p.parent_id) : undefined;
  if (parent?.retired_at) throw new AppError('place_retired', 409, { field: 'parentId' });
  const now = iso(deps.clock.now());
  const after = { ...p, retired_at: null, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await assertUniqueName(trx, p.parent_id, p.name, p.id);
    await repo.updatePlace(trx, p.id, { retired_at: null, updated_at: now });
    await recordChange(deps, trx, ctx, after, 'restored', p.retired_at, null, toPlaceView(p));
  });
  deps.sessions.clear(); // names and scopes held in cached sessions may have changed
  return toPlaceView(after);
}

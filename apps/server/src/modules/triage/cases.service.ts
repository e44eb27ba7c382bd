import type { z } from 'zod';
import type { createProactiveCaseBody, ProactiveCaseView, RequestStatus, updateProactiveCaseBody } from '@gongzhi/shared';
import type { Db, PlaceRow } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './cases.repository.js';
import { validAssignee } from './routing.service.js';
import { findCategory } from './taxonomy.repository.js';
import { requestsByIds } from './triage.repository.js';
import { analystPrefixes, covers, dispatcherPrefixes } from './triage.policy.js';

async function toViews(db: Db, rows: repo.CaseListRow[]): Promise<ProactiveCaseView[]> {
  const links = await repo.caseRequests(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    categoryId: r.category_id,
    placeId: r.place_id,
    placeName: r.place_name,
    status: r.status as ProactiveCaseView['status'],
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    plan: r.plan,
    outcome: r.outcome,
    requests: links.filter((l) => l.case_id === r.id).map((l) => ({ id: l.id, number: l.number, title: l.title, status: l.status as RequestStatus })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listCasesFor(deps: AppDeps, actor: Actor, q: { communityId?: string; status?: string }) {
  const rows = await repo.listCases(deps.db, { scope: analystPrefixes(actor), communityId: q.communityId, status: q.status, limit: 200 });
  return { items: await toViews(deps.db, rows) };
}

/** The case owner must be someone who could handle the community's requests. */
async function assertOwner(db: Db, community: PlaceRow, ownerUserId: string | null | undefined): Promise<void> {
  if (!ownerUserId) return;
  if (!(await validAssignee(db, community, { kind: 'user', userId: ownerUserId }))) throw new AppError('assignee_invalid', 400, { field: 'ownerUserId' });
}

/**
 * Open a proactive case from requests the dispatcher may see, all of one community; a request outside the
 * actor's scope answers 404 as if it did not exist. The case and its links are written together.
 */
export async function createCase(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof createProactiveCaseBody>): Promise<ProactiveCaseView> {
  const scope = dispatcherPrefixes(ctx.actor);
  const ids = [...new Set(body.requestIds)];
  const requests = await requestsByIds(deps.db, ids);
  if (requests.length !== ids.length || requests.some((r) => !covers(scope, r.place_path))) throw new AppError('not_found', 404, { field: 'requestIds' });
  const communityIds = new Set(requests.map((r) => r.community_id));
  if (communityIds.size !== 1) throw new AppError('validation_failed', 400, [{ field: 'requestIds', message: 'requests of one community' }]);
  const community = (await findPlace(deps.db, [...communityIds][0]!))!;
  if (body.categoryId) {
    const c = await findCategory(deps.db, body.categoryId);
    if (!c || c.community_id !== community.id || c.retired_at) throw new AppError('category_unknown', 400, { field: 'categoryId' });
  }
  const place = body.placeId ? await findPlace(deps.db, body.placeId) : null;
  if (body.placeId && (!place || place.retired_at || !place.path.startsWith(community.path) || !covers(scope, place.path))) {
    throw new AppError('request_place_invalid', 400, { field: 'placeId' });
  }
  await assertOwner(deps.db, community, body.ownerUserId);
  const now = iso(deps.clock.now());
  const row: repo.ProactiveCaseRow = {
    id: newId(),
    community_id: community.id,
    title: body.title,
    category_id: body.categoryId ?? null,
    place_id: place?.id ?? null,
    place_path: place?.path ?? community.path,
    status: 'open',
    owner_user_id: body.ownerUserId ?? null,
    plan: body.plan ?? null,
    outcome: null,
    created_by: ctx.actor.userId!,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertCase(trx, row, ids);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'proactive_case.created',
      targetType: 'proactive_case',
      targetId: row.id,
      communityId: community.id,
      scopePath: row.place_path,
      after: { title: row.title, categoryId: row.category_id, placeId: row.place_id, requestIds: ids, ownerUserId: row.owner_user_id },
    });
  });
  return (await toViews(deps.db, [(await repo.findCase(deps.db, row.id))!]))[0]!;
}

/** Status, owner, plan and outcome change; the requests of a case stay as opened. */
export async function updateCase(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof updateProactiveCaseBody>): Promise<ProactiveCaseView> {
  const existing = await repo.findCase(deps.db, id);
  if (!existing || !covers(dispatcherPrefixes(ctx.actor), existing.place_path)) throw notFound();
  const community = (await findPlace(deps.db, existing.community_id))!;
  await assertOwner(deps.db, community, body.ownerUserId);
  const patch = {
    ...(body.status !== undefined && { status: body.status }),
    ...(body.ownerUserId !== undefined && { owner_user_id: body.ownerUserId }),
    ...(body.plan !== undefined && { plan: body.plan }),
    ...(body.outcome !== undefined && { outcome: body.outcome }),
    updated_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateCase(trx, id, patch);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'proactive_case.updated',
      targetType: 'proactive_case',
      targetId: id,
      communityId: existing.community_id,
      scopePath: existing.place_path,
      before: { status: existing.status, ownerUserId: existing.owner_user_id, plan: existing.plan, outcome: existing.outcome },
      after: patch,
    });
  });
  return (await toViews(deps.db, [(await repo.findCase(deps.db, id))!]))[0]!;
}

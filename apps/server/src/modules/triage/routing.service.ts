import type { z } from 'zod';
import type { AssigneeKind, createRoutingRuleBody, RoutingRuleView } from '@gongzhi/shared';
import type { Db, PlaceRow } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './routing.repository.js';
import { communitiesIn, findCategory } from './taxonomy.repository.js';
import { managedCommunity } from './taxonomy.service.js';
import { covers, settingsPrefixes } from './triage.policy.js';

/** A handler: a person (staff or grid worker) or an organisation. */
export interface Assignee {
  kind: AssigneeKind;
  userId: string | null;
  organisationId: string | null;
  name: string;
}

/**
 * The assignee if it may handle the community's requests now: an active user holding a staff or grid-worker
 * role in the community, or a property company, stationed unit, social organisation or owners' committee of
 * the community that is not retired. Null otherwise.
 */
export async function validAssignee(
  db: Db,
  community: { id: string; path: string },
  a: { kind: string; userId?: string | null; organisationId?: string | null },
): Promise<Assignee | null> {
  if (a.kind === 'user' && a.userId && !a.organisationId) {
    const u = await repo.handlerUser(db, a.userId, community.path);
    return u ? { kind: 'user', userId: u.id, organisationId: null, name: u.display_name } : null;
  }
  if (a.kind === 'organisation' && a.organisationId && !a.userId) {
    const o = await repo.handlerOrganisation(db, a.organisationId, community.id);
    return o ? { kind: 'organisation', userId: null, organisationId: o.id, name: o.name } : null;
  }
  return null;
}

export function toRoutingRuleView(r: repo.RoutingRuleListRow): RoutingRuleView {
  return {
    id: r.id,
    communityId: r.community_id,
    categoryId: r.category_id,
    placeId: r.place_id,
    placeName: r.place_name,
    kind: r.assignee_kind as AssigneeKind,
    userId: r.user_id,
    organisationId: r.organisation_id,
    assigneeName: r.user_name ?? r.organisation_name ?? '',
  };
}

export async function listRulesFor(deps: AppDeps, actor: Actor, q: { communityId?: string; categoryId?: string }) {
  const communities = q.communityId ? [await managedCommunity(deps, actor, q.communityId)] : await communitiesIn(deps.db, settingsPrefixes(actor));
  const rows = await repo.listRules(deps.db, { communityIds: communities.map((c) => c.id), categoryId: q.categoryId });
  return { items: rows.map(toRoutingRuleView) };
}

export async function createRule(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof createRoutingRuleBody>): Promise<RoutingRuleView> {
  const category = await findCategory(deps.db, body.categoryId);
  const community = category && (await findPlace(deps.db, category.community_id));
  if (!category || !community || !covers(settingsPrefixes(ctx.actor), community.path)) throw new AppError('not_found', 404, { field: 'categoryId' });
  if (category.retired_at) throw new AppError('category_unknown', 400, { field: 'categoryId' });
  const place = body.placeId ? await rulePlace(deps.db, community, body.placeId) : null;
  const assignee = await validAssignee(deps.db, community, body);
  if (!assignee) throw new AppError('assignee_invalid', 400, { field: body.kind === 'user' ? 'userId' : 'organisationId' });
  const row: repo.RoutingRuleRow = {
    id: newId(),
    community_id: community.id,
    category_id: category.id,
    place_id: place?.id ?? null,
    place_path: place?.path ?? null,
    assignee_kind: assignee.kind,
    user_id: assignee.userId,
    organisation_id: assignee.organisationId,
    created_by: ctx.actor.userId!,
    created_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertRule(trx, row);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'routing_rule.created',
      targetType: 'routing_rule',
      targetId: row.id,
      communityId: community.id,
      scopePath: community.path,
      after: { categoryCode: category.code, placeId: row.place_id, kind: row.assignee_kind, userId: row.user_id, organisationId: row.organisation_id },
    });
  });
  return toRoutingRuleView({ ...row, place_name: place?.name ?? null, user_name: assignee.userId ? assignee.name : null, organisation_name: assignee.organisationId ? assignee.name : null });
}

/** A rule's place: an active place inside the category's community (the community itself included). */
async function rulePlace(db: Db, community: PlaceRow, placeId: string): Promise<PlaceRow> {
  const place = await findPlace(db, placeId);
  if (!place || place.retired_at || !place.path.startsWith(community.path)) throw new AppError('request_place_invalid', 400, { field: 'placeId' });
  return place;
}

export async function deleteRule(deps: AppDeps, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const rule = await repo.findRule(deps.db, id);
  const community = rule && (await findPlace(deps.db, rule.community_id));
  if (!rule || !community || !covers(settingsPrefixes(ctx.actor), community.path)) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteRule(trx, id))) throw notFound();
    await recordAudit(trx, ctx, deps.clock, {
      action: 'routing_rule.deleted',
      targetType: 'routing_rule',
      targetId: id,
      communityId: community.id,
      scopePath: community.path,
      before: toRoutingRuleView(rule),
    });
  });
  return { ok: true };
}

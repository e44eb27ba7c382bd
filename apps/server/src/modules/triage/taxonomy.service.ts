import type { z } from 'zod';
import type { CategoryView, createCategoryBody, updateCategoryBody, Urgency } from '@gongzhi/shared';
import { defaultTaxonomy } from '../../classifier/index.js';
import type { Db, PlaceRow, RequestCategoryRow } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './taxonomy.repository.js';
import { categoryViewerPrefixes, covers, settingsPrefixes } from './triage.policy.js';

const stamp = (now: Date | string): string => (typeof now === 'string' ? now : iso(now));

/**
 * The community's active categories; a community that has none yet gets the default taxonomy first. Safe to call
 * inside the intake transaction and from several app servers at once: racing first uses insert one set.
 */
export async function ensureTaxonomy(db: Db, communityId: string, now: Date | string): Promise<RequestCategoryRow[]> {
  const all = await repo.listCategories(db, communityId, true);
  if (all.length) return all.filter((c) => !c.retired_at);
  const at = stamp(now);
  await repo.insertCategoriesIfAbsent(
    db,
    defaultTaxonomy.map((c, i) => ({
      id: newId(),
      community_id: communityId,
      code: c.code,
      name_zh: c.zh,
      name_en: c.en,
      description: null,
      urgency: c.urgency,
      sort_order: (i + 1) * 10,
      retired_at: null,
      created_at: at,
      updated_at: at,
    })),
  );
  return repo.listCategories(db, communityId, false);
}

/** The API's view of a category row. */
export function toCategoryView(c: RequestCategoryRow): CategoryView {
  return {
    id: c.id,
    communityId: c.community_id,
    code: c.code,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    description: c.description,
    urgency: c.urgency as Urgency,
    sortOrder: c.sort_order,
    retired: c.retired_at !== null,
  };
}

/**
 * The one community a write is about: the given one (if the actor keeps it; 404 otherwise, as if missing), or
 * the actor's only community. An actor keeping several must say which.
 */
export async function managedCommunity(deps: AppDeps, actor: Actor, communityId: string | undefined): Promise<PlaceRow> {
  return pickCommunity(deps.db, settingsPrefixes(actor), communityId);
}

/** Like `managedCommunity`, for reading: any community the actor reads requests of. */
export async function pickCommunity(db: Db, prefixes: string[], communityId: string | undefined): Promise<PlaceRow> {
  if (communityId) {
    const c = await findPlace(db, communityId);
    if (!c || c.kind !== 'community' || !covers(prefixes, c.path)) throw new AppError('not_found', 404, { field: 'communityId' });
    return c;
  }
  const all = await repo.communitiesIn(db, prefixes);
  if (all.length !== 1) throw new AppError('validation_failed', 400, [{ field: 'communityId', message: 'choose a community' }]);
  return all[0]!;
}

/** The taxonomy of one community, or of every community the actor reads; defaults appear on first use. */
export async function listCategoriesFor(deps: AppDeps, actor: Actor, q: { communityId?: string; includeRetired: boolean }) {
  const prefixes = categoryViewerPrefixes(actor);
  const communities = q.communityId ? [await pickCommunity(deps.db, prefixes, q.communityId)] : await repo.communitiesIn(deps.db, prefixes);
  for (const c of communities) await ensureTaxonomy(deps.db, c.id, deps.clock.now());
  const rows = await repo.listCategoriesOf(
    deps.db,
    communities.map((c) => c.id),
    q.includeRetired,
  );
  return { items: rows.map(toCategoryView) };
}

/** A category the actor keeps; any other answers 404. */
async function managedCategory(deps: AppDeps, actor: Actor, id: string): Promise<{ category: RequestCategoryRow; community: PlaceRow }> {
  const category = await repo.findCategory(deps.db, id);
  const community = category && (await findPlace(deps.db, category.community_id));
  if (!category || !community || !covers(settingsPrefixes(actor), community.path)) throw notFound();
  return { category, community };
}

type CreateBody = z.infer<typeof createCategoryBody>;

export async function createCategory(deps: AppDeps, ctx: RequestContext, body: CreateBody): Promise<CategoryView> {
  const community = await managedCommunity(deps, ctx.actor, body.communityId);
  // The defaults go in first, so a community's own category never stands in for the whole taxonomy.
  await ensureTaxonomy(deps.db, community.id, deps.clock.now());
  const now = iso(deps.clock.now());
  const existing = await repo.listCategories(deps.db, community.id, true);
  const row: RequestCategoryRow = {
    id: newId(),
    community_id: community.id,
    code: body.code,
    name_zh: body.nameZh,
    name_en: body.nameEn,
    description: body.description ?? null,
    urgency: body.urgency,
    sort_order: body.sortOrder ?? Math.max(0, ...existing.map((c) => c.sort_order)) + 10,
    retired_at: null,
    created_at: now,
    updated_at: now,
  };
  if (existing.some((c) => c.code === row.code)) throw new AppError('category_code_taken', 409, { field: 'code' });
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertCategory(trx, row);
      await audit(deps, trx, ctx, 'request_category.created', row, community, undefined, toCategoryView(row));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('category_code_taken', 409, { field: 'code' });
    throw e;
  }
  return toCategoryView(row);
}

/** Names, description, urgency and order change; the code never does (training labels and Open311 use it). */
export async function updateCategory(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof updateCategoryBody>): Promise<CategoryView> {
  const { category, community } = await managedCategory(deps, ctx.actor, id);
  const patch = {
    ...(body.nameZh !== undefined && { name_zh: body.nameZh }),
    ...(body.nameEn !== undefined && { name_en: body.nameEn }),
    ...(body.description !== undefined && { description: body.description ?? null }),
    ...(body.urgency !== undefined && { urgency: body.urgency }),
    ...(body.sortOrder !== undefined && { sort_order: body.sortOrder }),
    updated_at: iso(deps.clock.now()),
  };
  const after = { ...category, ...patch };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateCategory(trx, id, patch);
    await audit(deps, trx, ctx, 'request_category.updated', category, community, toCategoryView(category), toCategoryView(after));
  });
  return toCategoryView(after);
}

/** Retire a category no open request and no routing rule uses (409 category_in_use otherwise). */
export async function retireCategory(deps: AppDeps, ctx: RequestContext, id: string): Promise<CategoryView> {
  const { category, community } = await managedCategory(deps, ctx.actor, id);
  if (category.retired_at) return toCategoryView(category);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.retireCategoryIfUnused(trx, id, at))) throw new AppError('category_in_use', 409);
    await audit(deps, trx, ctx, 'request_category.retired', category, community, toCategoryView(category), undefined);
  });
  return toCategoryView({ ...category, retired_at: at, updated_at: at });
}

function audit(deps: AppDeps, db: Db, ctx: RequestContext, action: string, c: RequestCategoryRow, community: PlaceRow, before: unknown, after: unknown) {
  return recordAudit(db, ctx, deps.clock, { action, targetType: 'request_category', targetId: c.id, communityId: community.id, scopePath: community.path, before, after });
}

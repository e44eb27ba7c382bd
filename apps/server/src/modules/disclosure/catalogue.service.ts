import {
  DEFAULT_DISCLOSURE_DUE_DAYS,
  type DisclosureCategory,
  type DisclosureChannel,
  type DisclosureFrequency,
  type DisclosureItemBody,
  type DisclosureItemList,
  type DisclosureItemPatch,
  type DisclosureItemsQuery,
  type DisclosureItemView,
  type OverdueList,
  type PublicCatalogue,
} from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { communityStaff } from '../users/users.repository.js';
import * as repo from './catalogue.repository.js';
import { defaultCatalogue } from './default-catalogue.js';
import { canEditAt, canViewAt, editPrefixes, viewPrefixes } from './disclosure.policy.js';
import { dueStatus, expectedPeriods } from './due.js';

/** The disclosure catalogue: list with due status, edit with audit, retire/restore, the default catalogue, the overdue list. */

/** The community a call is about: the one named (within `prefixes`), or the actor's only one. */
export async function communityFor(db: Db, prefixes: string[], communityId: string | undefined) {
  const id = communityId ?? (prefixes.length === 1 && prefixes[0]!.split('/').filter(Boolean).length === 2 ? prefixes[0]!.split('/').filter(Boolean)[1] : undefined);
  if (!id) throw new AppError('disclosure_community_required', 400, { field: 'communityId' });
  const c = await findPlace(db, id);
  if (!c || c.kind !== 'community' || !prefixes.some((p) => c.path.startsWith(p))) throw new AppError('disclosure_community_required', 400, { field: 'communityId' });
  return c;
}

async function views(db: Db, rows: repo.ItemRow[], today: string): Promise<DisclosureItemView[]> {
  const published = await repo.publishedPeriods(db, rows.map((r) => r.id), expectedPeriods(rows, today));
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    category: r.category as DisclosureCategory,
    title: r.title,
    content: r.content,
    legalBasis: r.legal_basis,
    frequency: r.frequency as DisclosureFrequency,
    channels: JSON.parse(r.channels) as DisclosureChannel[],
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    dueDays: Number(r.due_days),
    fromDefaults: r.default_key !== null,
    retiredAt: r.retired_at,
    due: dueStatus(r, today, published.get(r.id)),
    updatedAt: r.updated_at,
  }));
}

export async function listCatalogue(deps: AppDeps, actor: Actor, q: DisclosureItemsQuery): Promise<DisclosureItemList> {
  const today = localDate(deps.clock.now());
  const rows = await repo.listItems(deps.db, { prefixes: viewPrefixes(actor), communityId: q.communityId, includeRetired: q.includeRetired });
  return { items: await views(deps.db, rows, today), today };
}

/** Periodic items whose period's due date has passed with nothing published, most overdue first. */
export async function overdueItems(deps: AppDeps, actor: Actor, communityId: string | undefined): Promise<OverdueList> {
  const { items, today } = await listCatalogue(deps, actor, { communityId });
  return {
    today,
    items: items
      .filter((i) => i.due.status === 'overdue')
      .sort((a, b) => b.due.daysOverdue - a.due.daysOverdue)
      .map((i) => ({
        itemId: i.id,
        communityId: i.communityId,
        communityName: i.communityName,
        category: i.category,
        title: i.title,
        period: i.due.period!,
        dueOn: i.due.dueOn!,
        daysOverdue: i.due.daysOverdue,
        ownerUserId: i.ownerUserId,
        ownerName: i.ownerName,
      })),
  };
}

/** The community's current catalogue for anyone: no owner, no internal settings; retired items are left out. */
export async function publicCatalogue(deps: AppDeps, communityId: string): Promise<PublicCatalogue> {
  const c = await findPlace(deps.db, communityId);
  if (!c || c.kind !== 'community' || c.retired_at) throw notFound();
  const today = localDate(deps.clock.now());
  const items = await views(deps.db, await repo.listItems(deps.db, { prefixes: [c.path], communityId: c.id }), today);
  return {
    communityName: c.name,
    today,
    items: items.map((i) => ({ id: i.id, category: i.category, title: i.title, content: i.content, legalBasis: i.legalBasis, frequency: i.frequency, channels: i.channels, due: i.due })),
  };
}

async function itemView(deps: AppDeps, id: string): Promise<DisclosureItemView> {
  const row = await repo.findItem(deps.db, id);
  if (!row) throw notFound();
  return (await views(deps.db, [row], localDate(deps.clock.now())))[0]!;
}

/** An item the actor keeps; others' items answer 404 (403 for a reader of the community). */
async function keptItem(deps: AppDeps, actor: Actor, id: string): Promise<repo.ItemRow> {
  const row = await repo.findItem(deps.db, id);
  if (!row || !canViewAt(actor, row.community_path)) throw notFound();
  if (!canEditAt(actor, row.community_path)) throw new AppError('forbidden', 403);
  return row;
}

async function checkOwner(db: Db, communityId: string, ownerUserId: string | null | undefined): Promise<void> {
  if (!ownerUserId) return;
  const staff = await communityStaff(db, communityId);
  if (!staff.some((s) => s.userId === ownerUserId)) throw new AppError('disclosure_owner_invalid', 400, { field: 'ownerUserId' });
}

export async function owners(deps: AppDeps, actor: Actor, communityId: string | undefined) {
  const c = await communityFor(deps.db, viewPrefixes(actor), communityId);
  return { items: await communityStaff(deps.db, c.id) };
}

export async function createItem(deps: AppDeps, ctx: RequestContext, body: DisclosureItemBody): Promise<DisclosureItemView> {
  const c = await communityFor(deps.db, editPrefixes(ctx.actor), body.communityId);
  await checkOwner(deps.db, c.id, body.ownerUserId);
  const id = newId();
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const { nextPosition } = await repo.catalogueState(trx, c.id);
    await repo.insertItems(trx, [
      {
        id,
        community_id: c.id,
        community_path: c.path,
        category: body.category,
        title: body.title,
        content: body.content,
        legal_basis: body.legalBasis,
        frequency: body.frequency,
        channels: JSON.stringify(body.channels),
        owner_user_id: body.ownerUserId ?? null,
        due_days: body.dueDays ?? DEFAULT_DISCLOSURE_DUE_DAYS,
        default_key: null,
        position: nextPosition,
        retired_at: null,
        created_by: ctx.actor.userId,
        created_at: at,
        updated_at: at,
      },
    ]);
    await recordAudit(trx, ctx, deps.clock, { action: 'disclosure_item.created', targetType: 'disclosure_item', targetId: id, communityId: c.id, scopePath: c.path, after: body });
  });
  return itemView(deps, id);
}

export async function patchItem(deps: AppDeps, ctx: RequestContext, id: string, body: DisclosureItemPatch): Promise<DisclosureItemView> {
  const row = await keptItem(deps, ctx.actor, id);
  if (row.retired_at) throw new AppError('disclosure_item_retired', 409);
  await checkOwner(deps.db, row.community_id, body.ownerUserId);
  const patch = {
    ...(body.category !== undefined && { category: body.category }),
    ...(body.title !== undefined && { title: body.title }),
    ...(body.content !== undefined && { content: body.content }),
    ...(body.legalBasis !== undefined && { legal_basis: body.legalBasis }),
    ...(body.frequency !== undefined && { frequency: body.frequency }),
    ...(body.channels !== undefined && { channels: JSON.stringify(body.channels) }),
    ...(body.ownerUserId !== undefined && { owner_user_id: body.ownerUserId }),
    ...(body.dueDays !== undefined && { due_days: body.dueDays }),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, { ...patch, updated_at: iso(deps.clock.now()) });
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    await recordAudit(trx, ctx, deps.clock, { action: 'disclosure_item.updated', targetType: 'disclosure_item', targetId: id, communityId: row.community_id, scopePath: row.community_path, before, after: patch });
  });
  return itemView(deps, id);
}

/** Retire (true) or restore (false) an item; it keeps its publications either way. */
export async function setRetired(deps: AppDeps, ctx: RequestContext, id: string, retire: boolean): Promise<DisclosureItemView> {
  const row = await keptItem(deps, ctx.actor, id);
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, { retired_at: retire ? (row.retired_at ?? at) : null, updated_at: at });
    await recordAudit(trx, ctx, deps.clock, {
      action: retire ? 'disclosure_item.retired' : 'disclosure_item.restored',
      targetType: 'disclosure_item',
      targetId: id,
      communityId: row.community_id,
      scopePath: row.community_path,
      before: { retiredAt: row.retired_at },
    });
  });
  return itemView(deps, id);
}

/** "Load the default catalogue" for a community the actor keeps. */
export async function loadDefaults(deps: AppDeps, ctx: RequestContext, communityId: string | undefined) {
  return loadDefaultCatalogue(deps, ctx, await communityFor(deps.db, editPrefixes(ctx.actor), communityId));
}

/** Add the default entries the community does not have yet (idempotent); the community's first admin owns them. */
export async function loadDefaultCatalogue(deps: AppDeps, ctx: RequestContext | null, c: { id: string; path: string }) {
  const at = iso(deps.clock.now());
  const added = await deps.db.transaction().execute(async (trx) => {
    const { keys, nextPosition } = await repo.catalogueState(trx, c.id);
    const missing = defaultCatalogue.filter((d) => !keys.has(d.key));
    const owner = (await communityStaff(trx, c.id)).find((s) => s.role === 'community_admin')?.userId ?? null;
    await repo.insertItems(
      trx,
      missing.map((d, i) => ({
        id: newId(),
        community_id: c.id,
        community_path: c.path,
        category: d.category,
        title: d.title,
        content: d.content,
        legal_basis: d.legalBasis,
        frequency: d.frequency,
        channels: JSON.stringify(d.channels),
        owner_user_id: owner,
        due_days: DEFAULT_DISCLOSURE_DUE_DAYS,
        default_key: d.key,
        position: nextPosition + i,
        retired_at: null,
        created_by: ctx?.actor.userId ?? null,
        created_at: at,
        updated_at: at,
      })),
    );
    if (missing.length > 0) {
      await recordAudit(trx, ctx, deps.clock, { action: 'disclosure_catalogue.defaults_loaded', targetType: 'community', targetId: c.id, communityId: c.id, scopePath: c.path, after: { keys: missing.map((d) => d.key) } });
    }
    return missing.length;
  });
  const rows = await repo.listItems(deps.db, { prefixes: [c.path], communityId: c.id });
  return { added, items: await views(deps.db, rows, localDate(deps.clock.now())) };
}

import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  endpointKinds,
  notificationEvents,
  type createNotificationEndpointBody,
  type EndpointKind,
  type NotificationEndpointView,
  type NotificationEvent,
  type updateNotificationEndpointBody,
} from '@gongzhi/shared';
import type { NotificationEndpointsTable } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { DeliveryError, sendTo } from './adapters/index.js';
import { communityPath, deleteEndpoint, findEndpoint, insertEndpoint, listEndpoints, updateEndpoint } from './endpoints.repository.js';
import { keepsSettingsOf, settingsCommunities } from './notifications.policy.js';
import { checkTarget, maskTarget, scrub } from './targets.js';

type EndpointRow = Selectable<NotificationEndpointsTable>;
type CreateBody = z.output<typeof createNotificationEndpointBody>;
type UpdateBody = z.output<typeof updateNotificationEndpointBody>;

const asKind = (k: string): EndpointKind => endpointKinds.find((x) => x === k) ?? 'webhook';
const eventsOf = (json: string): NotificationEvent[] => {
  const list: unknown = JSON.parse(json);
  return Array.isArray(list) ? notificationEvents.filter((e) => list.includes(e)) : [];
};

function view(deps: AppDeps, r: EndpointRow): NotificationEndpointView {
  const kind = asKind(r.kind);
  return {
    id: r.id,
    communityId: r.community_id,
    kind,
    name: r.name,
    targetMasked: maskTarget(kind, deps.vault.decrypt(r.target_cipher)),
    hasSecret: r.secret_cipher !== null,
    events: eventsOf(r.events_json),
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the audit log keeps of an endpoint: never the target or the secret. */
const auditView = (v: NotificationEndpointView) => ({ kind: v.kind, name: v.name, targetMasked: v.targetMasked, hasSecret: v.hasSecret, events: v.events, active: v.active });

async function mine(deps: AppDeps, ctx: RequestContext, id: string): Promise<EndpointRow> {
  const row = await findEndpoint(deps.db, id);
  if (!row || !keepsSettingsOf(ctx.actor, row.community_id)) throw notFound();
  return row;
}

async function audit(deps: AppDeps, ctx: RequestContext, trx: Parameters<typeof recordAudit>[0], action: string, row: EndpointRow, before?: NotificationEndpointView, after?: NotificationEndpointView) {
  await recordAudit(trx, ctx, deps.clock, {
    action,
    targetType: 'notification_endpoint',
    targetId: row.id,
    communityId: row.community_id,
    scopePath: (await communityPath(trx, row.community_id)) ?? null,
    ...(before ? { before: auditView(before) } : {}),
    ...(after ? { after: auditView(after) } : {}),
  });
}

/** Endpoints of the communities whose settings the actor keeps (or of one of them). */
export async function listMyEndpoints(deps: AppDeps, ctx: RequestContext, q: { communityId?: string }): Promise<NotificationEndpointView[]> {
  const communities = [...settingsCommunities(ctx.actor)].filter((c) => !q.communityId || c === q.communityId);
  return (await listEndpoints(deps.db, communities)).map((r) => view(deps, r));
}

/** Add an endpoint; the target and secret are sealed with the vault. */
export async function createEndpoint(deps: AppDeps, ctx: RequestContext, body: CreateBody): Promise<NotificationEndpointView> {
  if (!keepsSettingsOf(ctx.actor, body.communityId) || !(await communityPath(deps.db, body.communityId))) throw notFound();
  const target = checkTarget(body.kind, body.target);
  const now = iso(deps.clock.now());
  const row: EndpointRow = {
    id: newId(),
    community_id: body.communityId,
    kind: body.kind,
    name: body.name,
    target_cipher: deps.vault.encrypt(target),
    // Only DingTalk robots sign their calls.
    secret_cipher: body.kind === 'dingtalk' && body.secret ? deps.vault.encrypt(body.secret) : null,
    events_json: JSON.stringify(body.events),
    active: body.active ? 1 : 0,
    created_by: ctx.actor.userId ?? '',
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertEndpoint(trx, row);
    await audit(deps, ctx, trx, 'notification_endpoint.created', row, undefined, view(deps, row));
  });
  return view(deps, row);
}

/** Change an endpoint's name, target, secret, events or whether it is active. */
export async function changeEndpoint(deps: AppDeps, ctx: RequestContext, id: string, body: UpdateBody): Promise<NotificationEndpointView> {
  const before = await mine(deps, ctx, id);
  const kind = asKind(before.kind);
  const after: EndpointRow = {
    ...before,
    name: body.name ?? before.name,
    target_cipher: body.target === undefined ? before.target_cipher : deps.vault.encrypt(checkTarget(kind, body.target)),
    secret_cipher: body.secret === undefined ? before.secret_cipher : body.secret && kind === 'dingtalk' ? deps.vault.encrypt(body.secret) : null,
    events_json: body.events ? JSON.stringify(body.events) : before.events_json,
    active: body.active === undefined ? before.active : body.active ? 1 : 0,
    updated_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    const { id: _id, community_id: _c, kind: _k, created_by: _b, created_at: _a, ...patch } = after;
    await updateEndpoint(trx, id, patch);
    await audit(deps, ctx, trx, 'notification_endpoint.updated', after, view(deps, before), view(deps, after));
  });
  return view(deps, after);
}

/** Remove an endpoint; its undelivered messages are given up. */
export async function removeEndpoint(deps: AppDeps, ctx: RequestContext, id: string): Promise<void> {
  const row = await mine(deps, ctx, id);
  await deps.db.transaction().execute(async (trx) => {
    await deleteEndpoint(trx, id);
    await audit(deps, ctx, trx, 'notification_endpoint.deleted', row, view(deps, row));
  });
}

/** Send a test message straight away (not through the outbox) and say whether it arrived. */
export async function testEndpoint(deps: AppDeps, ctx: RequestContext, id: string, timeoutMs?: number): Promise<{ ok: boolean; error: string | null }> {
  const row = await mine(deps, ctx, id);
  const target = deps.vault.decrypt(row.target_cipher);
  const secret = row.secret_cipher ? deps.vault.decrypt(row.secret_cipher) : null;
  const message = {
    event: 'test',
    subject: '共治平台测试消息',
    body: `这是一条来自共治平台的测试消息（${row.name}）。收到即表示配置正确。`,
    link: deps.config.publicUrl,
    at: iso(deps.clock.now()),
  };
  try {
    await sendTo(deps, { kind: asKind(row.kind), target, secret }, message, timeoutMs);
    return { ok: true, error: null };
  } catch (e) {
    return { ok: false, error: scrub(e instanceof DeliveryError ? e.message : 'unexpected error', [target, secret]) };
  }
}

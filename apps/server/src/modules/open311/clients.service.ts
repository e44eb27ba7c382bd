import type { Open311ClientView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { communityPath } from '../notifications/endpoints.repository.js';
import { keepsSettingsOf, settingsCommunities } from '../notifications/notifications.policy.js';
import { newApiKey } from './api-keys.js';
import { findClient, insertClient, listClients, revokeClient, type Open311ClientRow } from './clients.repository.js';

/** Open311 integrations of a community, kept by those who keep its request settings. */

const view = (r: Open311ClientRow): Open311ClientView => ({
  id: r.id,
  communityId: r.community_id,
  name: r.name,
  keyPrefix: r.key_prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

async function audit(deps: AppDeps, ctx: RequestContext, trx: Parameters<typeof recordAudit>[0], action: string, r: Open311ClientRow) {
  await recordAudit(trx, ctx, deps.clock, {
    action,
    targetType: 'open311_client',
    targetId: r.id,
    communityId: r.community_id,
    scopePath: (await communityPath(trx, r.community_id)) ?? null,
    after: { name: r.name, keyPrefix: r.key_prefix, revokedAt: r.revoked_at },
  });
}

/** The integrations of the communities whose settings the actor keeps (or of one of them). */
export async function listMyClients(deps: AppDeps, ctx: RequestContext, q: { communityId?: string }): Promise<Open311ClientView[]> {
  const communities = [...settingsCommunities(ctx.actor)].filter((c) => !q.communityId || c === q.communityId);
  return (await listClients(deps.db, communities)).map(view);
}

/** A new integration; its key is in this answer and nowhere else, ever. */
export async function createClient(deps: AppDeps, ctx: RequestContext, body: { communityId: string; name: string }): Promise<Open311ClientView & { apiKey: string }> {
  if (!keepsSettingsOf(ctx.actor, body.communityId) || !(await communityPath(deps.db, body.communityId))) throw notFound();
  const { key, hash, prefix } = newApiKey();
  const row: Open311ClientRow = {
    id: newId(),
    community_id: body.communityId,
    name: body.name,
    key_hash: hash,
    key_prefix: prefix,
    created_by: ctx.actor.userId ?? '',
    created_at: iso(deps.clock.now()),
    last_used_at: null,
    revoked_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertClient(trx, row);
    await audit(deps, ctx, trx, 'open311_client.created', row);
  });
  return { ...view(row), apiKey: key };
}

/** Revoke an integration's key (revoking again changes nothing). */
export async function revokeMyClient(deps: AppDeps, ctx: RequestContext, id: string): Promise<Open311ClientView> {
  const row = await findClient(deps.db, id);
  if (!row || !keepsSettingsOf(ctx.actor, row.community_id)) throw notFound();
  if (row.revoked_at) return view(row);
  const after = { ...row, revoked_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    if (await revokeClient(trx, id, after.revoked_at)) await audit(deps, ctx, trx, 'open311_client.revoked', after);
  });
  return view((await findClient(deps.db, id)) ?? after);
}

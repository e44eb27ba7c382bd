import { defaultRequestSettings, requestHandlerRoles, requestSettingsRoles, requestSettingsSchema, type RequestSettings, type Role } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { communityPrefixes, inScope } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCommunity, findSettingsRow, settingsJsonOf, settingsRows, upsertSettingsRow } from './settings.repository.js';

/** A community's deadlines and windows: its own row, or the Beijing 12345 defaults. */

/** Stored JSON read leniently: a row written by an older version falls back to the defaults field by field. */
export function parseSettings(json: string | null | undefined): RequestSettings {
  if (!json) return defaultRequestSettings;
  try {
    const parsed = requestSettingsSchema.partial().safeParse(JSON.parse(json));
    if (!parsed.success) return defaultRequestSettings;
    const p = parsed.data;
    return {
      ...defaultRequestSettings,
      ...p,
      dispatchMinutes: { ...defaultRequestSettings.dispatchMinutes, ...p.dispatchMinutes },
      replyMinutes: { ...defaultRequestSettings.replyMinutes, ...p.replyMinutes },
    };
  } catch {
    return defaultRequestSettings;
  }
}

export async function settingsFor(db: Db, communityId: string): Promise<RequestSettings> {
  return parseSettings(await settingsJsonOf(db, communityId));
}

/** Settings of several communities (missing ones get the defaults). */
export async function settingsForMany(db: Db, communityIds: string[]): Promise<Map<string, RequestSettings>> {
  const rows = await settingsRows(db, [...new Set(communityIds)]);
  const byId = new Map(rows.map((r) => [r.community_id, parseSettings(r.settings_json)]));
  return new Map(communityIds.map((id) => [id, byId.get(id) ?? defaultRequestSettings]));
}

/** A community the actor works in (any of their roles' communities, for the given roles); others answer 404. */
async function communityOf(deps: AppDeps, actor: Actor, communityId: string, roles: readonly Role[]) {
  const c = await findCommunity(deps.db, communityId);
  if (!c) throw notFound();
  const mayRead = inScope(actor, c.path, roles) || communityPrefixes(actor, roles).includes(c.path);
  if (!mayRead) throw notFound();
  return c;
}

const viewOf = (communityId: string, row: { settings_json: string; updated_at: string } | undefined) => ({
  communityId,
  settings: parseSettings(row?.settings_json),
  isDefault: row === undefined,
  updatedAt: row?.updated_at ?? null,
});

/** Read by settings editors and by handlers (who need to know the deadlines they work to). */
export async function getRequestSettings(deps: AppDeps, actor: Actor, communityId: string) {
  await communityOf(deps, actor, communityId, [...requestSettingsRoles, ...requestHandlerRoles]);
  return viewOf(communityId, await findSettingsRow(deps.db, communityId));
}

export async function putRequestSettings(deps: AppDeps, ctx: RequestContext, communityId: string, settings: RequestSettings) {
  const c = await communityOf(deps, ctx.actor, communityId, requestSettingsRoles);
  if (!inScope(ctx.actor, c.path, requestSettingsRoles)) throw notFound();
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const before = await findSettingsRow(trx, communityId);
    await upsertSettingsRow(trx, { community_id: communityId, settings_json: JSON.stringify(settings), updated_by: ctx.actor.userId!, updated_at: now });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'request_settings.updated',
      targetType: 'community',
      targetId: communityId,
      communityId,
      scopePath: c.path,
      before: parseSettings(before?.settings_json),
      after: settings,
    });
  });
  return viewOf(communityId, { settings_json: JSON.stringify(settings), updated_at: now });
}

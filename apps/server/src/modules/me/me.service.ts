import type { Me } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { communityPrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { setOnBehalf } from '../auth/auth.repository.js';
import { userScopePath } from '../auth/auth.service.js';
import * as users from '../users/users.repository.js';

/** The signed-in account as the web needs it: roles with places, preferences, the CSRF token. */
export function describeMe(actor: Actor): Me {
  return {
    id: actor.userId!,
    displayName: actor.displayName,
    username: actor.username,
    phoneMasked: actor.phoneMasked,
    roles: actor.roles.map((r) => ({
      id: r.id,
      role: r.role,
      placeId: r.placeId,
      placeName: r.placeName,
      placeKind: r.placeKind,
      communityId: r.communityId,
    })),
    preferences: { elderMode: actor.elderMode, locale: actor.locale },
    csrfToken: actor.csrfToken!,
    onBehalfOf: actor.onBehalfOf ? { id: actor.onBehalfOf.id, displayName: actor.onBehalfOf.displayName } : null,
  };
}

/** Elder mode and language are remembered per account, so they follow the person to any phone. */
export async function updatePreferences(
  deps: AppDeps,
  ctx: RequestContext,
  prefs: { elderMode?: boolean; locale?: 'zh-CN' | 'en-US' },
): Promise<void> {
  const userId = ctx.actor.userId!;
  await deps.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, userId, {
      ...(prefs.elderMode !== undefined ? { elder_mode: prefs.elderMode ? 1 : 0 } : {}),
      ...(prefs.locale ? { locale: prefs.locale } : {}),
      updated_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'user.preferences_changed',
      targetType: 'user',
      targetId: userId,
      communityId: null,
      scopePath: await userScopePath(trx, userId),
      before: { elderMode: ctx.actor.elderMode, locale: ctx.actor.locale },
      after: prefs,
    });
  });
  deps.sessions.forgetUser(userId);
}

/** Start acting for a resident of one of the actor's communities; every later write names both people. */
export async function startOnBehalf(deps: AppDeps, ctx: RequestContext, residentUserId: string, reason: string) {
  const communities = communityPrefixes(ctx.actor);
  const resident = await users.findUserById(deps.db, residentUserId);
  // A resident outside the actor's communities answers 404, the same as one that does not exist.
  if (!resident || !(await users.isResidentIn(deps.db, residentUserId, communities))) {
    throw new AppError('not_found', 404, { field: 'residentUserId' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await setOnBehalf(trx, ctx.actor.sessionId!, residentUserId, reason);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'session.on_behalf_started',
      targetType: 'user',
      targetId: residentUserId,
      communityId: null,
      scopePath: await userScopePath(trx, residentUserId),
      after: { reason },
    });
  });
  deps.sessions.forgetSession(ctx.actor.sessionId);
  return { id: resident.id, displayName: resident.display_name };
}

export async function stopOnBehalf(deps: AppDeps, ctx: RequestContext): Promise<void> {
  const current = ctx.actor.onBehalfOf;
  if (!current) throw new AppError('not_acting_on_behalf', 409);
  await deps.db.transaction().execute(async (trx) => {
    await setOnBehalf(trx, ctx.actor.sessionId!, null, null);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'session.on_behalf_ended',
      targetType: 'user',
      targetId: current.id,
      communityId: null,
      scopePath: await userScopePath(trx, current.id),
    });
  });
  deps.sessions.forgetSession(ctx.actor.sessionId);
}

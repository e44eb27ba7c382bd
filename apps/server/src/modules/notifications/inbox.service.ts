import type { Locale, NotificationListResponse, NotificationPreferencesView, NotificationView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { countInbox, findMine, findPreferences, listInbox, markRead, savePreferences, type InboxRow } from './inbox.repository.js';
import { maskEmail } from './targets.js';
import { renderStored } from './templates.js';

/** The signed-in person's inbox and mail preference; nobody sees another person's messages. */

/** A message in the reader's language, put into words now: switching language changes the whole inbox. */
const view = (r: InboxRow, locale: Locale): NotificationView => ({
  id: r.id,
  event: r.event,
  ...renderStored(r, locale),
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/**
 * The language the reader is looking at: the one their screen asks for (the web sends it with every call, so a
 * switch applies at once), else the one saved on their account.
 */
export function readerLocale(acceptLanguage: string | undefined, ctx: RequestContext): Locale {
  if (acceptLanguage && /^en\b/i.test(acceptLanguage)) return 'en-US';
  if (acceptLanguage && /^zh\b/i.test(acceptLanguage)) return 'zh-CN';
  return ctx.actor.locale;
}

function me(ctx: RequestContext): string {
  if (!ctx.actor.userId) throw new AppError('not_authenticated', 401);
  return ctx.actor.userId;
}

/** My messages, newest first, with the unread count. */
export async function listMyNotifications(
  deps: AppDeps,
  ctx: RequestContext,
  q: { unread?: boolean; limit: number; offset: number },
  locale: Locale,
): Promise<NotificationListResponse> {
  const userId = me(ctx);
  const unreadOnly = q.unread === true;
  const [items, total, unread] = await Promise.all([
    listInbox(deps.db, userId, { unread: unreadOnly, limit: q.limit, offset: q.offset }),
    countInbox(deps.db, userId, unreadOnly),
    countInbox(deps.db, userId, true),
  ]);
  return { items: items.map((r) => view(r, locale)), total, unread };
}

/** Mark one of my messages read (again is fine); someone else's answers 404. */
export async function readMyNotification(deps: AppDeps, ctx: RequestContext, id: string, locale: Locale): Promise<NotificationView> {
  const userId = me(ctx);
  const now = iso(deps.clock.now());
  await markRead(deps.db, userId, now, id);
  const row = await findMine(deps.db, userId, id);
  if (!row) throw notFound();
  return view(row, locale);
}

/** Mark all my messages read. */
export async function readAllMyNotifications(deps: AppDeps, ctx: RequestContext): Promise<{ updated: number }> {
  return { updated: await markRead(deps.db, me(ctx), iso(deps.clock.now())) };
}

/** My mail preference, with the address masked. */
export async function getMyPreferences(deps: AppDeps, ctx: RequestContext): Promise<NotificationPreferencesView> {
  const row = await findPreferences(deps.db, me(ctx));
  return {
    emailMasked: row?.email_cipher ? maskEmail(deps.vault.decrypt(row.email_cipher)) : null,
    emailEnabled: row?.email_enabled === 1 && row.email_cipher !== null,
  };
}

/** Set my mail address (sealed) and whether mail is on; mail needs an address. */
export async function updateMyPreferences(deps: AppDeps, ctx: RequestContext, body: { email?: string | null; emailEnabled: boolean }): Promise<NotificationPreferencesView> {
  const userId = me(ctx);
  const before = await findPreferences(deps.db, userId);
  const cipher = body.email === undefined ? (before?.email_cipher ?? null) : body.email === null ? null : deps.vault.encrypt(body.email);
  if (body.emailEnabled && !cipher) throw new AppError('validation_failed', 400, [{ field: 'body.email', code: 'required', message: 'an address is needed to switch mail on' }]);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await savePreferences(trx, { user_id: userId, email_cipher: cipher, email_enabled: body.emailEnabled ? 1 : 0, updated_at: now });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'notification_preferences.updated',
      targetType: 'user',
      targetId: userId,
      communityId: null,
      scopePath: null,
      before: before ? { emailSet: before.email_cipher !== null, emailEnabled: before.email_enabled === 1 } : null,
      after: { emailSet: cipher !== null, emailEnabled: body.emailEnabled },
    });
  });
  return getMyPreferences(deps, ctx);
}

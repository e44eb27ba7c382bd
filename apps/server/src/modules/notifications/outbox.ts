import type { Insertable } from 'kysely';
import type { Db, NotificationsTable } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { activeEndpoints, insertOutboxRows, roleHolders, wantsEmail } from './outbox.repository.js';
import { DEFAULT_LOCALE, render, type NoticeContent } from './templates.js';

/**
 * Writing to the outbox. These run inside the caller's transaction (the change and its messages commit
 * together) and stay at two statements each. In-app messages are delivered by being written; mail, webhook
 * and robot rows wait for `deliverOutbox`.
 */

/**
 * What a message says, as a template and its parameters (put into words for each reader, see templates.ts);
 * `dedupeKey` makes a repeat of the same change a no-op.
 */
export type OutboxMessage = NoticeContent & {
  event: string;
  link?: string | null;
  dedupeKey: string;
};

/** Clip to the column sizes so a long title can never make the caller's transaction fail. */
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function row(
  now: string,
  m: OutboxMessage,
  target: { communityId: string | null; recipientUserId?: string | null; endpointId?: string | null; channel: string },
  dedupeKey: string,
): Insertable<NotificationsTable> {
  const inApp = target.channel === 'in_app';
  // The Chinese words are stored too: they are what anything that does not know the template shows.
  const words = render(m, DEFAULT_LOCALE);
  return {
    id: newId(),
    community_id: target.communityId,
    recipient_user_id: target.recipientUserId ?? null,
    endpoint_id: target.endpointId ?? null,
    channel: target.channel,
    event: clip(m.event, 32),
    subject: clip(words.subject, 200),
    body: clip(words.body, 2000),
    template: m.template,
    params_json: JSON.stringify(m.params),
    link: m.link ? clip(m.link, 500) : null,
    dedupe_key: clip(dedupeKey, 200),
    status: inApp ? 'sent' : 'pending',
    attempts: 0,
    next_attempt_at: inApp ? null : now,
    last_error: null,
    created_at: now,
    sent_at: inApp ? now : null,
    read_at: null,
  };
}

/** One in-app message to a person (sent at once), plus a mail row when they switched mail on. */
export async function enqueueNotification(
  db: Db,
  deps: Pick<AppDeps, 'clock'>,
  n: OutboxMessage & { communityId: string | null; recipientUserId: string },
): Promise<void> {
  const now = iso(deps.clock.now());
  const target = { communityId: n.communityId, recipientUserId: n.recipientUserId };
  const rows = [row(now, n, { ...target, channel: 'in_app' }, n.dedupeKey)];
  if (await wantsEmail(db, n.recipientUserId)) rows.push(row(now, n, { ...target, channel: 'email' }, `${n.dedupeKey}:email`));
  await insertOutboxRows(db, rows);
}

/** The paths of every place from the root down to `placePath` (`/a/b/c/` → `/a/`, `/a/b/`, `/a/b/c/`). */
export function ancestorPaths(placePath: string): string[] {
  const segs = placePath.split('/').filter(Boolean);
  return segs.map((_, i) => `/${segs.slice(0, i + 1).join('/')}/`);
}

/**
 * An in-app message to every active holder of `roles` at a place above (or at) `placePath`: the community
 * admins over a request, or the subdistrict admins. Each recipient is deduplicated on its own
 * (`<dedupeKey>:<userId>`). The rows' community is `communityId` or the path's second level.
 */
export async function notifyRole(
  db: Db,
  deps: Pick<AppDeps, 'clock'>,
  n: OutboxMessage & { placePath: string; roles: readonly string[]; communityId?: string | null; except?: string | null },
): Promise<number> {
  const now = iso(deps.clock.now());
  const paths = ancestorPaths(n.placePath);
  const communityId = n.communityId ?? n.placePath.split('/').filter(Boolean)[1] ?? null;
  // `except`: the one who did it need not be told (the author of what now waits on the others).
  const holders = (await roleHolders(db, paths, n.roles)).filter((h) => h.userId !== n.except);
  const rows = holders.flatMap((h) => {
    const target = { communityId, recipientUserId: h.userId };
    const key = `${n.dedupeKey}:${h.userId}`;
    const out = [row(now, n, { ...target, channel: 'in_app' }, key)];
    if (h.email) out.push(row(now, n, { ...target, channel: 'email' }, `${key}:email`));
    return out;
  });
  await insertOutboxRows(db, rows);
  return holders.length;
}

/** One pending row per active endpoint of the community subscribed to `event` (`<dedupeKey>:<endpointId>`). */
export async function notifyEndpoints(
  db: Db,
  deps: Pick<AppDeps, 'clock'>,
  n: OutboxMessage & { communityId: string },
): Promise<number> {
  const now = iso(deps.clock.now());
  const endpoints = (await activeEndpoints(db, n.communityId)).filter((e) => subscribed(e.eventsJson, n.event));
  await insertOutboxRows(
    db,
    endpoints.map((e) => row(now, n, { communityId: n.communityId, endpointId: e.id, channel: e.kind }, `${n.dedupeKey}:${e.id}`)),
  );
  return endpoints.length;
}

function subscribed(eventsJson: string, event: string): boolean {
  try {
    const events: unknown = JSON.parse(eventsJson);
    return Array.isArray(events) && events.includes(event);
  } catch {
    return false;
  }
}

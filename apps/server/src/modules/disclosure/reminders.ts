import type { AppDeps } from '../../deps.js';
import { iso, localDate } from '../../lib/clock.js';
import { enqueueNotification, notifyRole } from '../notifications/outbox.js';
import * as repo from './catalogue.repository.js';
import { dueStatus, expectedPeriods } from './due.js';

/**
 * The reminder job: tells each periodic item's owner when its period comes due and again once it is overdue,
 * through the notifications outbox. One reminder per item, period and kind: the claim row and the message are
 * written in one transaction, and the claim's primary key makes every other server (and every later round) skip
 * it. An item without an owner reminds the community's admins.
 */
export async function runDisclosureReminders(deps: AppDeps): Promise<{ sent: number }> {
  const today = localDate(deps.clock.now());
  const items = await repo.activePeriodicItems(deps.db);
  const published = await repo.publishedPeriods(deps.db, items.map((i) => i.id), expectedPeriods(items, today));
  let sent = 0;
  for (const item of items) {
    const due = dueStatus(item, today, published.get(item.id));
    if (due.status !== 'due' && due.status !== 'overdue') continue;
    const kind = due.status;
    const params = { title: item.title, period: due.period!, dueOn: due.dueOn! };
    const message = {
      event: `disclosure.${kind}`,
      link: `/console/disclosure`,
      dedupeKey: `disclosure:${item.id}:${due.period}:${kind}`,
      ...(kind === 'due' ? { template: 'disclosure_due' as const, params } : { template: 'disclosure_overdue' as const, params }),
    };
    const claimed = await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.claimReminder(trx, { item_id: item.id, period: due.period!, kind, sent_at: iso(deps.clock.now()) }))) return false;
      if (item.owner_user_id) await enqueueNotification(trx, deps, { ...message, communityId: item.community_id, recipientUserId: item.owner_user_id });
      else await notifyRole(trx, deps, { ...message, placePath: item.community_path, roles: ['community_admin'], communityId: item.community_id });
      return true;
    });
    if (claimed) sent++;
  }
  return { sent };
}

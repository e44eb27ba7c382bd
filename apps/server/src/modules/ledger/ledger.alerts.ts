import { formatYuan, ledgerKeeperRoles } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { enqueueNotification, notifyRole } from '../notifications/outbox.js';
import type { CommunityRow } from './ledger.repository.js';

/**
 * An expense waits for another keeper: the community's keepers other than its author are told, in the
 * transaction that enters it; its author is told when it is rejected, with the reason. Approval needs no message:
 * the entry appears posted on the ledger.
 */
interface Expense {
  id: string;
  purpose: string;
  amount: number;
  author_id: string;
}

const title = (e: Expense) => `${e.purpose.slice(0, 150)}（${formatYuan(e.amount)}）`;

export async function tellKeepers(trx: Db, deps: Pick<AppDeps, 'clock'>, c: CommunityRow, e: Expense): Promise<void> {
  await notifyRole(trx, deps, {
    template: 'openness_alert',
    params: { what: 'expense_pending', title: title(e), note: null },
    event: 'ledger_entry.submitted',
    link: '/console/ledger',
    dedupeKey: `ledger_entry:${e.id}:pending`,
    placePath: c.path,
    roles: ledgerKeeperRoles,
    communityId: c.id,
    except: e.author_id,
  });
}

export async function tellAuthorRejected(trx: Db, deps: Pick<AppDeps, 'clock'>, c: CommunityRow, e: Expense, reason: string): Promise<void> {
  await enqueueNotification(trx, deps, {
    template: 'openness_alert',
    params: { what: 'expense_rejected', title: title(e), note: reason.slice(0, 1000) },
    event: 'ledger_entry.rejected',
    link: '/console/ledger',
    dedupeKey: `ledger_entry:${e.id}:rejected`,
    communityId: c.id,
    recipientUserId: e.author_id,
  });
}

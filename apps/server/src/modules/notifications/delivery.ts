import { endpointKinds, type EndpointKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { addMinutes, iso } from '../../lib/clock.js';
import { DeliveryError, sendTo, type Destination, type OutgoingMessage } from './adapters/index.js';
import { claimRow, dueRows, emailCipherOf, endpointSecrets, finishAttempt, type DueRow } from './delivery.repository.js';
import { scrub } from './targets.js';
import { asLocale, DEFAULT_LOCALE, renderStored } from './templates.js';

/** After this many attempts a message is `dead` and no longer retried. */
export const MAX_ATTEMPTS = 8;
/** How long a claimed row is ours before another server may take it (far longer than one send's timeout). */
const LEASE_MINUTES = 5;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, … 64, capped at six hours. */
export const backoffMinutes = (attempts: number): number => Math.min(2 ** Math.max(0, attempts - 1), 360);

export interface DeliveryReport {
  sent: number;
  failed: number;
  dead: number;
}

/**
 * Send the outbox rows that are due (mail, webhooks, group robots), at most `limit` of them. Safe to run on
 * several app servers at once: each row is claimed with a conditional update before it is sent.
 */
export async function deliverOutbox(deps: AppDeps, opts: { limit?: number; timeoutMs?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, dead: 0 };
  const now = deps.clock.now();
  const rows = await dueRows(deps.db, iso(now), opts.limit ?? 50);
  for (const row of rows) {
    if (!(await claimRow(deps.db, row, iso(addMinutes(now, LEASE_MINUTES))))) continue;
    const outcome = await deliverOne(deps, row, opts.timeoutMs);
    report[outcome]++;
  }
  return report;
}

async function deliverOne(deps: AppDeps, row: DueRow, timeoutMs?: number): Promise<keyof DeliveryReport> {
  const attempts = row.attempts + 1;
  let dest: Destination | null = null;
  try {
    dest = await destinationOf(deps, row);
    await sendTo(deps, dest, messageOf(deps, row), timeoutMs);
    await finishAttempt(deps.db, row.id, { status: 'sent', sentAt: iso(deps.clock.now()) });
    return 'sent';
  } catch (e) {
    const lastError = scrub(e instanceof DeliveryError ? e.message : 'unexpected error', [dest?.target, dest?.secret]);
    const next = e instanceof DeliveryError ? e.next : 'retry';
    // A missing mail server leaves the row failed and parked (no next attempt), so it cannot storm; a
    // destination that is gone is given up at once; anything else is retried later until MAX_ATTEMPTS.
    const retry = next === 'retry' && attempts < MAX_ATTEMPTS;
    const status = retry || next === 'park' ? 'failed' : 'dead';
    const nextAttemptAt = retry ? iso(addMinutes(deps.clock.now(), backoffMinutes(attempts))) : null;
    await finishAttempt(deps.db, row.id, { status, nextAttemptAt, lastError });
    return status;
  }
}

function messageOf(deps: AppDeps, row: DueRow): OutgoingMessage {
  // Links in the outbox are app paths; receivers outside need the full address.
  const link = row.link ? new URL(row.link, deps.config.publicUrl).toString() : null;
  // Mail speaks its recipient's language as it is when the mail goes. Endpoints and communities have no
  // language setting: group chats and webhooks get the default (Chinese).
  const locale = row.endpoint_id ? DEFAULT_LOCALE : asLocale(row.recipient_locale);
  return { event: row.event, ...renderStored(row, locale), link, at: row.created_at };
}

async function destinationOf(deps: AppDeps, row: DueRow): Promise<Destination> {
  if (row.endpoint_id) {
    const e = await endpointSecrets(deps.db, row.endpoint_id);
    if (!e || e.active !== 1) throw new DeliveryError('endpoint inactive or removed', 'give_up');
    return { kind: asKind(e.kind), target: deps.vault.decrypt(e.target_cipher), secret: e.secret_cipher ? deps.vault.decrypt(e.secret_cipher) : null };
  }
  if (row.channel === 'email' && row.recipient_user_id) {
    const cipher = await emailCipherOf(deps.db, row.recipient_user_id);
    if (!cipher) throw new DeliveryError('recipient has no mail address', 'give_up');
    return { kind: 'email', target: deps.vault.decrypt(cipher), secret: null };
  }
  throw new DeliveryError('no destination', 'give_up');
}

function asKind(kind: string): EndpointKind {
  const k = endpointKinds.find((x) => x === kind);
  if (!k) throw new DeliveryError(`unknown endpoint kind ${kind.slice(0, 16)}`, 'give_up');
  return k;
}

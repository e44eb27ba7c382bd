import { handlingStatuses, type RequestSettings, type RequestStatus } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { addMinutes, iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { dueCallbacks } from './callbacks.repository.js';
import { closeChecked } from './closing.service.js';
import { tellRoles, tellUsers } from './request-notices.js';
import * as repo from './requests.repository.js';
import { settingsForMany } from './settings.service.js';
import { stepRow } from './steps.js';
import * as timers from './timers.repository.js';

/**
 * The request timers, run every minute by the job runner: remind handlers before the reply deadline, escalate
 * overdue requests to the community admins and later to the subdistrict, close answers nobody rated, and tell
 * staff of callbacks that fell due. Every change is a conditional update in its own transaction, so several app
 * servers may run this at once: each request is reminded, escalated or closed exactly once.
 */

/** At most this many requests per kind of work per run; the next minute takes the rest. */
const BATCH = 500;
/** Callbacks that fell due longer ago than this are not announced any more (the list still shows them). */
const CALLBACK_LOOKBACK_DAYS = 7;
/** The widest settings allow; the candidates are narrowed per community afterwards. */
const MAX_REMIND_MINUTES = 10_080;
const MIN_ESCALATE_MINUTES = 30;
const MIN_AUTO_CLOSE_DAYS = 1;

type Candidate = Awaited<ReturnType<typeof timers.remindCandidates>>[number];
const due = (t: string, minutes: number, now: Date) => Date.parse(t) + minutes * 60_000 <= now.getTime();

export interface TimerResult {
  reminded: number;
  escalated: number;
  closed: number;
  callbacks: number;
}

async function settingsOf(deps: AppDeps, rows: Candidate[]): Promise<Map<string, RequestSettings>> {
  return settingsForMany(deps.db, rows.map((r) => r.community_id));
}

/** The accounts working on a request: assigned users and representatives of assigned organisations. */
async function handlersOf(deps: AppDeps, requestId: string): Promise<string[]> {
  const active = await timers.activeAssignmentsOf(deps.db, requestId);
  const reps = await repo.representativesOf(deps.db, active.map((a) => a.organisation_id).filter((o): o is string => o !== null));
  return [...new Set([...active.map((a) => a.user_id).filter((u): u is string => u !== null), ...reps])];
}

async function remind(deps: AppDeps, now: Date): Promise<number> {
  const at = iso(now);
  const rows = await timers.remindCandidates(deps.db, handlingStatuses, at, iso(addMinutes(now, MAX_REMIND_MINUTES)), BATCH);
  const settings = await settingsOf(deps, rows);
  let n = 0;
  for (const r of rows) {
    const before = settings.get(r.community_id)!.remindBeforeMinutes;
    if (before === 0 || !due(r.reply_due_at, -before, now)) continue;
    const handlers = await handlersOf(deps, r.id);
    const done = await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.updateRequestWhen(trx, r.id, { status: handlingStatuses, remindedAtNull: true }, { reminded_at: at }))) return false;
      const step = stepRow(null, { requestId: r.id, action: 'reminded', from: r.status as RequestStatus, to: r.status as RequestStatus, public: false, now: at, data: { replyDueAt: r.reply_due_at } });
      await repo.insertSteps(trx, [step]);
      // Not yet dispatched: the dispatchers are the ones to hurry.
      if (handlers.length) await tellUsers(trx, deps, r, handlers, { event: 'request_due', template: 'request_due', key: step.id, actorUserId: null });
      else await tellRoles(trx, deps, r, { roles: ['community_admin', 'community_staff'], event: 'request_due', template: 'request_due', key: step.id });
      return true;
    });
    if (done) n++;
  }
  return n;
}

async function escalate(deps: AppDeps, now: Date, level: 0 | 1): Promise<number> {
  const at = iso(now);
  const before = level === 0 ? at : iso(addMinutes(now, -MIN_ESCALATE_MINUTES));
  const rows = await timers.escalationCandidates(deps.db, handlingStatuses, level, before, BATCH);
  const settings = await settingsOf(deps, rows);
  let n = 0;
  for (const r of rows) {
    if (level === 1 && !due(r.reply_due_at, settings.get(r.community_id)!.escalateToSubdistrictAfterMinutes, now)) continue;
    const done = await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.updateRequestWhen(trx, r.id, { status: handlingStatuses, escalationLevel: level }, { escalation_level: level + 1, updated_at: at }))) return false;
      const step = stepRow(null, { requestId: r.id, action: 'escalated', from: r.status as RequestStatus, to: r.status as RequestStatus, public: false, now: at, data: { level: level + 1 } });
      await repo.insertSteps(trx, [step]);
      await recordAudit(trx, null, deps.clock, {
        action: 'request.escalated',
        targetType: 'request',
        targetId: r.id,
        communityId: r.community_id,
        scopePath: r.place_path,
        before: { escalationLevel: level },
        after: { escalationLevel: level + 1 },
      });
      await tellRoles(trx, deps, r, level === 0
        ? { roles: ['community_admin'], event: 'request_overdue', template: 'request_overdue', key: step.id }
        : { roles: ['subdistrict_admin'], event: 'request_escalated', template: 'request_escalated', key: step.id });
      return true;
    });
    if (done) n++;
  }
  return n;
}

async function autoClose(deps: AppDeps, now: Date): Promise<number> {
  const at = iso(now);
  const rows = await timers.autoCloseCandidates(deps.db, iso(addMinutes(now, -MIN_AUTO_CLOSE_DAYS * 1440)), BATCH);
  const settings = await settingsOf(deps, rows);
  let n = 0;
  for (const row of rows) {
    const s = settings.get(row.community_id)!;
    if (!row.replied_at || !due(row.replied_at, s.autoCloseDays * 1440, now)) continue;
    const r = await repo.findRequestView(deps.db, row.id);
    if (!r) continue;
    try {
      await closeChecked(deps, null, { r, standing: null, settings: s, now, at }, null, true);
      n++;
    } catch (e) {
      // Rated or disputed a moment ago (or closed by another app server): nothing to do.
      if ((e as { code?: string }).code !== 'request_state_conflict') throw e;
    }
  }
  return n;
}

async function announceCallbacks(deps: AppDeps, now: Date): Promise<number> {
  const rows = await dueCallbacks(deps.db, iso(addMinutes(now, -CALLBACK_LOOKBACK_DAYS * 1440)), iso(now), BATCH);
  const pending = rows.filter((c) => c.assigned_user_id !== null);
  const keyOf = (c: (typeof pending)[number]) => `req:${c.request_id}:callback-${c.id}:${c.assigned_user_id}`;
  const sent = await timers.existingKeys(deps.db, pending.map(keyOf));
  let n = 0;
  for (const c of pending.filter((x) => !sent.has(keyOf(x)))) {
    const r = { id: c.request_id, number: c.number, title: c.title, community_id: c.community_id };
    await tellUsers(deps.db, deps, r, [c.assigned_user_id!], { event: 'callback_due', template: 'callback_due', key: `callback-${c.id}`, actorUserId: null });
    n++;
  }
  return n;
}

/** One run of every timer; returns how many requests each part changed. */
export async function runRequestTimers(deps: AppDeps): Promise<TimerResult> {
  const now = deps.clock.now();
  const reminded = await remind(deps, now);
  const escalated = (await escalate(deps, now, 0)) + (await escalate(deps, now, 1));
  const closed = await autoClose(deps, now);
  const callbacks = await announceCallbacks(deps, now);
  return { reminded, escalated, closed, callbacks };
}

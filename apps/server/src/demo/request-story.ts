import { defaultRequestSettings, handlingStatuses, type Rating, type RequestSettings, type RequestStatus, type StepAction, type Urgency } from '@gongzhi/shared';
import { WeightedTable, type Random } from './prng.js';

/**
 * What happened to one generated request, as the lifecycle (modules/requests/state-machine.ts) and the timers
 * would have done it: the steps in order with their times, ending in a status that fits the request's age. The
 * demo writes the steps as its timeline; the requests benchmark only the row they add up to (request-history.ts).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One step of the story; the timeline row is made from it (request-trail.ts). */
export interface StoryEvent {
  action: StepAction;
  at: number;
  from: RequestStatus | null;
  to: RequestStatus;
  rating?: Rating;
  resolved?: boolean;
  /** escalated: the level reached (1 the community admins, 2 the subdistrict). */
  level?: number;
  /** closed by the auto-close timer, not by a person. */
  auto?: boolean;
}

export interface Story {
  status: RequestStatus;
  events: StoryEvent[];
  dispatchDueAt: number;
  /** The reply deadline in force: from creation, or from the last objection. */
  replyDueAt: number;
  remindedAt: number | null;
  escalationLevel: number;
}

export interface StoryInput {
  created: number;
  now: number;
  urgency: Urgency;
  settings?: RequestSettings;
  /** False where residents have no accounts to withdraw with (the demo): a drawn withdrawal closes instead. */
  withdrawals?: boolean;
  /**
   * How many of the requests left open after a fortnight stay open, as a share of the benchmark's backlog
   * (default 1); the rest were closed. The demo's office keeps on top of its queue: a few overdue, not dozens.
   */
  staleOpen?: number;
}

/** The last event of one of these actions, if any. */
export function lastEvent(events: readonly StoryEvent[], ...actions: StepAction[]): StoryEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (actions.includes(events[i]!.action)) return events[i];
  return undefined;
}

/** Where a request ends up, by age: new ones are mostly in hand, a fortnight on mostly answered, older ones closed. */
const fresh = new WeightedTable<RequestStatus>([['received', 25], ['dispatched', 25], ['in_progress', 30], ['replied', 12], ['closed', 5], ['withdrawn', 3]]);
const recent = new WeightedTable<RequestStatus>([['received', 2], ['dispatched', 2], ['in_progress', 10], ['returned', 1], ['objection', 1], ['replied', 20], ['rated', 15], ['closed', 45], ['merged', 2], ['withdrawn', 2]]);
const old = new WeightedTable<RequestStatus>([['closed', 89], ['rated', 2], ['replied', 0.5], ['merged', 3], ['withdrawn', 3], ['received', 0.2], ['dispatched', 0.2], ['in_progress', 0.3], ['objection', 0.1]]);
/** How a closed request got there after its answer: rated and closed, closed by the timer unrated, or disputed first. */
const closing = new WeightedTable<'rated' | 'auto' | 'objection'>([['rated', 62], ['auto', 30], ['objection', 8]]);
const goodRating = new WeightedTable<Rating>([['satisfied', 82], ['basically_satisfied', 18]]);

/** Resolved or not, as residents answer it: nearly always when satisfied, seldom when they object. */
function resolvedFor(rng: Random, rating: Rating): boolean {
  return rng.chance(rating === 'satisfied' ? 0.95 : rating === 'basically_satisfied' ? 0.8 : 0.3);
}

const handling = new Set<RequestStatus>(handlingStatuses);

class Timeline {
  status: RequestStatus = 'received';
  readonly events: StoryEvent[] = [];
  go(action: StepAction, at: number, to: RequestStatus, extra: Partial<StoryEvent> = {}): number {
    this.events.push({ action, at, from: this.events.length ? this.status : null, to, ...extra });
    this.status = to;
    return at;
  }
}

/** Generate one request's story. */
export function requestStory(rng: Random, o: StoryInput): Story {
  const s = o.settings ?? defaultRequestSettings;
  const age = o.now - o.created;
  let outcome = (age < 2 * DAY ? fresh : age < 15 * DAY ? recent : old).draw(rng);
  if (outcome === 'withdrawn' && o.withdrawals === false) outcome = 'closed';
  if (age >= 15 * DAY && handling.has(outcome) && o.staleOpen !== undefined && !rng.chance(o.staleOpen)) outcome = 'closed';
  const dispatchSpan = s.dispatchMinutes[o.urgency] * MINUTE;
  const replySpan = s.replyMinutes[o.urgency] * MINUTE;
  const dispatchDue = o.created + dispatchSpan;
  const t = new Timeline();
  t.go('submitted', o.created, 'received');
  const u = () => rng.next();

  const rate = (after: number, rating: Rating) => t.go('rated', after + u() * 2 * DAY, rating === 'dissatisfied' ? 'objection' : 'rated', { rating, resolved: resolvedFor(rng, rating) });
  if (outcome === 'merged') t.go('merged', o.created + u() * 0.5 * dispatchSpan, 'merged');
  else if (outcome === 'closed' && (age < 2 * DAY || rng.chance(0.08))) {
    // 自办自结: a grid worker or the office answers a small matter on the spot.
    t.go('self_resolved', o.created + (5 + u() * 40) * MINUTE, 'closed');
  } else if (outcome === 'withdrawn' && rng.chance(0.5)) t.go('withdrawn', o.created + u() * dispatchSpan, 'withdrawn');
  else if (outcome !== 'received') {
    const dispatched = t.go('dispatched', o.created + (0.05 + 0.45 * u()) * dispatchSpan, 'dispatched');
    if (outcome === 'withdrawn') t.go('withdrawn', dispatched + u() * 0.3 * replySpan, 'withdrawn');
    else if (outcome === 'returned' && rng.chance(0.5)) t.go('returned', dispatched + u() * dispatchSpan, 'returned');
    else if (outcome !== 'dispatched') {
      // Most handlers take it on before the dispatch deadline: the response rate.
      const accepted = t.go('accepted', rng.chance(0.12) ? dispatchDue + u() * 2 * dispatchSpan : dispatched + u() * (dispatchDue - dispatched), 'in_progress');
      if (outcome === 'returned') t.go('returned', accepted + u() * 0.3 * replySpan, 'returned');
      else if (outcome !== 'in_progress') {
        const replied = t.go('replied', accepted + (rng.chance(0.9) ? u() * 0.8 : 0.8 + u()) * replySpan, 'replied');
        const path = outcome === 'closed' ? closing.draw(rng) : outcome;
        if (path === 'rated') {
          const rated = rate(replied, goodRating.draw(rng));
          if (outcome === 'closed') t.go('closed', rated + u() * DAY, 'closed');
        } else if (path === 'objection') {
          // Dissatisfied: the request reopens with its lead, who takes it on again and answers once more.
          const objected = rate(replied, 'dissatisfied');
          if (outcome === 'closed') {
            const again = t.go('accepted', objected + u() * dispatchSpan, 'in_progress');
            const second = t.go('replied', again + u() * 0.5 * replySpan, 'replied');
            if (rng.chance(0.6)) t.go('closed', rate(second, goodRating.draw(rng)) + u() * DAY, 'closed');
          }
        }
      }
    }
  }
  fitBefore(t.events, o.now);
  // Answers nobody rated are closed by the timer after autoCloseDays; younger ones are still waiting.
  if (t.status === 'replied') {
    const closeAt = t.events[t.events.length - 1]!.at + s.autoCloseDays * DAY + u() * MINUTE;
    if (closeAt < o.now) t.go('closed', closeAt, 'closed', { auto: true });
  }
  return { status: t.status, dispatchDueAt: dispatchDue, ...addTimers(rng, t.events, o, s, replySpan) };
}

/** A story that would run past now is squeezed into the time there was, keeping its order and proportions. */
function fitBefore(events: StoryEvent[], now: number): void {
  const start = events[0]!.at;
  const last = events[events.length - 1]!.at;
  if (last <= now - MINUTE) return;
  const factor = Math.max(0, now - MINUTE - start) / (last - start);
  for (const e of events) e.at = start + (e.at - start) * factor;
}

/**
 * The timers' steps (reminded, escalated) in each stretch the request was in hand: from creation, and again from
 * each objection (which sets a new reply deadline and starts reminders and escalation over).
 */
function addTimers(rng: Random, events: StoryEvent[], o: StoryInput, s: RequestSettings, replySpan: number) {
  const timers: StoryEvent[] = [];
  let replyDueAt = o.created + replySpan;
  let remindedAt: number | null = null;
  let escalationLevel = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const opens = i === 0 || (e.to === 'objection' && e.from !== 'objection');
    if (!opens) continue;
    const start = e.at;
    const end = events.slice(i + 1).find((x) => !handling.has(x.to))?.at ?? o.now;
    replyDueAt = start + replySpan;
    remindedAt = null;
    escalationLevel = 0;
    const remindAt = Math.max(start + MINUTE, replyDueAt - s.remindBeforeMinutes * MINUTE);
    if (s.remindBeforeMinutes > 0 && remindAt < end) {
      remindedAt = remindAt;
      timers.push({ action: 'reminded', at: remindAt, from: null, to: 'received' });
    }
    const steps = [replyDueAt + rng.next() * MINUTE, replyDueAt + s.escalateToSubdistrictAfterMinutes * MINUTE + rng.next() * MINUTE];
    for (const [k, at] of steps.entries()) {
      if (at >= end) break;
      escalationLevel = k + 1;
      timers.push({ action: 'escalated', at, from: null, to: 'received', level: k + 1 });
    }
  }
  if (timers.length) {
    events.push(...timers);
    // Stable: a timer step at the same moment as a lifecycle step comes after it.
    events.sort((a, b) => a.at - b.at);
    // A timer step leaves the status as it was.
    let status: RequestStatus = 'received';
    for (const e of events) {
      if (e.action === 'reminded' || e.action === 'escalated') {
        e.from = status;
        e.to = status;
      } else status = e.to;
    }
  }
  return { events, replyDueAt, remindedAt, escalationLevel };
}

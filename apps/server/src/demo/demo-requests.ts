import type { Insertable } from 'kysely';
import type { Urgency } from '@gongzhi/shared';
import type { RequestAssignmentsTable, RequestStepsTable, RequestsTable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../lib/app-error.js';
import { iso, localDate } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { ensureTaxonomy, retrainCommunity } from '../modules/triage/index.js';
import { insertMany } from './bulk-insert.js';
import { Random, WeightedTable } from './prng.js';
import { channelTable, ratingComments, RequestCast, returnReasons } from './request-cast.js';
import { historyRow, historyTexts, kindTable, Numbering, writeHistory } from './request-history.js';
import { requestStory } from './request-story.js';
import { requestTrail } from './request-trail.js';
import type { WrittenCommunity } from './write-community.js';

/**
 * The demo community's request history: a year of requests over its real households and buildings, each with
 * its timeline and assignment, the daily rollup and search rows (the triggers write them), the number counters,
 * and a classifier trained on it and made active, so the dashboard, the queue, search, similar requests and
 * handler suggestions all have something to show on first start.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Categories staff chose or corrected by hand (the training labels); the rest are the model's guesses. */
const STAFF_LABELLED = 0.4;
/** Local hours people bring matters, by weight. */
const hours = new WeightedTable<number>([[7, 2], [8, 6], [9, 10], [10, 10], [11, 8], [12, 4], [13, 5], [14, 8], [15, 9], [16, 8], [17, 6], [18, 4], [19, 4], [20, 3], [21, 2], [22, 1]]);

export interface DemoRequests {
  requests: number;
  steps: number;
  /** The active model's cross-validated figures; null when the history had too few labels to train or to measure. */
  classifier: { accuracy: number; macroF1: number } | null;
}

/** Arrival times over the last 365 days, oldest first: fewer at weekends and around the Spring Festival, more in summer, growing over the year. */
function arrivals(rng: Random, count: number, now: number): number[] {
  const midnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const days = new WeightedTable(
    Array.from({ length: 365 }, (_, d) => {
      const local = new Date(midnight - d * DAY + 8 * HOUR);
      const month = local.getUTCMonth();
      const season = month >= 5 && month <= 7 ? 1.25 : month <= 1 ? 0.8 : 1;
      return [d, (local.getUTCDay() % 6 === 0 ? 0.6 : 1) * season * (1.2 - (0.4 * d) / 365)] as const;
    }),
  );
  const out = Array.from({ length: count }, () => {
    const t = midnight - days.draw(rng) * DAY + hours.draw(rng) * HOUR + rng.int(0, 3599) * 1000;
    // Today's hours still to come: the last few hours instead.
    return t < now - 5 * 60_000 ? t : now - rng.int(5, 240) * 60_000;
  });
  return out.sort((a, b) => a - b);
}

/** Seed `count` requests into the written community (the one with the demo accounts), then train its classifier. */
export async function seedDemoRequests(deps: AppDeps, w: WrittenCommunity, o: { seed: string; count: number; today: string }): Promise<DemoRequests> {
  const rng = new Random(`${o.seed}/requests`);
  const now = deps.clock.now();
  const cast = new RequestCast(rng.fork('cast'), w, o.today);
  const community = cast.community;
  const categories = new Map((await ensureTaxonomy(deps.db, community.id, now)).map((c) => [c.code, c]));
  const texts = historyTexts(o.count, `${o.seed}/requests`);
  const times = arrivals(rng.fork('arrivals'), o.count, now.getTime());

  const r = rng.fork('lifecycle');
  const numbering = new Numbering();
  const rows: RequestsTable[] = [];
  const steps: Insertable<RequestStepsTable>[] = [];
  const assignments: Insertable<RequestAssignmentsTable>[] = [];
  // A duplicate is merged into the one before it about the same thing.
  const lastAbout = new Map<string, { id: string; number: string }>();
  for (let i = 0; i < o.count; i++) {
    const created = times[i]!;
    const text = texts[i]!;
    const home = cast.home(r, localDate(new Date(created)));
    const where = cast.where(r, home);
    const caller = r.pick(home.people);
    const named = r.chance(0.85);
    const channel = channelTable.draw(r);
    const enteredBy = cast.enteredBy(r, channel, where.gridId);
    const c = categories.get(text.label);
    const byHand = r.chance(STAFF_LABELLED);
    const category = c ? { id: c.id, source: byHand ? ('staff' as const) : ('model' as const), confidence: byHand ? null : Math.round((0.5 + 0.48 * r.next()) * 1000) / 1000 } : null;
    const urgency = (c?.urgency ?? 'general') as Urgency;
    const story = requestStory(r, { created, now: now.getTime(), urgency, withdrawals: false, staleOpen: 0.25 });
    const { handler, reply } = cast.handler(r, text.label, where.gridId);
    const ratingComment = r.pick(ratingComments);
    const id = newId();
    const number = numbering.next(created);
    const mergedInto = lastAbout.get(text.label) ?? null;
    rows.push(
      historyRow(
        {
          id,
          number,
          communityId: community.id,
          ...where,
          householdId: named ? home.householdId : null,
          residentId: named ? caller.id : null,
          enteredBy: enteredBy.id,
          contactName: named ? null : cast.contactName(caller),
          kind: kindTable.draw(r),
          channel,
          urgency,
          text,
          category,
          mergedIntoId: mergedInto?.id,
          replyText: reply,
          ratingComment,
        },
        story,
      ),
    );
    const trail = requestTrail({ requestId: id, communityId: community.id, story, enteredBy, dispatcher: cast.office(r), handler, category, replyText: reply, ratingComment, returnReason: r.pick(returnReasons), mergedInto });
    steps.push(...trail.steps);
    if (trail.assignment) assignments.push(trail.assignment);
    lastAbout.set(text.label, { id, number });
  }

  // One transaction, triggers on: a few thousand rows need no bulk-load tricks, and the triggers write each
  // request's search row (SQLite) and its daily-rollup counts as it goes in.
  const raw = deps.handle.sqlite;
  await deps.db.transaction().execute(async (trx) => {
    await writeHistory(trx, { requests: rows, steps, assignments }, raw);
    await insertMany(trx, 'request_counters', numbering.counters(), raw);
    await recordAudit(trx, null, deps.clock, {
      action: 'demo.requests_seeded',
      targetType: 'place',
      targetId: community.id,
      communityId: community.id,
      scopePath: community.path,
      after: { requests: rows.length, steps: steps.length, assignments: assignments.length, until: iso(now) },
    });
  });
  return { requests: rows.length, steps: steps.length, classifier: await train(deps, community.id) };
}

/** Train and activate the community's model as the retrain button does (audited as the system). */
async function train(deps: AppDeps, communityId: string): Promise<DemoRequests['classifier']> {
  try {
    const model = await retrainCommunity(deps, communityId);
    return model.metrics && { accuracy: model.metrics.accuracy, macroF1: model.metrics.macroF1 };
  } catch (e) {
    // A tiny demo (a few dozen households) may not have labels enough; it then classifies with the seed model.
    if (e instanceof AppError && e.code === 'classifier_not_enough_data') return null;
    throw e;
  }
}

import type SqliteDatabase from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { RequestChannel, RequestKind, Urgency } from '@gongzhi/shared';
import { syntheticRequests, tokenize } from '../classifier/index.js';
import type { Db, RequestAssignmentsTable, RequestCountersTable, RequestStepsTable, RequestsTable } from '../db/database.js';
import { formatNumber, titleOf } from '../modules/requests/intake.service.js';
import { insertMany } from './bulk-insert.js';
import { WeightedTable } from './prng.js';
import { lastEvent, type Story, type StoryEvent } from './request-story.js';

/**
 * Generated request histories, for the demo community (demo-requests.ts) and the requests benchmark
 * (bench/lib/request-history.ts): texts with their tokens, the `requests` row a story adds up to, readable
 * numbers per year, and the batch writer.
 */

/** A message of the synthetic corpus with its label (a taxonomy code) and its jieba tokens joined by spaces. */
export interface HistoryText {
  text: string;
  label: string;
  tokens: string;
}

/** `count` synthetic messages (classifier/synthetic.ts), tokenised as intake does. */
export function historyTexts(count: number, seed: string): HistoryText[] {
  return syntheticRequests(count, seed).map((s) => ({ text: s.text, label: s.label, tokens: tokenize(s.text).join(' ') }));
}

/** What kind of matter people bring, the same everywhere. */
export const kindTable = new WeightedTable<RequestKind>([['help', 40], ['complaint', 25], ['inquiry', 20], ['suggestion', 10], ['report', 5]]);

/** Who the request is from, where, and what it says: everything of the row the story does not decide. */
export interface HistoryRequest {
  id: string;
  number: string;
  communityId: string;
  place: { id: string | null; path: string };
  gridId: string | null;
  householdId?: string | null;
  residentId?: string | null;
  enteredBy?: string | null;
  contactName?: string | null;
  kind: RequestKind;
  channel: RequestChannel;
  urgency: Urgency;
  text: HistoryText;
  category: { id: string; source: 'model' | 'staff'; confidence: number | null } | null;
  mergedIntoId?: string | null;
  replyText?: string | null;
  ratingComment?: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The `requests` row of a request whose story is `story`: its status, times, rating and timer marks. */
export function historyRow(r: HistoryRequest, story: Story): RequestsTable {
  const ev = story.events;
  const created = ev[0]!.at;
  const at = (e: StoryEvent | undefined) => (e ? iso(e.at) : null);
  const rated = lastEvent(ev, 'rated');
  const selfResolved = ev.some((e) => e.action === 'self_resolved');
  return {
    id: r.id,
    number: r.number,
    community_id: r.communityId,
    place_id: r.place.id,
    place_path: r.place.path,
    grid_id: r.gridId,
    household_id: r.householdId ?? null,
    resident_id: r.residentId ?? null,
    submitted_by: null,
    entered_by: r.enteredBy ?? null,
    contact_name: r.contactName ?? null,
    phone_cipher: null,
    phone_index: null,
    phone_tail: null,
    kind: r.kind,
    channel: r.channel,
    urgency: r.urgency,
    title: titleOf({ text: r.text.text }),
    text: r.text.text,
    tokens: r.text.tokens,
    anonymous: 0,
    address_text: null,
    lat: null,
    lng: null,
    category_id: r.category?.id ?? null,
    category_confidence: r.category?.confidence ?? null,
    category_source: r.category?.source ?? null,
    model_id: null,
    status: story.status,
    merged_into_id: story.status === 'merged' ? (r.mergedIntoId ?? null) : null,
    self_resolved: selfResolved ? 1 : 0,
    dispatch_due_at: iso(story.dispatchDueAt),
    reply_due_at: iso(story.replyDueAt),
    dispatched_at: at(lastEvent(ev, 'dispatched')),
    // The first time someone took it on: accepting, answering on the spot, or answering.
    responded_at: at(ev.find((e) => e.action === 'accepted' || e.action === 'self_resolved' || e.action === 'replied')),
    replied_at: at(lastEvent(ev, 'replied', 'self_resolved')),
    rated_at: at(rated),
    closed_at: story.status === 'closed' ? at(lastEvent(ev, 'closed', 'self_resolved')) : null,
    reply_text: lastEvent(ev, 'replied', 'self_resolved') ? (r.replyText ?? null) : null,
    rating: rated?.rating ?? null,
    resolved: rated ? (rated.resolved ? 1 : 0) : null,
    rating_comment: rated?.rating === 'dissatisfied' ? (r.ratingComment ?? null) : null,
    objection_count: ev.filter((e) => e.to === 'objection' && e.from !== 'objection').length,
    escalation_level: story.escalationLevel,
    reminded_at: story.remindedAt === null ? null : iso(story.remindedAt),
    open311_client_id: null,
    created_at: iso(created),
    updated_at: iso(ev[ev.length - 1]!.at),
  };
}

/** Readable numbers GZ-2026-000123 in order of arrival, one sequence per local (UTC+8) year, as intake counts. */
export class Numbering {
  private readonly last = new Map<string, number>();

  next(createdMs: number): string {
    const year = new Date(createdMs + 8 * 3_600_000).toISOString().slice(0, 4);
    const n = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, n);
    return formatNumber(year, n);
  }

  /** The counter rows, so intake goes on from the generated numbers. */
  counters(): Insertable<RequestCountersTable>[] {
    return [...this.last].map(([year, last]) => ({ key: `GZ-${year}`, last }));
  }
}

/** A batch of generated requests with (for the demo) their timelines and assignments. */
export interface HistoryBatch {
  requests: RequestsTable[];
  steps?: Insertable<RequestStepsTable>[];
  assignments?: Insertable<RequestAssignmentsTable>[];
}

/**
 * Write a batch inside the caller's transaction, requests before what refers to them, as multi-row inserts
 * (`sqlite`: the raw connection on SQLite, for the fast path). The triggers on `requests` add each request's
 * search row (SQLite) and daily-rollup counts; a bulk load that drops them writes those itself.
 */
export async function writeHistory(trx: Db, batch: HistoryBatch, sqlite: SqliteDatabase.Database | null): Promise<void> {
  await insertMany(trx, 'requests', batch.requests, sqlite);
  await insertMany(trx, 'request_steps', batch.steps ?? [], sqlite);
  await insertMany(trx, 'request_assignments', batch.assignments ?? [], sqlite);
}

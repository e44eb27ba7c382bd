import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { requestRow } from '../../test/request-row.js';

/** Test factory: categories and request rows written straight to the tables, with every analysis column set. */

let counter = 0;

/** Two categories for a community: 维修 (repair) and 噪音 (noise). */
export async function seedCategories(db: Db, communityId: string, now: string) {
  const make = (code: string, zh: string, en: string) => ({
    id: newId(),
    community_id: communityId,
    code,
    name_zh: zh,
    name_en: en,
    description: null,
    urgency: 'general',
    sort_order: 0,
    retired_at: null,
    created_at: now,
    updated_at: now,
  });
  const repair = make('repair', '维修', 'Repairs');
  const noise = make('noise', '噪音', 'Noise');
  await db.insertInto('request_categories').values([repair, noise]).execute();
  return { repair: repair.id, noise: noise.id };
}

export interface RequestSpec {
  communityId: string;
  /** The place (its path is looked up; the grid is the path's third segment). */
  place: { id: string };
  createdAt: string;
  status?: string;
  categoryId?: string | null;
  channel?: string;
  urgency?: string;
  title?: string;
  tokens?: string;
  /** Minutes after creation; default one hour for both. */
  dispatchDueMinutes?: number;
  replyDueMinutes?: number;
  /** Minutes after creation, or null (never). */
  respondedAfter?: number | null;
  repliedAfter?: number | null;
  closedAfter?: number | null;
  rating?: string | null;
  resolved?: number | null;
  selfResolved?: boolean;
}

const plus = (iso: string, minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : new Date(Date.parse(iso) + minutes * 60_000).toISOString());

/** Insert one request (and its FTS row on SQLite); returns its id and number. */
export async function insertRequest(db: Db, s: RequestSpec, dialect: 'sqlite' | 'postgres'): Promise<{ id: string; number: string }> {
  counter++;
  const id = newId();
  const number = `GZ-2026-${String(900_000 + counter).padStart(6, '0')}`;
  const { path } = await db.selectFrom('places').select('path').where('id', '=', s.place.id).executeTakeFirstOrThrow();
  const segs = path.split('/').filter(Boolean);
  const tokens = s.tokens ?? '测试 诉求';
  const row = requestRow(
    { id, number, community_id: s.communityId, place_path: path, title: s.title ?? `诉求 ${counter}`, text: tokens.replace(/ /g, ''), tokens, created_at: s.createdAt },
    {
      place_id: s.place.id,
      grid_id: segs[2] ?? null,
      contact_name: '不应导出的姓名',
      phone_tail: '5678',
      channel: s.channel ?? 'app',
      urgency: s.urgency ?? 'general',
      category_id: s.categoryId ?? null,
      category_source: s.categoryId ? 'staff' : null,
      status: s.status ?? 'received',
      self_resolved: s.selfResolved ? 1 : 0,
      dispatch_due_at: plus(s.createdAt, s.dispatchDueMinutes ?? 60)!,
      reply_due_at: plus(s.createdAt, s.replyDueMinutes ?? 60)!,
      responded_at: plus(s.createdAt, s.respondedAfter),
      replied_at: plus(s.createdAt, s.repliedAfter),
      rated_at: s.rating ? plus(s.createdAt, (s.repliedAfter ?? 0) + 1) : null,
      closed_at: plus(s.createdAt, s.closedAfter),
      rating: s.rating ?? null,
      resolved: s.resolved ?? null,
    },
  );

  await db.insertInto('requests').values(row).execute();
  return { id, number };
}

/** A lead assignment to a user, active. */
export async function assignLead(db: Db, requestId: string, communityId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('request_assignments')
    .values({ id: newId(), request_id: requestId, community_id: communityId, assignee_kind: 'user', user_id: userId, organisation_id: null, is_lead: 1, status: 'active', assigned_by: userId, assigned_at: at, accepted_at: at, finished_at: null, note: null })
    .execute();
}

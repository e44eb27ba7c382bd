import { domainEventPayloads, type DomainEventPayload, type DomainEventType } from '@gongzhi/shared';
import type { Db } from '../db/database.js';
import { newId } from './ids.js';

/**
 * Domain events: a module states a fact in its own transaction (`emitEvent`); another module reads the events
 * after its cursor (`readEvents`) and moves the cursor in the transaction that acts on them (`advanceCursor`),
 * so every event is handled once even across restarts. The payload is checked against its schema on both sides.
 */
export interface EmitEvent<T extends DomainEventType> {
  type: T;
  communityId: string;
  subjectKind: string;
  subjectId: string;
  payload: DomainEventPayload<T>;
  actorUserId: string | null;
  at: string;
}

export async function emitEvent<T extends DomainEventType>(trx: Db, e: EmitEvent<T>): Promise<string> {
  const payload = domainEventPayloads[e.type].parse(e.payload);
  const id = newId();
  await trx
    .insertInto('domain_events')
    .values({
      id,
      type: e.type,
      community_id: e.communityId,
      subject_kind: e.subjectKind,
      subject_id: e.subjectId,
      payload: JSON.stringify(payload),
      actor_user_id: e.actorUserId,
      occurred_at: e.at,
    })
    .execute();
  return id;
}

export interface DomainEvent<T extends DomainEventType> {
  id: string;
  type: T;
  communityId: string;
  subjectKind: string;
  subjectId: string;
  payload: DomainEventPayload<T>;
  actorUserId: string | null;
  occurredAt: string;
}

/** Events of one type after the consumer's cursor, oldest first. */
export async function readEvents<T extends DomainEventType>(db: Db, consumer: string, type: T, limit = 100): Promise<DomainEvent<T>[]> {
  const cursor = await db.selectFrom('event_cursors').select('last_event_id').where('consumer', '=', consumer).executeTakeFirst();
  let q = db.selectFrom('domain_events').selectAll().where('type', '=', type);
  if (cursor) q = q.where('id', '>', cursor.last_event_id);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    type,
    communityId: r.community_id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    payload: domainEventPayloads[type].parse(JSON.parse(r.payload)) as DomainEventPayload<T>,
    actorUserId: r.actor_user_id,
    occurredAt: r.occurred_at,
  }));
}

/** Record that the consumer has handled everything up to `eventId`; call in the transaction that handled it. */
export async function advanceCursor(trx: Db, consumer: string, eventId: string, at: string): Promise<void> {
  const updated = await trx.updateTable('event_cursors').set({ last_event_id: eventId, updated_at: at }).where('consumer', '=', consumer).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('event_cursors').values({ consumer, last_event_id: eventId, updated_at: at }).execute();
}

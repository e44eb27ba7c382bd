import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { ConsultationMeetingsTable, Db, MeetingAttendeesTable, MeetingOpinionsTable } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for consultation meetings, their attendees and opinions (Kysely only). */

export type MeetingRow = ConsultationMeetingsTable & { host_name: string | null; attendee_count: number; opinion_count: number; converted_count: number };

function selectMeetings(db: Db) {
  return db
    .selectFrom('consultation_meetings as m')
    .leftJoin('users as u', 'u.id', 'm.host_user_id')
    .selectAll('m')
    .select('u.display_name as host_name')
    .select((eb) => [
      eb.selectFrom('meeting_attendees as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.meeting_id', '=', 'm.id').as('attendee_count'),
      eb.selectFrom('meeting_opinions as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.meeting_id', '=', 'm.id').as('opinion_count'),
      eb.selectFrom('meeting_opinions as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.meeting_id', '=', 'm.id').where('o.request_id', 'is not', null).as('converted_count'),
    ]);
}

type Raw = Omit<MeetingRow, 'attendee_count' | 'opinion_count' | 'converted_count'> & { attendee_count: unknown; opinion_count: unknown; converted_count: unknown };
const normalise = (r: Raw): MeetingRow => ({
  ...r,
  attendee_count: Number(r.attendee_count ?? 0),
  opinion_count: Number(r.opinion_count ?? 0),
  converted_count: Number(r.converted_count ?? 0),
});

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  const r = await selectMeetings(db).where('m.id', '=', id).executeTakeFirst();
  return r && normalise(r);
}

export interface MeetingFilter {
  prefixes: string[];
  kind?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function filterOf(f: MeetingFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [pathInRange('m.place_path', f.prefixes)];
  if (f.kind) parts.push(sql<SqlBool>`${sql.ref('m.kind')} = ${f.kind}`);
  if (f.from) parts.push(sql<SqlBool>`${sql.ref('m.held_at')} >= ${f.from}`);
  if (f.to) parts.push(sql<SqlBool>`${sql.ref('m.held_at')} < ${f.to}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** A page of meetings, latest first, with the total. */
export async function listMeetings(db: Db, f: MeetingFilter): Promise<{ rows: MeetingRow[]; total: number }> {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const [rows, total] = await Promise.all([
    selectMeetings(db).where(filterOf(f)).orderBy('m.held_at', 'desc').orderBy('m.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    db.selectFrom('consultation_meetings as m').select((eb) => eb.fn.countAll<number>().as('n')).where(filterOf(f)).executeTakeFirst(),
  ]);
  return { rows: rows.map(normalise), total: Number(total?.n ?? 0) };
}

export async function insertMeeting(db: Db, row: Insertable<ConsultationMeetingsTable>): Promise<void> {
  await db.insertInto('consultation_meetings').values(row).execute();
}

export async function updateMeeting(db: Db, id: string, patch: Updateable<ConsultationMeetingsTable>): Promise<void> {
  await db.updateTable('consultation_meetings').set(patch).where('id', '=', id).execute();
}

/** Chunked: a large courtyard meeting may list hundreds of people. */
export async function insertAttendees(db: Db, rows: Insertable<MeetingAttendeesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('meeting_attendees').values(rows.slice(i, i + 200)).execute();
}

export async function deleteAttendees(db: Db, meetingId: string): Promise<void> {
  await db.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
}

export function attendeesOf(db: Db, meetingId: string) {
  return db.selectFrom('meeting_attendees').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute();
}

export async function insertOpinions(db: Db, rows: Insertable<MeetingOpinionsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('meeting_opinions').values(rows.slice(i, i + 200)).execute();
}

/** A meeting's opinions in the order they were heard, with the request number of those that became one. */
export function opinionsOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_opinions as o')
    .leftJoin('requests as r', 'r.id', 'o.request_id')
    .selectAll('o')
    .select('r.number as request_number')
    .where('o.meeting_id', '=', meetingId)
    .orderBy('o.id')
    .execute();
}

export function findOpinion(db: Db, meetingId: string, opinionId: string) {
  return db.selectFrom('meeting_opinions').selectAll().where('id', '=', opinionId).where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** Link an opinion to its request, once: false when another conversion won. */
export async function linkOpinionRequest(db: Db, id: string, requestId: string): Promise<boolean> {
  const r = await db.updateTable('meeting_opinions').set({ request_id: requestId }).where('id', '=', id).where('request_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

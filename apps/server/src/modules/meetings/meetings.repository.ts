import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DeliberationMeetingAgendaTable, DeliberationMeetingsTable, MeetingRulesTable } from '../../db/meeting-tables.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for deliberation meetings, their agenda and the per-community rules (Kysely only). */

export type MeetingRow = Selectable<DeliberationMeetingsTable> & { community_name: string; community_path: string };

function selectMeetings(db: Db) {
  return db
    .selectFrom('deliberation_meetings as m')
    .innerJoin('places as c', 'c.id', 'm.community_id')
    .selectAll('m')
    .select(['c.name as community_name', 'c.path as community_path']);
}

export function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  return selectMeetings(db).where('m.id', '=', id).executeTakeFirst();
}

export interface MeetingFilter {
  prefixes: string[];
  communityId?: string;
  kind?: string;
  status?: string;
  /** Drafts show only under these prefixes (where the actor runs meetings). */
  draftPrefixes: string[];
  limit: number;
  offset: number;
}

function filtered(db: Db, f: MeetingFilter) {
  let q = selectMeetings(db).where(pathInRange('c.path', f.prefixes));
  if (f.communityId) q = q.where('m.community_id', '=', f.communityId);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.status) q = q.where('m.status', '=', f.status);
  q = q.where((eb) => eb.or([eb('m.status', '!=', 'draft'), pathInRange('c.path', f.draftPrefixes)]));
  return q;
}

/** A page of meetings, latest first, with invitee and present counts. */
export async function listMeetings(db: Db, f: MeetingFilter) {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .select((eb) => [
        eb.selectFrom('deliberation_meeting_invitees as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.meeting_id', '=', 'm.id').as('invitee_count'),
        eb
          .selectFrom('deliberation_meeting_invitees as i')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('i.meeting_id', '=', 'm.id')
          .where('i.signed_in_at', 'is not', null)
          .where('i.eligible', '=', 1)
          .as('present_count'),
      ])
      .orderBy('m.starts_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, invitee_count: Number(r.invitee_count ?? 0), present_count: Number(r.present_count ?? 0) })),
    total: Number(total?.n ?? 0),
  };
}

export async function insertMeeting(db: Db, row: Insertable<DeliberationMeetingsTable>): Promise<void> {
  await db.insertInto('deliberation_meetings').values(row).execute();
}

export async function updateMeeting(db: Db, id: string, patch: Updateable<DeliberationMeetingsTable>): Promise<void> {
  await db.updateTable('deliberation_meetings').set(patch).where('id', '=', id).execute();
}

/** Move a meeting on only from the status it was read in, so two clicks cannot both succeed. */
export async function moveStatus(db: Db, id: string, from: string, patch: Updateable<DeliberationMeetingsTable>): Promise<boolean> {
  const r = await db.updateTable('deliberation_meetings').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function agendaOf(db: Db, meetingId: string) {
  return db.selectFrom('deliberation_meeting_agenda').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}

export async function replaceAgenda(db: Db, meetingId: string, rows: Insertable<DeliberationMeetingAgendaTable>[]): Promise<void> {
  await db.deleteFrom('deliberation_meeting_agenda').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('deliberation_meeting_agenda').values(rows).execute();
}

export function rulesOf(db: Db, communityId: string) {
  return db.selectFrom('meeting_rules').selectAll().where('community_id', '=', communityId).execute();
}

export async function upsertRule(db: Db, row: Insertable<MeetingRulesTable>): Promise<void> {
  await db
    .insertInto('meeting_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'kind']).doUpdateSet({
        quorum_num: row.quorum_num,
        quorum_den: row.quorum_den,
        majority_num: row.majority_num,
        majority_den: row.majority_den,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** A community place by id (null when the id names something else). */
export function findCommunity(db: Db, id: string) {
  return db.selectFrom('places').select(['id', 'path', 'name']).where('id', '=', id).where('kind', '=', 'community').where('retired_at', 'is', null).executeTakeFirst();
}

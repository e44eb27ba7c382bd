import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DeliberationMotionsTable, DeliberationSpeechesTable } from '../../db/meeting-tables.js';

/** The speaking queue, motions and named votes of a meeting (Kysely only). */

export type SpeechRow = Selectable<DeliberationSpeechesTable>;
export type MotionRow = Selectable<DeliberationMotionsTable>;

export function speechesOf(db: Db, meetingId: string): Promise<SpeechRow[]> {
  return db.selectFrom('deliberation_speeches').selectAll().where('meeting_id', '=', meetingId).orderBy('queued_at').orderBy('id').execute();
}

export function findSpeech(db: Db, meetingId: string, id: string): Promise<SpeechRow | undefined> {
  return db.selectFrom('deliberation_speeches').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
}

export async function insertSpeech(db: Db, row: Insertable<DeliberationSpeechesTable>): Promise<void> {
  await db.insertInto('deliberation_speeches').values(row).execute();
}

/** Move a speech on only from the status it was read in. */
export async function moveSpeech(db: Db, id: string, from: string, patch: Updateable<DeliberationSpeechesTable>): Promise<boolean> {
  const r = await db.updateTable('deliberation_speeches').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Turns a speaker has taken or is taking. */
export async function turnsTaken(db: Db, meetingId: string, speakerKey: string): Promise<number> {
  const r = await db
    .selectFrom('deliberation_speeches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('speaker_key', '=', speakerKey)
    .where('status', 'in', ['speaking', 'done'])
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function someoneSpeaking(db: Db, meetingId: string): Promise<boolean> {
  const r = await db.selectFrom('deliberation_speeches').select('id').where('meeting_id', '=', meetingId).where('status', '=', 'speaking').executeTakeFirst();
  return r !== undefined;
}

export function motionsOf(db: Db, meetingId: string) {
  return db
    .selectFrom('deliberation_motions as m')
    .selectAll('m')
    .select((eb) => eb.selectFrom('deliberation_motion_votes as v').select(eb.fn.countAll<number>().as('n')).whereRef('v.motion_id', '=', 'm.id').as('votes_recorded'))
    .where('m.meeting_id', '=', meetingId)
    .orderBy('m.position')
    .execute();
}

export function findMotion(db: Db, meetingId: string, id: string): Promise<MotionRow | undefined> {
  return db.selectFrom('deliberation_motions').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
}

/** Whether some meeting has a motion on this subject still being voted on. */
export async function subjectHasVotingMotion(db: Db, kind: string, subjectId: string): Promise<boolean> {
  const r = await db
    .selectFrom('deliberation_motions')
    .select('id')
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'voting')
    .executeTakeFirst();
  return r !== undefined;
}

export async function nextMotionPosition(db: Db, meetingId: string): Promise<number> {
  const r = await db.selectFrom('deliberation_motions').select((eb) => eb.fn.max<number>('position').as('p')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

export async function insertMotion(db: Db, row: Insertable<DeliberationMotionsTable>): Promise<void> {
  await db.insertInto('deliberation_motions').values(row).execute();
}

/** Record the result once: false when another close won. */
export async function decideMotion(db: Db, id: string, patch: Updateable<DeliberationMotionsTable>): Promise<boolean> {
  const r = await db.updateTable('deliberation_motions').set(patch).where('id', '=', id).where('status', '=', 'voting').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replace the choices of the given invitees (a correction before the vote closes). */
export async function putVotes(db: Db, motionId: string, rows: { id: string; invitee_id: string; choice: string; recorded_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await db.deleteFrom('deliberation_motion_votes').where('motion_id', '=', motionId).where('invitee_id', 'in', chunk.map((r) => r.invitee_id)).execute();
    await db.insertInto('deliberation_motion_votes').values(chunk.map((r) => ({ ...r, motion_id: motionId }))).execute();
  }
}

/** Named-ballot counts, only from invitees still present and eligible at the close. */
export async function namedCounts(db: Db, motionId: string) {
  const rows = await db
    .selectFrom('deliberation_motion_votes as v')
    .innerJoin('deliberation_meeting_invitees as i', 'i.id', 'v.invitee_id')
    .select(['v.choice', (eb) => eb.fn.countAll<number>().as('n')])
    .where('v.motion_id', '=', motionId)
    .where('i.signed_in_at', 'is not', null)
    .where('i.eligible', '=', 1)
    .groupBy('v.choice')
    .execute();
  const n = (c: string) => Number(rows.find((r) => r.choice === c)?.n ?? 0);
  return { forCount: n('for'), againstCount: n('against'), abstainCount: n('abstain') };
}

/** Present, eligible invitees among `ids` (named votes may only be recorded for them). */
export async function presentAmong(db: Db, meetingId: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('deliberation_meeting_invitees')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('id', 'in', ids.slice(i, i + 500))
      .where('signed_in_at', 'is not', null)
      .where('eligible', '=', 1)
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

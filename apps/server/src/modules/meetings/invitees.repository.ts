import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DeliberationMeetingInviteesTable } from '../../db/meeting-tables.js';

/** The invitee snapshot of a meeting, and the register rows it is drawn from (Kysely only). */

export type InviteeRow = Selectable<DeliberationMeetingInviteesTable>;
export type NewInvitee = Omit<Insertable<DeliberationMeetingInviteesTable>, 'id' | 'meeting_id' | 'created_at' | 'eligible'> & { eligible: number };

/** Every active household with its householder (the household representative), for a residents' meeting. */
export function householdsOf(db: Db, communityId: string) {
  return db
    .selectFrom('households as h')
    .innerJoin('places as d', 'd.id', 'h.dwelling_id')
    .leftJoin('residents as r', (j) => j.onRef('r.id', '=', 'h.householder_id').on('r.status', '=', 'living'))
    .select(['h.id as household_id', 'd.name as dwelling_name', 'r.id as resident_id', 'r.name', 'r.gender', 'r.user_id'])
    .where('h.community_id', '=', communityId)
    .where('h.status', '=', 'active')
    .orderBy('h.place_path')
    .execute();
}

/** Living residents born on or before `bornBy` (or of unknown birth date: the register decides, not a guess). */
export function adultsOf(db: Db, communityId: string, bornBy: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'gender', 'household_id', 'user_id'])
    .where('community_id', '=', communityId)
    .where('status', '=', 'living')
    .where((eb) => eb.or([eb('birth_date', 'is', null), eb('birth_date', '<=', bornBy)]))
    .orderBy('place_path')
    .orderBy('id')
    .execute();
}

/** Current posts of the community: all of a role, or the ones named. */
export function postsOf(db: Db, communityId: string, f: { role?: string; ids?: string[] }) {
  let q = db
    .selectFrom('memberships as m')
    .leftJoin('residents as r', 'r.id', 'm.resident_id')
    .select(['m.id', 'm.person_name', 'm.person_unit', 'm.resident_id', 'm.user_id', 'm.role', 'r.gender', 'r.household_id', 'r.user_id as resident_user_id'])
    .where('m.community_id', '=', communityId)
    .where('m.ended_at', 'is', null);
  if (f.role) q = q.where('m.role', '=', f.role);
  if (f.ids) q = f.ids.length ? q.where('m.id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('m.created_at').execute();
}

export function organisationsOf(db: Db, communityId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisations').select(['id', 'name']).where('community_id', '=', communityId).where('retired_at', 'is', null).where('id', 'in', ids).execute();
}

export function residentOf(db: Db, communityId: string, id: string) {
  return db.selectFrom('residents').select(['id', 'name', 'gender', 'household_id', 'user_id']).where('id', '=', id).where('community_id', '=', communityId).where('status', '=', 'living').executeTakeFirst();
}

/** Chunked: a residents' meeting may invite thousands of households. */
export async function insertInvitees(db: Db, rows: Insertable<DeliberationMeetingInviteesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('deliberation_meeting_invitees').values(rows.slice(i, i + 200)).execute();
}

export async function deleteInvitee(db: Db, meetingId: string, id: string): Promise<void> {
  await db.deleteFrom('deliberation_meeting_invitees').where('meeting_id', '=', meetingId).where('id', '=', id).execute();
}

export function findInvitee(db: Db, meetingId: string, id: string): Promise<InviteeRow | undefined> {
  return db.selectFrom('deliberation_meeting_invitees').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
}

/** Whether the same register row is already on the list; on a households basis, whether the household is. */
export async function alreadyInvited(
  db: Db,
  meetingId: string,
  link: { source: string; resident_id?: string | null; membership_id?: string | null; organisation_id?: string | null; household_id?: string | null },
): Promise<boolean> {
  const parts = (['resident_id', 'membership_id', 'organisation_id'] as const).filter((k) => link[k]);
  const household = link.source === 'household' && link.household_id ? link.household_id : null;
  if (parts.length === 0 && !household) return false;
  const row = await db
    .selectFrom('deliberation_meeting_invitees')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where((eb) =>
      eb.or([
        ...parts.map((k) => eb(k, '=', link[k]!)),
        ...(household ? [eb.and([eb('source', '=', 'household'), eb('household_id', '=', household)])] : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function listInvitees(db: Db, meetingId: string, f: { q?: string; present?: 'yes' | 'no'; eligible?: 'yes' | 'no'; limit: number; offset: number }) {
  let q = db.selectFrom('deliberation_meeting_invitees').where('meeting_id', '=', meetingId);
  if (f.q) {
    // The typed text is matched literally: % and _ are escaped, the same on both databases.
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(${sql.ref('name')} like ${pattern} escape '\\' or ${sql.ref('unit')} like ${pattern} escape '\\')`);
  }
  if (f.present === 'yes') q = q.where('signed_in_at', 'is not', null);
  if (f.present === 'no') q = q.where('signed_in_at', 'is', null);
  if (f.eligible) q = q.where('eligible', '=', f.eligible === 'yes' ? 1 : 0);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The invitee rows a signed-in person may answer for: their resident record, household, posts or organisation. */
export function inviteesMatching(db: Db, meetingId: string, who: { userId: string; residentId: string | null; householdId: string | null; organisationId: string | null }) {
  return db
    .selectFrom('deliberation_meeting_invitees')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where((eb) =>
      eb.or([
        eb('user_id', '=', who.userId),
        ...(who.residentId ? [eb('resident_id', '=', who.residentId)] : []),
        ...(who.householdId ? [eb('household_id', '=', who.householdId)] : []),
        ...(who.organisationId ? [eb('organisation_id', '=', who.organisationId)] : []),
      ]),
    )
    .execute();
}

export interface SignIn {
  signed_in_at: string | null;
  sign_in_method: string | null;
  signed_in_by: string | null;
  proxy_name: string | null;
  proxy_gender: string | null;
}

export async function setSignIn(db: Db, id: string, s: SignIn): Promise<void> {
  await db.updateTable('deliberation_meeting_invitees').set(s).where('id', '=', id).execute();
}

/** Live figures: eligible invitees, those present, women present (a proxy's gender when one came), guests. */
export async function attendanceCounts(db: Db, meetingId: string) {
  const r = await db
    .selectFrom('deliberation_meeting_invitees')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('eligible', '=', 1).then(1).else(0).end()).as('eligible'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('eligible', '=', 1), eb('signed_in_at', 'is not', null)])).then(1).else(0).end()).as('present'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('eligible', '=', 1),
                eb('signed_in_at', 'is not', null),
                eb.or([eb.and([eb('proxy_name', 'is', null), eb('gender', '=', 'female')]), eb.and([eb('proxy_name', 'is not', null), eb('proxy_gender', '=', 'female')])]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('women'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('eligible', '=', 0), eb('signed_in_at', 'is not', null)])).then(1).else(0).end()).as('guests'),
    ])
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return { total: Number(r?.total ?? 0), eligible: Number(r?.eligible ?? 0), present: Number(r?.present ?? 0), womenPresent: Number(r?.women ?? 0), guestsPresent: Number(r?.guests ?? 0) };
}

/** Accounts to notify when the notice is published: invitees linked to a user. */
export async function inviteeUsers(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db.selectFrom('deliberation_meeting_invitees').select('user_id').distinct().where('meeting_id', '=', meetingId).where('user_id', 'is not', null).execute();
  return rows.map((r) => r.user_id!);
}

/** Meetings (not drafts) in which a person has an invitee row, latest first. */
export function meetingsInvitingUser(db: Db, who: { userId: string; residentIds: string[]; householdIds: string[] }) {
  return db
    .selectFrom('deliberation_meeting_invitees as i')
    .innerJoin('deliberation_meetings as m', 'm.id', 'i.meeting_id')
    .select(['m.id', 'i.id as invitee_id'])
    .where('m.status', '!=', 'draft')
    .where((eb) =>
      eb.or([
        eb('i.user_id', '=', who.userId),
        ...(who.residentIds.length ? [eb('i.resident_id', 'in', who.residentIds)] : []),
        ...(who.householdIds.length ? [eb('i.household_id', 'in', who.householdIds)] : []),
      ]),
    )
    .orderBy('m.starts_at', 'desc')
    .limit(50)
    .execute();
}

/** The living resident records an account is linked to (a person may be registered in one community only, but the register does not forbid more). */
export function residentsOfUser(db: Db, userId: string) {
  return db.selectFrom('residents').select(['id', 'household_id']).where('user_id', '=', userId).where('status', '=', 'living').execute();
}

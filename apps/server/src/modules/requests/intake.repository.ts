import type { Db } from '../../db/database.js';
import { fixedText, runFixed } from './fixed-sql.repository.js';

/** The few lookups intake makes before it writes; each is one indexed row (the hot ones as fixed texts). */

export interface IntakePlace {
  id: string;
  kind: string;
  path: string;
  community_id: string | null;
  retired_at: string | null;
}

export async function placeForIntake(db: Db, id: string): Promise<IntakePlace | undefined> {
  const t = fixedText(db, 'place', (p) => `select id, kind, path, community_id, retired_at from places where id = ${p(0)}`);
  return (await runFixed<IntakePlace>(db, t, [id]))[0];
}

const residentColumns = ['id', 'community_id', 'household_id', 'place_path', 'status', 'user_id', 'name'] as const;

export function residentForIntake(db: Db, id: string) {
  return db.selectFrom('residents').select(residentColumns).where('id', '=', id).executeTakeFirst();
}
export type IntakeResident = NonNullable<Awaited<ReturnType<typeof residentForIntake>>>;

/** The register record linked to an account in a community (a living one first). */
export function linkedResident(db: Db, userId: string, communityId: string | null) {
  let q = db.selectFrom('residents').select(residentColumns).where('user_id', '=', userId);
  if (communityId) q = q.where('community_id', '=', communityId);
  return q
    .orderBy((eb) => eb.case().when('status', '=', 'living').then(0).else(1).end())
    .orderBy('id')
    .executeTakeFirst();
}

export interface IntakeCategory {
  id: string;
  community_id: string;
  urgency: string;
  name_zh: string;
  name_en: string;
  retired_at: string | null;
}

export async function categoryForIntake(db: Db, id: string): Promise<IntakeCategory | undefined> {
  const t = fixedText(db, 'category', (p) => `select id, community_id, urgency, name_zh, name_en, retired_at from request_categories where id = ${p(0)}`);
  return (await runFixed<IntakeCategory>(db, t, [id]))[0];
}

export async function open311ClientCommunity(db: Db, clientId: string): Promise<string | null> {
  const r = await db.selectFrom('open311_clients').select('community_id').where('id', '=', clientId).executeTakeFirst();
  return r?.community_id ?? null;
}

import { defaultCovenantPermissions } from '@gongzhi/shared';
import { iso } from '../../../lib/clock.js';
import { newId } from '../../../lib/ids.js';
import { sessionFor } from '../../../test/fixtures.js';
import { as as requestsAs, multipart, png } from '../../requests/test/factories.js';
import { createUser } from '../../users/users.service.js';
import { visitsWorld, type T } from '../../visits/test/world.js';

/**
 * The pledges' test world: the visits' households (G1 building 1: 101, 102, 103 and a moved-out 104; G1 building
 * 2: 201; G2: 101, 102; B: 101), the resident account linked to 张一 (householder of G1 101), an account holding
 * the resident role without a register record (unverified), and a covenant inserted row by row (the covenant core
 * module writes these in production; setting state directly keeps these tests independent of it).
 */

export type { T };
export { errCode, ok } from '../../visits/test/world.js';
export { multipart, png };

export async function pledgesWorld(t: T) {
  const v = await visitsWorld(t);
  const w = t.world;
  await t.deps.db.updateTable('residents').set({ user_id: w.users.resident }).where('id', '=', v.h.g1a.residentId).execute();
  const { user: stranger } = await createUser(t.deps, null, { displayName: '未认证', username: 'unverified', password: 'Passw0rd-test', roles: [{ role: 'resident', placeId: w.a.id }] });
  const upload = async (userId: string) => requestsAs(t, await sessionFor(t.app, userId)).upload;
  return {
    ...v,
    unverified: requestsAs(t, await sessionFor(t.app, stranger.id)),
    uploadAsLeader: await upload(w.users.building_leader),
    uploadAsAdmin: await upload(w.users.community_admin),
  };
}
export type PW = Awaited<ReturnType<typeof pledgesWorld>>;

export interface CovenantSetup {
  communityId: string;
  title?: string;
  phase?: string;
  published?: boolean;
  /** Article bodies; chapters of ten articles each. */
  articles?: string[];
  filingReference?: string;
}

export const sampleArticles = [
  '居民应当爱护公共环境，垃圾分类投放，不乱扔杂物。',
  '邻里之间互相尊重、互相帮助，遇事协商解决。',
  '文明饲养宠物，出门牵绳，及时清理宠物粪便。',
  '车辆有序停放，不占用消防通道和盲道。',
  '尊老爱幼，关心帮助困难家庭和独居老人。',
];

/** A covenant with an adopted version, its phases' permissions, an adopting vote and (optionally) publication. */
export async function insertCovenant(t: T, s: CovenantSetup): Promise<{ id: string; versionId: string }> {
  const db = t.deps.db;
  const now = iso(t.clock.now());
  const id = newId();
  const versionId = newId();
  const staff = t.world.users.community_admin;
  const articles = s.articles ?? sampleArticles;
  await db
    .insertInto('covenants')
    .values({
      id,
      community_id: s.communityId,
      title: s.title ?? '甲社区居民公约',
      phase: s.phase ?? 'pledging',
      current_version_id: versionId,
      adopted_version_id: versionId,
      filed_on: '2026-11-10',
      filing_reference: s.filingReference ?? '街民备〔2026〕12号',
      filed_by: t.world.users.subdistrict_admin,
      published_at: s.published === false ? null : now,
      published_by: s.published === false ? null : staff,
      created_by: staff,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('covenant_versions')
    .values({ id: versionId, covenant_id: id, number: 3, kind: 'final', markdown: articles.map((a, i) => `第${i + 1}条 ${a}`).join('\n'), changelog: '定稿', created_by: staff, created_at: now })
    .execute();
  await db
    .insertInto('covenant_articles')
    .values(
      articles.map((body, i) => ({
        id: newId(),
        covenant_id: id,
        version_id: versionId,
        position: i + 1,
        chapter_number: Math.floor(i / 10) + 1,
        chapter_title: i < 10 ? '总则' : `第${Math.floor(i / 10) + 1}部分`,
        number: i + 1,
        body,
      })),
    )
    .execute();
  await db
    .insertInto('covenant_phases')
    .values(Object.entries(defaultCovenantPermissions).map(([phase, permissions]) => ({ covenant_id: id, phase, planned_start_on: null, planned_end_on: null, started_at: null, ended_at: null, permissions: JSON.stringify(permissions) })))
    .execute();
  await db
    .insertInto('covenant_votes')
    .values({
      id: newId(),
      covenant_id: id,
      version_id: versionId,
      meeting_id: newId(),
      motion_id: newId(),
      meeting_kind: 'representative_assembly',
      result: 'adopted',
      eligible: 45,
      present: 38,
      women_present: 17,
      for_count: 35,
      against_count: 1,
      abstain_count: 2,
      decided_at: '2026-11-05T02:00:00.000Z',
    })
    .execute();
  return { id, versionId };
}

export const setPhase = (t: T, id: string, phase: string) => t.deps.db.updateTable('covenants').set({ phase }).where('id', '=', id).execute();

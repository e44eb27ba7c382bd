/// <reference types="node" />
import type { ElectionDetail, Me, VoterView } from '@gongzhi/shared';
import { send, type StaffApi } from './covenant-resident-steps.js';
import { staffApi } from './covenant-steps.js';
import { DEMO_PASSWORD, getJson, type Harness } from './harness.js';

/**
 * The election spec's world, set up over the API: a new community (so the register holds exactly the people
 * below) with two buildings of five flats, ten households of three adults (30 voters), an office account and a
 * teller account, two claimed resident accounts in the first household (its representative and a member), and
 * a household-mode election moved up to voting, with candidates and one written proxy.
 */

const surnames = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈'];
const members = [
  ['建国', 'householder', '1958-03-01'],
  ['秀英', 'spouse', '1961-07-15'],
  ['晓东', 'child', '1990-11-02'],
] as const;
export const nameOf = (household: number, member: number) => `${surnames[household]}${members[member]![0]}`;

/** `YYYY-MM-DD` of China Standard Time, `days` from now. */
const cstDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export interface ElectionWorld {
  electionId: string;
  communityId: string;
  /** Voter ids by name. */
  voters: Record<string, string>;
  candidates: Record<string, string>;
  closesAt: number;
  admin: StaffApi & { close: () => Promise<void> };
}

export async function electionWorld(h: Harness, votingSeconds: number): Promise<ElectionWorld> {
  const jiedao = await staffApi(h, 'jiedao');
  const me = await getJson<Me>(jiedao.api, '/api/v1/me');
  const subdistrictId = me.roles.find((r) => r.placeKind === 'subdistrict')!.placeId;
  const place = (kind: string, name: string, parentId: string) => send<{ id: string }>(jiedao, 'POST', '/api/v1/places', { kind, name, parentId });
  const community = await place('community', '选举示范社区', subdistrictId);
  const grid = await place('grid', '示范网格', community.id);
  const estate = await place('estate', '示范小区', grid.id);
  const dwellings: string[] = [];
  for (const b of [1, 2]) {
    const building = await place('building', `${b}栋`, estate.id);
    const entrance = await place('entrance', '1单元', building.id);
    for (let f = 1; f <= 5; f++) dwellings.push((await place('dwelling', `${f}01室`, entrance.id)).id);
  }
  for (const [username, role] of [
    ['xj-admin', 'community_admin'],
    ['xj-teller', 'community_staff'],
  ] as const) {
    await send(jiedao, 'POST', '/api/v1/users', { displayName: username === 'xj-admin' ? '选举办公室' : '计票员小林', username, password: DEMO_PASSWORD, roles: [{ role, placeId: community.id }] });
  }
  await jiedao.close();

  const admin = await staffApi(h, 'xj-admin');
  const residentIds: string[][] = [];
  for (const [i, dwellingId] of dwellings.entries()) {
    const household = await send<{ id: string }>(admin, 'POST', '/api/v1/households', { dwellingId });
    const ids: string[] = [];
    for (const [k, [, relation, birthDate]] of members.entries()) {
      ids.push((await send<{ id: string }>(admin, 'POST', '/api/v1/residents', { name: nameOf(i, k), householdId: household.id, relation, residencyStatus: 'permanent', birthDate })).id);
    }
    residentIds.push(ids);
  }
  for (const [k, username] of [
    [0, 'xj-rep'],
    [1, 'xj-member'],
  ] as const) {
    const { claimCode } = await send<{ claimCode: { code: string } }>(admin, 'POST', `/api/v1/residents/${residentIds[0]![k]}/account`, {});
    // Claiming signs the claimer in: do it in a context of its own, so the office's session stays.
    const claimer = await h.browser.newContext({ baseURL: h.baseUrl });
    const res = await claimer.request.post('/api/v1/auth/claim', { data: { code: claimCode.code, username, password: DEMO_PASSWORD } });
    if (!res.ok()) throw new Error(`claim ${username}: ${res.status()} ${await res.text()}`);
    await claimer.close();
  }
  const teller = (await getJson<{ items: { id: string; username: string | null }[] }>(admin.api, '/api/v1/users?limit=50')).items.find((u) => u.username === 'xj-teller')!;

  const closesAt = Date.now() + votingSeconds * 1000;
  const e = await send<ElectionDetail>(admin, 'POST', '/api/v1/elections', {
    communityId: community.id,
    title: '选举示范社区第一届居民委员会选举',
    votingUnit: 'household',
    electionDay: cstDate(20),
    votingOpensAt: new Date(Date.now() - 60_000).toISOString(),
    votingClosesAt: new Date(closesAt).toISOString(),
    noticeDays: 20,
    seats: { chair: 1, vice_chair: 0, member: 2 },
    committee: [{ name: '吴建国', chair: true }, { name: '郑秀英' }, { name: '冯晓东' }],
    tellerUserIds: [teller.id],
  });
  const phase = (to: string) => send(admin, 'POST', `/api/v1/elections/${e.id}/phase`, { to });
  await phase('registration');
  const built = await send<{ added: number }>(admin, 'POST', `/api/v1/elections/${e.id}/voters/build`, {});
  if (built.added !== 30) throw new Error(`expected 30 voters, built ${built.added}`);
  const voters = Object.fromEntries((await getJson<{ items: VoterView[] }>(admin.api, `/api/v1/elections/${e.id}/voters`)).items.map((v) => [v.name, v.id]));
  await phase('list_notice');
  await phase('candidates');
  const candidates: Record<string, string> = {};
  for (const [name, post] of [
    [nameOf(0, 0), 'chair'],
    [nameOf(1, 0), 'chair'],
    [nameOf(2, 1), 'member'],
    [nameOf(3, 1), 'member'],
    [nameOf(4, 1), 'member'],
  ] as const) {
    candidates[name] = (await send<{ id: string }>(admin, 'POST', `/api/v1/elections/${e.id}/candidates`, { post, voterId: voters[name], statement: `${post === 'chair' ? '主任' : '委员'}候选人：为邻里办实事` })).id;
  }
  // Household 3's representative authorises household 4's in writing.
  await send(admin, 'POST', `/api/v1/elections/${e.id}/proxies`, { grantorVoterId: voters[nameOf(3, 0)], holderVoterId: voters[nameOf(4, 0)], reference: '委托书 001' });
  await phase('voting');
  return { electionId: e.id, communityId: community.id, voters, candidates, closesAt, admin };
}

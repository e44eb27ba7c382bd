import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult, ElectionDetail, MyElectionView, ObjectionView, PublicVoterList, VoterView } from './test/types.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { detailOf, electionBody, moveClockTo, electionsWorld, errCode, ok, phase, type EW, type T } from './test/world.js';

describe.each(dialects)('election voter registration, notice and objections (%s)', (dialect) => {
  let t: T;
  let w: EW;
  let id: string;
  const anonList = () => t.app.inject({ method: 'GET', url: `/api/v1/public/elections/${id}/voter-list` });
  const voters = async () => ok<{ items: VoterView[] }>(await w.admin.get(`/elections/${id}/voters?includeRemoved=true`), 'voters').items;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await electionsWorld(t);
  });
  afterAll(() => t.close());

  it('prepares an election with its committee and tellers, refusing bad dates, outside tellers and other communities', async () => {
    let res = await w.admin.post('/elections', electionBody(t, { votingClosesAt: '2026-12-21T08:00:00.000Z' }));
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_dates_invalid']);
    // The console offers as tellers the accounts the server accepts: the office's staff, not the grid worker.
    const options = ok<{ items: { userId: string }[] }>(await w.admin.get(`/elections/tellers?communityId=${t.world.a.id}`), 'tellers').items.map((o) => o.userId);
    expect(options).toEqual(expect.arrayContaining([t.world.users.community_admin, t.world.users.community_staff]));
    expect(options).not.toContain(t.world.users.grid_worker);
    expect((await w.adminB.get(`/elections/tellers?communityId=${t.world.a.id}`)).statusCode).toBe(404);
    res = await w.admin.post('/elections', electionBody(t, { tellerUserIds: [t.world.users.grid_worker] }));
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_teller_invalid']);
    res = await w.admin.post('/elections', electionBody(t, { committee: [{ name: '甲' }] }));
    expect(res.statusCode).toBe(400);
    expect((await w.adminB.post('/elections', electionBody(t))).statusCode).toBe(404);
    expect((await w.resident.post('/elections', electionBody(t))).statusCode).toBe(403);
    const e = ok<ElectionDetail>(await w.admin.post('/elections', electionBody(t, { committee: [{ name: '张一', residentId: w.r.zhang1, chair: true }, { name: '选委乙' }] })), 'create');
    id = e.id;
    expect(e).toMatchObject({ phase: 'preparation', noticeDays: 20, votingUnit: 'person', nextPhase: 'registration', tellers: [{ userId: t.world.users.community_staff }] });
    expect(e.committee.map((m) => [m.name, m.chair])).toEqual([['张一', true], ['选委乙', false]]);
    expect((await w.adminB.get(`/elections/${id}`)).statusCode).toBe(404);
    expect((await w.subdistrict.get(`/elections/${id}`)).statusCode).toBe(200);
    res = await phase(w.admin, id, 'voting');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_phase_order']);
    res = await w.admin.post(`/elections/${id}/voters/build`);
    expect([res.statusCode, errCode(res)]).toEqual([409, 'wrong_phase']);
    ok(await phase(w.admin, id, 'registration'), 'registration');
  });

  it('builds the register from adults with 户籍 here, 18 on election day, once; never touching the resident register', async () => {
    const before = await t.deps.db.selectFrom('residents').selectAll().orderBy('id').execute();
    const built = ok<BuildResult>(await w.admin.post(`/elections/${id}/voters/build`), 'build');
    expect(built).toEqual({ added: 5, skippedNoBirthDate: 1, alreadyRegistered: 0 });
    expect((await voters()).map((v) => v.name).sort()).toEqual(['张一', '张大', '张妻', '李一', '王一'].sort());
    expect((await voters()).every((v) => v.basis === 'household_register')).toBe(true);
    expect(ok<BuildResult>(await w.admin.post(`/elections/${id}/voters/build`), 'again')).toEqual({ added: 0, skippedNoBirthDate: 1, alreadyRegistered: 5 });
    expect(await t.deps.db.selectFrom('residents').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('registers a resident registered elsewhere on application, and a community worker of six months, each once and with the basis', async () => {
    let res = await w.admin.post(`/elections/${id}/voters`, { basis: 'residence_application', residentId: w.r.zhangMinor, basisNote: '申请' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_voter_ineligible']);
    const wang2 = ok<VoterView>(await w.admin.post(`/elections/${id}/voters`, { basis: 'residence_application', residentId: w.r.wang2, basisNote: '人户分离登记申请 第3号' }), 'wang2');
    expect(wang2).toMatchObject({ name: '王二', basis: 'residence_application', basisNote: '人户分离登记申请 第3号', buildingName: '1栋' });
    res = await w.admin.post(`/elections/${id}/voters`, { basis: 'residence_application', residentId: w.r.wang2, basisNote: '再次' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_voter_exists']);
    res = await w.admin.post(`/elections/${id}/voters`, { basis: 'residence_application', residentId: w.r.zhang1, basisNote: '重复' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_voter_exists']);
    // Six months before election day is 2026-06-20: one day short is refused.
    res = await w.admin.post(`/elections/${id}/voters`, { basis: 'community_worker', userId: t.world.users.grid_worker, basisNote: '网格员', workingSince: '2026-06-21' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_voter_ineligible']);
    const worker = ok<VoterView>(await w.admin.post(`/elections/${id}/voters`, { basis: 'community_worker', userId: t.world.users.grid_worker, basisNote: '网格员', workingSince: '2026-06-20' }), 'worker');
    expect(worker).toMatchObject({ name: '用户4', basis: 'community_worker', residentId: null, buildingName: null });
    res = await w.admin.post(`/elections/${id}/voters`, { basis: 'community_worker', userId: t.world.adminB, basisNote: '外社区', workingSince: '2020-01-01' });
    expect(res.statusCode).toBe(404);
    res = await w.admin.post(`/elections/${id}/voters`, { basis: 'residence_application', residentId: w.r.zhaoB, basisNote: '外社区' });
    expect(res.statusCode).toBe(404);
    expect((await voters()).length).toBe(7);
  });

  it('posts the list only in time, masked by building for the public, and lets a resident check they are on it', async () => {
    const res = await w.admin.post(`/elections/${id}/voters/${(await voters()).find((v) => v.name === '王一')!.id}/remove`, { reason: '' });
    expect(res.statusCode).toBe(400);
    expect((await anonList()).statusCode).toBe(404);
    ok(await phase(w.admin, id, 'list_notice'), 'notice');
    const list = ok<PublicVoterList>(await anonList(), 'public list');
    expect(list.total).toBe(7);
    expect(list.buildings.map((b) => [b.buildingName, b.count])).toEqual([['1栋', 6], [null, 1]]);
    expect(list.buildings[0]!.names).toContain('张*');
    expect(JSON.stringify(list)).not.toMatch(/张一|王二|李一/);
    const mine = ok<MyElectionView>(await w.resident.get(`/my/elections/${id}`), 'mine');
    expect(mine).toMatchObject({ registered: true, voter: { name: '张一', buildingName: '1栋' }, canVote: false, blocker: 'not_voting' });
    expect((await w.adminB.get(`/my/elections/${id}`)).statusCode).toBe(404);
  });

  it('refuses to post the list later than the notice period before election day', async () => {
    const late = ok<ElectionDetail>(await w.admin.post('/elections', electionBody(t, { electionDay: '2026-12-14', votingOpensAt: '2026-12-13T00:00:00.000Z', votingClosesAt: '2026-12-14T08:00:00.000Z' })), 'late');
    ok(await phase(w.admin, late.id, 'registration'), 'registration');
    let res = await phase(w.admin, late.id, 'list_notice');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_no_voters']);
    ok(await w.admin.post(`/elections/${late.id}/voters/build`), 'build');
    res = await phase(w.admin, late.id, 'list_notice');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_notice_too_late']);
    // Configurable: a 19-day notice fits.
    const shorter = ok<ElectionDetail>(await w.admin.post('/elections', electionBody(t, { noticeDays: 19, electionDay: '2026-12-14', votingOpensAt: '2026-12-13T00:00:00.000Z', votingClosesAt: '2026-12-14T08:00:00.000Z' })), 'shorter');
    ok(await phase(w.admin, shorter.id, 'registration'), 'registration');
    ok(await w.admin.post(`/elections/${shorter.id}/voters/build`), 'build');
    expect((await phase(w.admin, shorter.id, 'list_notice')).statusCode).toBe(200);
  });

  it('takes objections during the notice, answers each, changes the list on acceptance, and keeps voting closed until all are answered', async () => {
    const omission = ok<ObjectionView>(await w.wang.post(`/my/elections/${id}/objections`, { kind: 'omission', subjectName: '李无', subjectResidentId: w.r.liNoDate, reason: '李无住在102室，名单上没有' }), 'omission');
    const zhangDa = (await voters()).find((v) => v.name === '张大')!;
    // As the phone files it: a name, no record id.
    const wrong = ok<ObjectionView>(await w.resident.post(`/my/elections/${id}/objections`, { kind: 'wrong_inclusion', subjectName: '张大', reason: '已搬走' }), 'wrong');
    const third = ok<ObjectionView>(await w.resident.post(`/my/elections/${id}/objections`, { kind: 'wrong_inclusion', subjectName: '李一', subjectVoterId: (await voters()).find((v) => v.name === '李一')!.id, reason: '不对' }), 'third');
    expect(omission).toMatchObject({ status: 'open', filerName: '王一' });
    ok(await phase(w.admin, id, 'candidates'), 'candidates');
    // The statement is published: a mobile number in it is refused, and nothing is written.
    const leaky = await w.admin.post(`/elections/${id}/candidates`, { post: 'chair', voterId: (await voters()).find((v) => v.name === '王一')!.id, statement: '服务居民，有事请拨 13812345678' });
    expect([leaky.statusCode, errCode(leaky)]).toEqual([400, 'election_personal_data']);
    ok(await w.admin.post(`/elections/${id}/candidates`, { post: 'chair', voterId: (await voters()).find((v) => v.name === '王一')!.id, statement: '服务居民' }), 'c1');
    ok(await w.admin.post(`/elections/${id}/candidates`, { post: 'vice_chair', voterId: (await voters()).find((v) => v.name === '李一')!.id, statement: '办实事' }), 'c2');
    ok(await w.admin.post(`/elections/${id}/candidates`, { post: 'member', voterId: (await voters()).find((v) => v.name === '张妻')!.id, statement: '热心' }), 'c3');
    await moveClockTo(t, w, '2026-12-19T01:00:00.000Z');
    let res = await phase(w.admin, id, 'voting');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_objections_open']);

    // 李无 has no birth date in the register: accepting cannot register them, and nothing changes.
    res = await w.admin.post(`/elections/${id}/objections/${omission.id}/answer`, { accept: true, answer: '核实属实' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_voter_ineligible']);
    ok(await w.admin.post(`/elections/${id}/objections/${omission.id}/answer`, { accept: false, answer: '户籍登记无出生日期，请携带身份证到居委会核实' }), 'reject');
    // Accepting it removes someone, so the clerk names the voter; without one nothing is answered.
    res = await w.admin.post(`/elections/${id}/objections/${wrong.id}/answer`, { accept: true, answer: '核实已迁出' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_objection_subject_required']);
    const accepted = ok<ObjectionView>(await w.admin.post(`/elections/${id}/objections/${wrong.id}/answer`, { accept: true, answer: '核实已迁出', subjectVoterId: zhangDa.id }), 'accept');
    expect(accepted).toMatchObject({ status: 'accepted', subjectVoterId: zhangDa.id });
    expect((await voters()).find((v) => v.name === '张大')).toMatchObject({ removedReason: '核实已迁出' });
    res = await w.admin.post(`/elections/${id}/objections/${wrong.id}/answer`, { accept: false, answer: '再答' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_objection_answered']);
    res = await phase(w.admin, id, 'voting');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_objections_open']);
    ok(await w.admin.post(`/elections/${id}/objections/${third.id}/answer`, { accept: false, answer: '李一确住本社区' }), 'third');
    expect(ok<ElectionDetail>(await phase(w.admin, id, 'voting'), 'voting').phase).toBe('voting');
    res = await w.resident.post(`/my/elections/${id}/objections`, { kind: 'omission', subjectName: '某人', reason: '晚了' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_objection_closed']);
    const mine = ok<MyElectionView>(await w.wang.get(`/my/elections/${id}`), 'mine');
    expect(mine.myObjections.map((o) => o.status)).toEqual(['rejected']);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'election.%').execute();
    expect(audit.filter((a) => a.action === 'election.voter_removed')).toHaveLength(1);
    expect((await detailOf(w.admin, id)).counts).toMatchObject({ voters: 6, openObjections: 0, candidates: 3 });
  });
});

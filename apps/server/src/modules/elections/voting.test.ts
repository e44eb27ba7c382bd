import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionDetail, ElectionTally, MyElectionView, ProxyView, PublicElectionView, VoterView } from './test/types.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { electionBody, electionsWorld, errCode, moveClockTo, ok, phase, type EW, type T } from './test/world.js';

describe.each(dialects)('election voting, secrecy, count and terms (%s)', (dialect) => {
  let t: T;
  let w: EW;
  let id: string;
  const v: Record<string, string> = {};
  const c: Record<string, string> = {};
  const vote = (choices: object[], extra: object = {}) => ({ choices, ...extra });
  const chairFor = (candidate: string) => [{ post: 'chair', candidateIds: [candidate], writeIns: [] }];

  beforeAll(async () => {
    t = await testApp(dialect);
    w = await electionsWorld(t);
    id = ok<ElectionDetail>(await w.admin.post('/elections', electionBody(t, { votingUnit: 'household', seats: { chair: 1, vice_chair: 0, member: 1 } })), 'create').id;
    ok(await phase(w.admin, id, 'registration'), 'registration');
    ok(await w.admin.post(`/elections/${id}/voters/build`), 'build');
    ok(await w.admin.post(`/elections/${id}/voters`, { basis: 'residence_application', residentId: w.r.wang2, basisNote: '申请' }), 'wang2');
    for (const x of ok<{ items: VoterView[] }>(await w.admin.get(`/elections/${id}/voters`), 'voters').items) v[x.name] = x.id;
    ok(await phase(w.admin, id, 'list_notice'), 'notice');
    ok(await phase(w.admin, id, 'candidates'), 'candidates');
    c.chair = ok<{ id: string }>(await w.admin.post(`/elections/${id}/candidates`, { post: 'chair', voterId: v['王一'], statement: '为居民办实事' }), 'chair').id;
    c.member = ok<{ id: string }>(await w.admin.post(`/elections/${id}/candidates`, { post: 'member', voterId: v['李一'], statement: '热心公益' }), 'member').id;
  });
  afterAll(() => t.close());

  it('names one representative per household and counts households as the voting units', async () => {
    const voters = ok<{ items: VoterView[] }>(await w.admin.get(`/elections/${id}/voters`), 'voters').items;
    expect(voters.filter((x) => x.representative).map((x) => x.name).sort()).toEqual(['李一', '王一', '张一'].sort());
    const d = ok<ElectionDetail>(await w.admin.get(`/elections/${id}`), 'detail');
    expect(d.counts).toMatchObject({ voters: 6, units: 3, candidates: 2 });
  });

  it('records written proxies within the limit, from representatives only, never chained', async () => {
    let res = await w.admin.post(`/elections/${id}/proxies`, { grantorVoterId: v['张妻'], holderVoterId: v['王一'], reference: '委托书 第1号' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_not_representative']);
    const p = ok<ProxyView>(await w.admin.post(`/elections/${id}/proxies`, { grantorVoterId: v['李一'], holderVoterId: v['王一'], reference: '委托书 第2号' }), 'proxy');
    expect(p).toMatchObject({ grantorName: '李一', holderName: '王一', used: false });
    res = await w.admin.post(`/elections/${id}/proxies`, { grantorVoterId: v['李一'], holderVoterId: v['张一'], reference: '委托书 第3号' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_proxy_exists']);
    res = await w.admin.post(`/elections/${id}/proxies`, { grantorVoterId: v['王一'], holderVoterId: v['张一'], reference: '委托书 第4号' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_proxy_invalid']);
  });

  it('opens voting only in the window and takes one vote per household, the representative’s', async () => {
    let res = await w.resident.post(`/my/elections/${id}/ballot`, vote(chairFor(c.chair!)));
    expect([res.statusCode, errCode(res)]).toEqual([409, 'wrong_phase']);
    res = await phase(w.admin, id, 'voting');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_window_not_open']);
    await moveClockTo(t, w, '2026-12-19T02:00:00.000Z');
    ok(await phase(w.admin, id, 'voting'), 'voting');

    let wife = ok<MyElectionView>(await w.wife.get(`/my/elections/${id}`), 'wife');
    expect(wife).toMatchObject({ registered: true, canVote: false, blocker: 'not_representative', householdVoted: false });
    res = await w.wife.post(`/my/elections/${id}/ballot`, vote(chairFor(c.chair!)));
    expect([res.statusCode, errCode(res)]).toEqual([403, 'election_not_representative']);

    res = await w.resident.post(`/my/elections/${id}/ballot`, vote([{ post: 'member', candidateIds: [c.member, c.chair], writeIns: [] }]));
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_ballot_invalid']);
    res = await w.resident.post(`/my/elections/${id}/ballot`, vote([{ post: 'member', candidateIds: [c.chair], writeIns: [] }]));
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_ballot_invalid']);
    const receipt = ok<Record<string, unknown>>(await w.resident.post(`/my/elections/${id}/ballot`, vote([...chairFor(c.chair!), { post: 'member', candidateIds: [], writeIns: ['赵热心'] }])), 'vote');
    expect(receipt).toEqual({ recorded: true, votedOn: '2026-12-19' });
    res = await w.resident.post(`/my/elections/${id}/ballot`, vote(chairFor(c.chair!)));
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_already_voted']);

    wife = ok<MyElectionView>(await w.wife.get(`/my/elections/${id}`), 'wife');
    expect(wife).toMatchObject({ canVote: false, blocker: 'household_voted', householdVoted: true, voted: false });
    res = await w.wife.post(`/my/elections/${id}/ballot`, vote(chairFor(c.chair!)));
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_household_voted']);
    // Even a race past the check fails on the roll's key, and leaves no ballot behind.
    const before = await t.deps.db.selectFrom('election_ballots').select('id').execute();
    await t.deps.db.updateTable('election_voters').set({ is_representative: 1 }).where('id', '=', v['张妻']!).execute();
    res = await w.wife.post(`/my/elections/${id}/ballot`, vote(chairFor(c.chair!)));
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_household_voted']);
    await t.deps.db.updateTable('election_voters').set({ is_representative: 0 }).where('id', '=', v['张妻']!).execute();
    expect(await t.deps.db.selectFrom('election_ballots').select('id').execute()).toHaveLength(before.length);
  });

  it('lets a proxy holder vote for the grantor, and never the grantor in person', async () => {
    const wang = ok<MyElectionView>(await w.wang.get(`/my/elections/${id}`), 'wang');
    expect(wang.proxiesHeld).toEqual([{ voterId: v['李一'], name: '李一', voted: false }]);
    let res = await w.admin.post(`/elections/${id}/roll`, { voterId: v['李一'] });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_proxy_given']);
    ok(await w.wang.post(`/my/elections/${id}/ballot`, vote([...chairFor(c.chair!), { post: 'member', candidateIds: [c.member], writeIns: [] }], { forVoterId: v['李一'] })), 'by proxy');
    res = await w.wang.post(`/my/elections/${id}/ballot`, vote([], { forVoterId: v['李一'] }));
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_already_voted']);
    res = await w.wang.post(`/my/elections/${id}/ballot`, vote([], { forVoterId: v['张一'] }));
    expect(res.statusCode).toBe(404);
    // 王一 votes in person on paper: the roll records it; the ballot comes later from the tellers.
    ok(await w.admin.post(`/elections/${id}/roll`, { voterId: v['王一'] }), 'paper');
    res = await w.admin.post(`/elections/${id}/roll`, { voterId: v['王二'] });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_not_representative']);
    const proxies = ok<{ items: ProxyView[] }>(await w.admin.get(`/elections/${id}/proxies`), 'proxies');
    expect(proxies.items[0]!.used).toBe(true);
  });

  it('closes voting after the window; only named tellers enter paper ballots, never more than were handed out', async () => {
    let res = await phase(w.admin, id, 'counting');
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_window_not_closed']);
    await moveClockTo(t, w, '2026-12-20T08:00:00.000Z');
    ok(await phase(w.admin, id, 'counting'), 'counting');
    res = await w.admin.post(`/elections/${id}/publish`);
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_paper_not_entered']);
    res = await w.admin.post(`/elections/${id}/batches`, { label: '第1箱', ballotCount: 1 });
    expect([res.statusCode, errCode(res)]).toEqual([403, 'election_not_teller']);
    const b1 = ok<{ id: string }>(await w.staff.post(`/elections/${id}/batches`, { label: '第1箱', ballotCount: 1 }), 'batch');
    res = await w.admin.post(`/elections/${id}/publish`);
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_batches_incomplete']);
    ok(await w.staff.post(`/elections/${id}/batches/${b1.id}/ballots`, { valid: true, choices: [{ post: 'chair', candidateIds: [c.chair], writeIns: [] }] }), 'ballot');
    res = await w.staff.post(`/elections/${id}/batches/${b1.id}/ballots`, { valid: false });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_batch_full']);
    const b2 = ok<{ id: string }>(await w.staff.post(`/elections/${id}/batches`, { label: '第2箱', ballotCount: 1 }), 'batch 2');
    res = await w.staff.post(`/elections/${id}/batches/${b2.id}/ballots`, { valid: false });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_paper_exceeds_roll']);
    // Nothing half-written: the refused entry left the batch at zero.
    expect(ok<{ items: { label: string; entered: number }[] }>(await w.admin.get(`/elections/${id}/batches`), 'batches').items.map((b) => [b.label, b.entered])).toEqual([['第1箱', 1], ['第2箱', 0]]);
    await t.deps.db.deleteFrom('election_paper_batches').where('id', '=', b2.id).execute();
  });

  it('keeps the ballot secret: no column, response or audit entry links a ballot to a voter', async () => {
    const tables = await t.deps.db.introspection.getTables();
    const ballotColumns = tables.find((x) => x.name === 'election_ballots')!.columns.map((col) => col.name).sort();
    expect(ballotColumns).toEqual(['election_id', 'id', 'marks', 'valid']);
    const rollColumns = tables.find((x) => x.name === 'election_roll')!.columns.map((col) => col.name).sort();
    expect(rollColumns).toEqual(['by_proxy', 'channel', 'election_id', 'unit_key', 'voted_on', 'voter_id']);
    const box = ok<{ items: Record<string, unknown>[]; total: number }>(await w.admin.get(`/elections/${id}/ballots`), 'box');
    expect(box.total).toBe(3);
    for (const b of box.items) {
      expect(Object.keys(b).sort()).toEqual(['choices', 'id', 'valid']);
      // Random (UUID v4), not time-ordered (v7).
      expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(box.items.map((b) => b.id)).toEqual([...box.items.map((b) => b.id as string)].sort());
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('action', 'like', 'election.%').execute();
    const text = JSON.stringify(audit);
    for (const b of box.items) expect(text).not.toContain(b.id as string);
    expect(text).not.toContain('赵热心');
    for (const a of audit.filter((x) => x.action === 'election.voted')) expect(JSON.parse(a.after_json!)).toEqual({ channel: 'online', byProxy: expect.any(Boolean) });
    const mine = ok<MyElectionView>(await w.resident.get(`/my/elections/${id}`), 'mine');
    expect(JSON.stringify(mine)).not.toContain(box.items[0]!.id as string);
    expect((await w.resident.get(`/elections/${id}/ballots`)).statusCode).toBe(403);
    if (dialect === 'sqlite') {
      // Stored by random key: SQLite keeps no insertion-ordered rowid for the box.
      expect(() => t.deps.handle.sqlite!.prepare('select rowid from election_ballots').all()).toThrow(/rowid/);
    }
  });

  it('counts, publishes a masked tally for the public, and records the terms in the registers', async () => {
    const tally = ok<ElectionTally>(await w.admin.post(`/elections/${id}/publish`), 'publish');
    expect(tally).toMatchObject({ registered: 3, voted: 3, ballotsCast: 3, valid: 3, invalid: 0, turnoutBp: 10000, quorumMet: true });
    const chair = tally.posts.find((p) => p.post === 'chair')!;
    expect(chair.candidates.map((x) => [x.name, x.votes, x.elected])).toEqual([['王一', 3, true]]);
    const member = tally.posts.find((p) => p.post === 'member')!;
    expect(member.candidates.map((x) => [x.name, x.votes, x.elected])).toEqual([['李一', 1, false], ['赵热心', 1, false]]);
    expect(tally.furtherRoundNeeded).toBe(true);
    const pub = ok<PublicElectionView>(await t.app.inject({ method: 'GET', url: `/api/v1/public/elections/${id}` }), 'public');
    expect(pub).toMatchObject({ phase: 'published', furtherRoundNeeded: true, tally: { ballotsCast: 3, voted: 3 } });
    expect(JSON.stringify(pub)).not.toMatch(/王一|李一|赵热心/);
    expect(pub.tally!.posts[0]!.candidates[0]!.name).toBe('王*');

    let res = await w.admin.post(`/elections/${id}/terms`, { organisationId: t.world.a.id });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'election_organisation_invalid']);
    const terms = ok<{ created: number; ended: number; termEndOn: string }>(await w.admin.post(`/elections/${id}/terms`, { organisationId: w.committee }), 'terms');
    expect(terms).toMatchObject({ created: 1, ended: 1, termEndOn: '2031-12-20' });
    const posts = await t.deps.db.selectFrom('memberships').select(['person_name', 'role', 'start_on', 'end_on', 'ended_at']).where('organisation_id', '=', w.committee).orderBy('start_on').execute();
    expect(posts.map((p) => [p.person_name, p.role, p.start_on, p.end_on, p.ended_at !== null])).toEqual([
      ['老主任', 'chair', '2021-12-01', '2026-12-19', true],
      ['王一', 'chair', '2026-12-20', '2031-12-20', false],
    ]);
    const org = await t.deps.db.selectFrom('organisations').select(['term_start_on', 'term_end_on']).where('id', '=', w.committee).executeTakeFirstOrThrow();
    expect(org).toEqual({ term_start_on: '2026-12-20', term_end_on: '2031-12-20' });
    res = await w.admin.post(`/elections/${id}/terms`, { organisationId: w.committee });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'wrong_phase']);
    expect((await w.adminB.get(`/elections/${id}/tally`)).statusCode).toBe(404);
  });
});

describe.each(dialects)('election proxies limit (%s)', (dialect) => {
  let t: T;
  let w: EW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await electionsWorld(t);
  });
  afterAll(() => t.close());

  it('lets one holder carry at most three proxies, by person', async () => {
    const id = ok<ElectionDetail>(await w.admin.post('/elections', electionBody(t)), 'create').id;
    ok(await phase(w.admin, id, 'registration'), 'registration');
    ok(await w.admin.post(`/elections/${id}/voters/build`), 'build');
    const v = Object.fromEntries(ok<{ items: VoterView[] }>(await w.admin.get(`/elections/${id}/voters`), 'voters').items.map((x) => [x.name, x.id]));
    ok(await phase(w.admin, id, 'list_notice'), 'notice');
    ok(await phase(w.admin, id, 'candidates'), 'candidates');
    for (const [i, grantor] of ['张一', '张妻', '张大'].entries()) ok(await w.admin.post(`/elections/${id}/proxies`, { grantorVoterId: v[grantor], holderVoterId: v['王一'], reference: `委托书 ${i}` }), grantor);
    const res = await w.admin.post(`/elections/${id}/proxies`, { grantorVoterId: v['李一'], holderVoterId: v['王一'], reference: '委托书 4' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'election_proxy_limit']);
    expect(ok<{ items: ProxyView[] }>(await w.admin.get(`/elections/${id}/proxies`), 'proxies').items).toHaveLength(3);
  });
});

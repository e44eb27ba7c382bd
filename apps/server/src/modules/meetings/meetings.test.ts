import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, meetingsWorld, ok, openMeeting, residentsMeetingBody, type Detail, type InviteeView, type MeetingsWorld, type T } from './test/world.js';

describe.each(dialects)('deliberation meetings: notice, invitees, sign-in, quorum (%s)', (dialect) => {
  let t: T;
  let w: MeetingsWorld;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await meetingsWorld(t);
  });
  afterAll(() => t.close());

  it('draws households (their householders) or living adults from the register, and keeps drafts from residents', async () => {
    const byHousehold = ok<Detail>(await w.staff.post('/deliberation-meetings', residentsMeetingBody(t)), 'create');
    expect(byHousehold.status).toBe('draft');
    expect(byHousehold.basis).toBe('households');
    expect(byHousehold.attendance).toMatchObject({ eligible: 4, present: 0, quorumNeeded: 3, quorumMet: false });
    const names = ok<{ items: InviteeView[] }>(await w.staff.get(`/deliberation-meetings/${byHousehold.id}/invitees`), 'list').items.map((i) => i.name);
    expect(names.sort()).toEqual(['张一', '张二', '张三', '张四'].sort());
    const search = async (q: string) => ok<{ total: number }>(await w.staff.get(`/deliberation-meetings/${byHousehold.id}/invitees?q=${encodeURIComponent(q)}`), 'search').total;
    expect([await search('张'), await search('张三'), await search('%'), await search('_')]).toEqual([4, 1, 0, 0]);

    const byMember = ok<Detail>(await w.staff.post('/deliberation-meetings', residentsMeetingBody(t, { basis: 'members', guests: [{ name: '街道干部', unit: '测试街道' }] })), 'create');
    const members = ok<{ items: InviteeView[] }>(await w.staff.get(`/deliberation-meetings/${byMember.id}/invitees`), 'list').items;
    // Six adults (the 16-year-old is left out); the guest is listed but does not count to the quorum.
    expect(members.filter((i) => i.eligible).map((i) => i.name).sort()).toEqual(['张一', '张一子', '张三', '张二', '张四', '无户者'].sort());
    expect(members.find((i) => i.name === '街道干部')).toMatchObject({ eligible: false, source: 'guest' });
    expect(byMember.attendance.eligible).toBe(6);
    // The named-ballot screen pages through voters only: the guest is left out by the server, not the page.
    const voters = ok<{ items: InviteeView[]; total: number }>(await w.staff.get(`/deliberation-meetings/${byMember.id}/invitees?eligible=yes&limit=4`), 'voters');
    expect([voters.total, voters.items.length, voters.items.every((i) => i.eligible)]).toEqual([6, 4, true]);
    expect(ok<{ items: InviteeView[] }>(await w.staff.get(`/deliberation-meetings/${byMember.id}/invitees?eligible=no`), 'guests').items.map((i) => i.name)).toEqual(['街道干部']);

    expect((await w.resident.get(`/deliberation-meetings/${byHousehold.id}`)).statusCode).toBe(404);
    const list = ok<{ items: { id: string }[] }>(await w.resident.get('/deliberation-meetings'), 'resident list');
    expect(list.items.map((i) => i.id)).not.toContain(byHousehold.id);
    expect(ok<{ items: { id: string }[] }>(await w.staff.get('/deliberation-meetings'), 'staff list').items.map((i) => i.id)).toContain(byHousehold.id);
  });

  it('publishes the notice to invitees with accounts and lets residents see it', async () => {
    const m = ok<Detail>(await w.staff.post('/deliberation-meetings', residentsMeetingBody(t, { title: '通知测试会议' })), 'create');
    ok(await w.staff.post(`/deliberation-meetings/${m.id}/notify`), 'notify');
    const inbox = await t.deps.db.selectFrom('notifications').select(['template', 'recipient_user_id', 'subject']).where('template', '=', 'meeting_notice').execute();
    expect(inbox.filter((n) => n.subject.includes('通知测试会议')).map((n) => n.recipient_user_id)).toEqual([t.world.users.resident]);
    const seen = ok<Detail>(await w.resident.get(`/deliberation-meetings/${m.id}`), 'resident view');
    expect(seen.signInToken).toBeNull();
    expect(seen.can.manage).toBe(false);
    const mine = ok<{ items: { meetingId: string; invited: boolean }[] }>(await w.resident.get('/my-meetings'), 'my meetings');
    expect(mine.items.find((i) => i.meetingId === m.id)).toMatchObject({ invited: true });
    // Published: the notice may still change, but not be published twice.
    expect(errCode(await w.staff.post(`/deliberation-meetings/${m.id}/notify`))).toBe('meeting_wrong_status');
  });

  it('computes the quorum live: exactly half present is not a quorum, one more is; women counted', async () => {
    const { m, invitee } = await openMeeting(t, w.staff);
    const tick = async (name: string, body: object = {}) => ok<InviteeView>(await w.staff.post(`/deliberation-meetings/${m.id}/invitees/${invitee(name).id}/sign-in`, body), 'tick');
    await tick('张一');
    await tick('张二');
    let d = ok<Detail>(await w.staff.get(`/deliberation-meetings/${m.id}`), 'detail');
    expect(d.attendance).toMatchObject({ eligible: 4, present: 2, womenPresent: 1, quorumNeeded: 3, quorumMet: false });
    const third = await tick('张三');
    expect(third).toMatchObject({ signInMethod: 'desk', proxyName: null });
    d = ok<Detail>(await w.staff.get(`/deliberation-meetings/${m.id}`), 'detail');
    expect(d.attendance).toMatchObject({ present: 3, womenPresent: 2, quorumMet: true });
    // Un-tick a mistake: back below the quorum.
    ok(await w.staff.post(`/deliberation-meetings/${m.id}/invitees/${invitee('张三').id}/sign-out`), 'undo');
    d = ok<Detail>(await w.staff.get(`/deliberation-meetings/${m.id}`), 'detail');
    expect(d.attendance).toMatchObject({ present: 2, womenPresent: 1, quorumMet: false });
    // A household represented by a written proxy counts; the proxy's gender is what the women's count sees.
    const proxied = await tick('张四', { proxyName: '张四妻', proxyGender: 'female' });
    expect(proxied.proxyName).toBe('张四妻');
    d = ok<Detail>(await w.staff.get(`/deliberation-meetings/${m.id}`), 'detail');
    expect(d.attendance).toMatchObject({ present: 3, womenPresent: 2, quorumMet: true });
  });

  it('signs a resident in by the QR token: wrong token, not invited, twice, and a household member as proxy', async () => {
    const { m, invitee } = await openMeeting(t, w.staff);
    const token = m.signInToken!;
    expect(token.length).toBeGreaterThan(16);
    const wrong = await w.resident.post(`/deliberation-meetings/${m.id}/sign-in`, { token: 'x'.repeat(token.length) });
    expect(wrong.statusCode).toBe(400);
    expect(errCode(wrong)).toBe('sign_in_token_invalid');
    const outsider = await w.outsider.post(`/deliberation-meetings/${m.id}/sign-in`, { token });
    expect(outsider.statusCode).toBe(403);
    expect(errCode(outsider)).toBe('meeting_not_invited');
    expect(ok<{ invited: boolean }>(await w.outsider.get(`/deliberation-meetings/${m.id}/my-invitation`), 'invitation').invited).toBe(false);

    const first = ok<{ signedInAt: string; inviteeName: string }>(await w.resident.post(`/deliberation-meetings/${m.id}/sign-in`, { token }), 'sign in');
    expect(first.inviteeName).toBe('张一');
    t.clock.advanceMinutes(3);
    const again = ok<{ signedInAt: string }>(await w.resident.post(`/deliberation-meetings/${m.id}/sign-in`, { token }), 'again');
    expect(again.signedInAt).toBe(first.signedInAt);
    const rows = ok<{ items: InviteeView[] }>(await w.staff.get(`/deliberation-meetings/${m.id}/invitees?present=yes`), 'present').items;
    expect(rows.map((r) => [r.name, r.signInMethod, r.proxyName])).toEqual([['张一', 'qr', null]]);

    // On a members' list the son is his own invitee; on a households list he comes for his household.
    const second = await openMeeting(t, w.staff, { title: '第二次会议' });
    ok(await w.son.post(`/deliberation-meetings/${second.m.id}/sign-in`, { token: second.m.signInToken }), 'son');
    const signed = ok<{ items: InviteeView[] }>(await w.staff.get(`/deliberation-meetings/${second.m.id}/invitees?present=yes`), 'present').items;
    expect(signed.map((r) => [r.name, r.proxyName])).toEqual([['张一', '张一子']]);
    expect(invitee('张一').id).not.toBe(second.invitee('张一').id);
  });

  it('lets staff add and remove invitees until the meeting opens', async () => {
    const m = ok<Detail>(await w.staff.post('/deliberation-meetings', residentsMeetingBody(t)), 'create');
    const added = ok<InviteeView>(await w.staff.post(`/deliberation-meetings/${m.id}/invitees`, { residentId: w.people['无户者']!.residentId }), 'add');
    expect(added).toMatchObject({ name: '无户者', eligible: true });
    expect(errCode(await w.staff.post(`/deliberation-meetings/${m.id}/invitees`, { residentId: w.people['无户者']!.residentId }))).toBe('meeting_invitee_duplicate');
    // On a households basis a household counts once: its other members are not added beside the householder.
    expect(errCode(await w.staff.post(`/deliberation-meetings/${m.id}/invitees`, { residentId: w.people['张一子']!.residentId }))).toBe('meeting_invitee_duplicate');
    expect(errCode(await w.staff.post(`/deliberation-meetings/${m.id}/invitees`, {}))).toBe('meeting_invitee_invalid');
    const guest = ok<InviteeView>(await w.staff.post(`/deliberation-meetings/${m.id}/invitees`, { name: '物业经理', unit: '物业公司' }), 'guest');
    expect(guest.eligible).toBe(false);
    ok(await w.staff.del(`/deliberation-meetings/${m.id}/invitees/${guest.id}`), 'remove');
    expect(ok<Detail>(await w.staff.get(`/deliberation-meetings/${m.id}`), 'detail').attendance.eligible).toBe(5);
    ok(await w.staff.post(`/deliberation-meetings/${m.id}/notify`), 'notify');
    ok(await w.staff.post(`/deliberation-meetings/${m.id}/open`), 'open');
    const late = await w.staff.post(`/deliberation-meetings/${m.id}/invitees`, { name: '迟到者' });
    expect(late.statusCode).toBe(409);
    expect(errCode(late)).toBe('meeting_wrong_status');
    // A proxy is for households only.
    const direct = await w.staff.post(`/deliberation-meetings/${m.id}/invitees/${added.id}/sign-in`, { proxyName: '某人' });
    expect(errCode(direct)).toBe('proxy_not_allowed');
  });

  it('answers bad input with stable codes and keeps other communities and residents out', async () => {
    const bad = await w.staff.post('/deliberation-meetings', residentsMeetingBody(t, { kind: 'tea_party' }));
    expect([bad.statusCode, errCode(bad)]).toEqual([400, 'validation_failed']);
    const basis = await w.staff.post('/deliberation-meetings', residentsMeetingBody(t, { kind: 'deliberation_council', basis: 'members' }));
    expect([basis.statusCode, errCode(basis)]).toEqual([400, 'validation_failed']);
    const unknownPost = await w.staff.post('/deliberation-meetings', residentsMeetingBody(t, { kind: 'deliberation_council', membershipIds: ['nope'] }));
    expect([unknownPost.statusCode, errCode(unknownPost)]).toEqual([400, 'meeting_invitee_invalid']);
    const subject = await w.staff.post('/deliberation-meetings', residentsMeetingBody(t, { agenda: [{ title: 'x', subjectKind: 'topic' }] }));
    expect(subject.statusCode).toBe(400);
    const rule = await w.staff.put('/meeting-rules/residents_meeting', { communityId: t.world.a.id, quorumNum: 3, quorumDen: 2, majorityNum: 1, majorityDen: 2 });
    expect([rule.statusCode, errCode(rule)]).toEqual([400, 'validation_failed']);

    const m = ok<Detail>(await w.staff.post('/deliberation-meetings', residentsMeetingBody(t)), 'create');
    ok(await w.staff.post(`/deliberation-meetings/${m.id}/notify`), 'notify');
    expect((await w.adminB.get(`/deliberation-meetings/${m.id}`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/deliberation-meetings/${m.id}/open`)).statusCode).toBe(404);
    expect((await w.adminB.post('/deliberation-meetings', residentsMeetingBody(t))).statusCode).toBe(404);
    expect((await w.resident.post('/deliberation-meetings', residentsMeetingBody(t))).statusCode).toBe(403);
    expect((await w.resident.get(`/deliberation-meetings/${m.id}/invitees`)).statusCode).toBe(403);
    // The subdistrict reads its communities' published meetings but does not run them.
    expect((await w.subdistrict.get(`/deliberation-meetings/${m.id}`)).statusCode).toBe(200);
    expect((await w.grid.get(`/deliberation-meetings/${m.id}`)).statusCode).toBe(200);
    // Not open yet: the chair's tools refuse.
    expect(errCode(await w.staff.post(`/deliberation-meetings/${m.id}/motions`, { text: '表决事项', ballot: 'named' }))).toBe('meeting_wrong_status');
  });

  it('applies the community rule for a kind from the next notice on', async () => {
    ok(await w.admin.put('/meeting-rules/representative_assembly', { communityId: t.world.a.id, quorumNum: 2, quorumDen: 3, majorityNum: 1, majorityDen: 2 }), 'rule');
    const rules = ok<{ items: { kind: string; quorumNum: number; quorumDen: number; custom: boolean }[] }>(await w.admin.get(`/meeting-rules?communityId=${t.world.a.id}`), 'rules');
    expect(rules.items.find((r) => r.kind === 'representative_assembly')).toMatchObject({ quorumNum: 2, quorumDen: 3, custom: true });
    expect(rules.items.find((r) => r.kind === 'residents_meeting')).toMatchObject({ quorumNum: 1, quorumDen: 2, custom: false });
    expect((await w.adminB.get(`/meeting-rules?communityId=${t.world.a.id}`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingKindLabels } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditActions, errCode, ok, visitsWorld, type MeetingDetail, type T, type VW } from './test/world.js';

describe.each(dialects)('consultation meetings (%s)', (dialect) => {
  let t: T;
  let w: VW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await visitsWorld(t);
  });
  afterAll(() => t.close());

  const meeting = (extra: object = {}) => ({
    kind: 'courtyard',
    title: '一网格坝坝会',
    heldAt: '2026-11-24T19:30:00+08:00',
    placeId: t.world.g1.estate.id,
    location: '小区中心花园',
    ...extra,
  });

  it('labels the three kinds in both languages', () => {
    expect(meetingKindLabels).toEqual({
      heart_to_heart: { zh: '恳谈会', en: 'Heart-to-heart meeting' },
      exchange: { zh: '交流会', en: 'Exchange meeting' },
      courtyard: { zh: '坝坝会', en: 'Courtyard meeting' },
    });
  });

  it('records a meeting with attendees from the register or by name, and opinions, audited', async () => {
    const res = await w.grid.post(
      '/consultation-meetings',
      meeting({
        hostUserId: t.world.users.grid_worker,
        attendees: [{ residentId: w.h.g1a.residentId, name: '忽略这个名字' }, { name: '刘师傅', unit: '退休职工' }, { name: '陈经理', organisationId: w.org }],
        opinions: [{ residentId: w.h.g1a.residentId, text: '晚上广场舞声音太大' }, { speakerName: '刘师傅', text: '建议增设充电桩' }, { text: '垃圾分类点太远' }],
      }),
    );
    expect(res.statusCode).toBe(201);
    const m = res.json() as MeetingDetail;
    expect(m).toMatchObject({ kind: 'courtyard', heldAt: '2026-11-24T11:30:00.000Z', hostName: '用户4', attendeeCount: 3, opinionCount: 3, convertedCount: 0, placeLabel: '第一网格 第一网格小区' });
    expect(m.attendees.map((a) => [a.name, a.unit])).toEqual([['张一', null], ['刘师傅', '退休职工'], ['陈经理', '安居物业']]);
    expect(m.opinions.map((o) => o.speakerName)).toEqual(['张一', '刘师傅', null]);
    expect((await auditActions(t, 'consultation_meeting.created')).map((a) => a.target_id)).toContain(m.id);
  });

  it('changes a meeting, replaces its attendees and adds opinions', async () => {
    const m = ok<MeetingDetail>(await w.staff.post('/consultation-meetings', meeting({ kind: 'heart_to_heart', placeId: t.world.a.id, attendees: [{ name: '甲' }] })), 'meeting');
    const changed = ok<MeetingDetail>(await w.staff.patch(`/consultation-meetings/${m.id}`, { title: '社区恳谈会', attendees: [{ name: '乙' }, { name: '丙' }], summary: '大家谈了停车难' }), 'update');
    expect(changed).toMatchObject({ title: '社区恳谈会', attendeeCount: 2, summary: '大家谈了停车难', kind: 'heart_to_heart', placeLabel: '甲社区' });
    expect(changed.attendees.map((a) => a.name)).toEqual(['乙', '丙']);
    const added = await w.staff.post(`/consultation-meetings/${m.id}/opinions`, { speakerName: '乙', text: '希望多办几次' });
    expect(added.statusCode).toBe(201);
    expect((added.json() as MeetingDetail).opinions.map((o) => o.text)).toEqual(['希望多办几次']);
    expect((await auditActions(t, 'meeting_opinion.added')).length).toBeGreaterThan(0);
    expect((await auditActions(t, 'consultation_meeting.updated')).map((a) => a.target_id)).toContain(m.id);
  });

  it('refuses people and places outside the community or scope, with their codes, writing nothing', async () => {
    const count = async () => Number((await t.deps.db.selectFrom('consultation_meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: ['grid' | 'staff', object, number, string][] = [
      ['grid', meeting({ placeId: t.world.g2.estate.id }), 400, 'visit_target_invalid'],
      ['grid', meeting({ placeId: t.world.a.id }), 400, 'visit_target_invalid'],
      ['staff', meeting({ placeId: t.world.b.id }), 400, 'visit_target_invalid'],
      ['staff', meeting({ attendees: [{ residentId: w.h.b.residentId }] }), 400, 'meeting_person_invalid'],
      ['grid', meeting({ attendees: [{ residentId: w.h.g2a.residentId }] }), 400, 'meeting_person_invalid'],
      ['staff', meeting({ attendees: [{ unit: '无名' }] }), 400, 'meeting_person_invalid'],
      ['staff', meeting({ opinions: [{ residentId: w.h.b.residentId, text: '外社区的人' }] }), 400, 'meeting_person_invalid'],
      ['staff', meeting({ hostUserId: t.world.users.resident }), 400, 'visit_assignee_invalid'],
      ['staff', meeting({ kind: 'party' }), 400, 'validation_failed'],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await w[who].post('/consultation-meetings', body);
      expect([res.statusCode, errCode(res)], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await count()).toBe(before);
  });

  it('reads meetings by scope; others may not change them', async () => {
    const g2 = ok<MeetingDetail>(await w.grid2.post('/consultation-meetings', meeting({ placeId: t.world.g2.grid.id, title: '二网格交流会', kind: 'exchange' })), 'g2 meeting');
    expect((await w.grid.get(`/consultation-meetings/${g2.id}`)).statusCode).toBe(404);
    expect((await w.adminB.get(`/consultation-meetings/${g2.id}`)).statusCode).toBe(404);
    expect((await w.grid.patch(`/consultation-meetings/${g2.id}`, { title: '改名' })).statusCode).toBe(404);
    expect(ok<MeetingDetail>(await w.subdistrict.get(`/consultation-meetings/${g2.id}`), 'sub').can).toEqual({ edit: false, convert: false });
    expect((await w.leader.patch(`/consultation-meetings/${g2.id}`, { title: '改名' })).statusCode).toBe(404);
    const list = ok<{ items: MeetingDetail[]; total: number }>(await w.grid.get('/consultation-meetings'), 'list');
    expect(list.items.map((m) => m.id)).not.toContain(g2.id);
    const exchange = ok<{ items: MeetingDetail[] }>(await w.staff.get('/consultation-meetings?kind=exchange'), 'by kind');
    expect(exchange.items.map((m) => m.id)).toEqual([g2.id]);
    const byPlace = ok<{ total: number }>(await w.staff.get(`/consultation-meetings?placeId=${t.world.g2.grid.id}`), 'by place');
    expect(byPlace.total).toBe(1);
    const later = ok<{ total: number }>(await w.staff.get(`/consultation-meetings?from=${encodeURIComponent('2026-11-25T00:00:00Z')}`), 'from');
    expect(later.total).toBe(0);
  });
});

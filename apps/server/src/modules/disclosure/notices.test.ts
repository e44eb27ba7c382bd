import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { PublicationCommentView, PublicationDetail, PublicPublication } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { disclosureWorld, errCode, ok, published, type DW, type T } from './test/world.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.each(dialects)('public notices, objections, questions and the notice-board sheet (%s)', (dialect) => {
  let t: T;
  let w: DW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await disclosureWorld(t);
  });
  afterAll(() => t.close());

  it('takes objections during the period and cannot close until each is answered and the period is over', async () => {
    const n = await published(w, { kind: 'public_notice', title: '2026年度低保对象拟纳入名单公示', body: '拟纳入：王*明家庭。', objectionDays: 5 });
    // Five days after the day of publication, to the end of that day in China.
    expect(n.objectionEndsAt).toBe('2026-11-30T15:59:59.999Z');
    expect(errCode(await w.staff.post('/publications', { kind: 'public_notice', title: 'x', body: 'x', channels: ['portal'], objectionDays: 3 }))).toBe('validation_failed');
    const o = ok<PublicationCommentView>(await w.resident.post(`/publications/${n.id}/objections`, { text: '我家情况类似，电话13900001111，请核实' }), 'object');
    expect(o.mine).toBe(true);
    expect(o.text).toBe('我家情况类似，电话139****1111，请核实');
    expect((await w.adminB.post(`/publications/${n.id}/objections`, { text: '外社区' })).statusCode).toBe(403);

    expect(errCode(await w.admin.post(`/publications/${n.id}/close-notice`, { outcome: '无异议' }))).toBe('publication_objection_period_open');
    expect(errCode(await w.admin.post(`/publications/${n.id}/archive`))).toBe('publication_objection_period_open');
    t.clock.advanceMinutes(5 * 24 * 60); // 16:00 on the last day in China: still open
    const late = ok<PublicationCommentView>(await w.resident.post(`/publications/${n.id}/objections`, { text: '最后一天晚上' }), 'last evening');
    t.clock.advanceMinutes(8 * 60);
    expect(errCode(await w.resident.post(`/publications/${n.id}/objections`, { text: '晚了' }))).toBe('publication_objection_period_closed');
    const blocked = await w.admin.post(`/publications/${n.id}/close-notice`, { outcome: '维持原公示' });
    expect(blocked.statusCode).toBe(409);
    expect(errCode(blocked)).toBe('publication_objections_unanswered');
    const answered = ok<PublicationDetail>(await w.staff.post(`/publications/${n.id}/comments/${o.id}/answer`, { text: '已入户核实，符合条件，另行申请' }), 'answer');
    expect(answered.comments[0]!.answer).toBe('已入户核实，符合条件，另行申请');
    expect(errCode(await w.staff.post(`/publications/${n.id}/comments/${o.id}/answer`, { text: '再答' }))).toBe('publication_already_answered');
    expect(errCode(await w.admin.post(`/publications/${n.id}/close-notice`, { outcome: '维持' }))).toBe('publication_objections_unanswered');
    ok(await w.staff.post(`/publications/${n.id}/comments/${late.id}/answer`, { text: '同上' }), 'answer late');
    expect(errCode(await w.admin.post(`/publications/${n.id}/close-notice`, { outcome: '  ' }))).toBe('publication_outcome_required');
    const leaky = await w.admin.post(`/publications/${n.id}/close-notice`, { outcome: '异议人王明（13900001111）已答复' });
    expect([leaky.statusCode, errCode(leaky)]).toEqual([422, 'publication_personal_data']);
    // The author was told of each objection, in the resident's words with numbers masked (it may go by mail).
    const told = await t.deps.db.selectFrom('notifications').select(['recipient_user_id', 'subject', 'body']).where('dedupe_key', 'like', `publication:${n.id}:comment:%`).where('channel', '=', 'in_app').execute();
    expect(told.map((x) => [x.recipient_user_id, x.subject]).sort()).toEqual([
      [t.world.users.community_staff, '公示收到异议：2026年度低保对象拟纳入名单公示'],
      [t.world.users.community_staff, '公示收到异议：2026年度低保对象拟纳入名单公示'],
    ]);
    expect(told.map((x) => x.body).sort()).toEqual(['我家情况类似，电话139****1111，请核实', '最后一天晚上'].sort());
    const closed = ok<PublicationDetail>(await w.admin.post(`/publications/${n.id}/close-notice`, { outcome: '公示期满，异议已答复，维持原公示' }), 'close');
    expect(closed.noticeClosedAt).not.toBeNull();

    const pub = ok<PublicPublication>(await w.anonymous.get(`/public/publications/${n.id}`), 'public');
    expect(pub.noticeOutcome).toBe('公示期满，异议已答复，维持原公示');
    expect(pub.comments[0]).toMatchObject({ kind: 'objection', authorName: '用*', text: '我家情况类似，电话139****1111，请核实', mine: false });
    expect(JSON.stringify(pub)).not.toContain('13900001111');
    // Staff see what was written.
    expect(closed.comments[0]!.text).toContain('13900001111');
  });

  it('takes questions on a disclosure, answered in public; an objection on a disclosure is refused', async () => {
    const p = await published(w, { title: '社区惠民项目资金使用情况' });
    expect(errCode(await w.resident.post(`/publications/${p.id}/objections`, { text: '反对' }))).toBe('publication_not_a_notice');
    const q = ok<PublicationCommentView>(await w.resident.post(`/publications/${p.id}/questions`, { text: '加装电梯补贴什么时候发放？' }), 'ask');
    const waiting = ok<PublicPublication>(await w.anonymous.get(`/public/publications/${p.id}`), 'waiting');
    expect(waiting.comments.find((c) => c.id === q.id)!.answer).toBeNull();
    expect(ok<{ items: { unanswered: number; id: string }[] }>(await w.staff.get('/publications?status=published'), 'list').items.find((i) => i.id === p.id)!.unanswered).toBe(1);
    ok(await w.staff.post(`/publications/${p.id}/comments/${q.id}/answer`, { text: '验收后一个月内发放' }), 'answer');
    const after = ok<PublicPublication>(await w.anonymous.get(`/public/publications/${p.id}`), 'answered');
    expect(after.comments.find((c) => c.id === q.id)).toMatchObject({ answer: '验收后一个月内发放', authorName: '用*' });
    expect((await w.resident.post(`/publications/${p.id}/comments/${q.id}/answer`, { text: '自答' })).statusCode).toBe(403);
    expect((await w.adminB.post(`/publications/${p.id}/comments/${q.id}/answer`, { text: '乙答' })).statusCode).toBe(404);
    const feed = ok<{ items: { id: string }[] }>(await w.resident.get('/publications/feed'), 'feed');
    expect(feed.items.map((i) => i.id)).toContain(p.id);
    expect(ok<{ items: unknown[] }>(await w.adminB.get('/publications/feed'), 'b feed').items).toHaveLength(0);
  });

  it('prints an A4 sheet with the text, the hash and a QR code, without a login', async () => {
    const p = await published(w, { title: '2026年第三季度社区财务公开' });
    const res = await w.anonymous.get(`/public/publications/${p.id}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(res.rawPayload);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const text = squeeze(execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.rawPayload }).toString('utf8'));
    expect(text).toContain('2026年第三季度社区财务公开');
    expect(text).toContain('上级拨付工作经费');
    expect(text).toContain(p.textSha256!);
    expect(text).toContain(`/publications/${p.id}`);
    const d = ok<PublicationDetail>(await w.staff.post('/publications', { kind: 'disclosure', title: '草稿', body: '草稿', channels: ['notice_board'] }), 'draft');
    expect((await w.anonymous.get(`/public/publications/${d.id}/poster.pdf`)).statusCode).toBe(404);
  });
});

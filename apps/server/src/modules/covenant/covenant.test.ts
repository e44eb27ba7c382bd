import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDiffRow, OpinionView, PublicCovenantView } from '@gongzhi/shared';
import { publicActor } from '../../lib/actor.js';
import { motionSubject, type DecidedMotion } from '../../lib/motion-subjects.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditActions, covenantWorld, draftV1, draftV2, draftV3, errCode, ok, type CovenantView, type CW, type T, type VersionView } from './test/world.js';

describe.each(dialects)('covenant process (%s)', (dialect) => {
  let t: T;
  let w: CW;
  let c: CovenantView;
  const versions: VersionView[] = [];
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await covenantWorld(t);
  });
  afterAll(() => t.close());

  const url = (rest = '') => `/covenants/${c.id}${rest}`;
  const expectError = async (res: Promise<{ statusCode: number; json: () => unknown }>, status: number, code: string) => {
    const r = await res;
    expect([r.statusCode, (r.json() as { error?: { code: string } }).error?.code]).toEqual([status, code]);
  };
  const reload = async () => (c = ok<CovenantView>(await w.staff.get(url()), 'covenant'));
  const motion = (result: DecidedMotion['result'], extra: Partial<DecidedMotion> = {}): DecidedMotion => ({
    motionId: `m-${result}`,
    meetingId: 'meeting-1',
    meetingKind: 'residents_meeting',
    communityId: t.world.a.id,
    subjectKind: 'covenant_version',
    subjectId: c.currentVersionId!,
    text: '表决居民公约',
    result,
    eligible: 120,
    present: result === 'no_quorum' ? 40 : 90,
    womenPresent: 45,
    forCount: result === 'adopted' ? 80 : 20,
    againstCount: 5,
    abstainCount: 5,
    decidedAt: t.clock.now().toISOString(),
    ...extra,
  });
  const ctx = () => ({ actor: publicActor, requestId: 'test', ip: null });

  it('starts a covenant in opinion collection with dated phases and default permissions, audited', async () => {
    const res = await w.staff.post('/covenants', { title: '甲社区居民公约', phases: [{ phase: 'opinion_collection', plannedStartOn: '2026-11-25', plannedEndOn: '2026-12-10' }] });
    expect(res.statusCode, res.body).toBe(201);
    c = res.json() as CovenantView;
    expect(c).toMatchObject({ phase: 'opinion_collection', communityId: t.world.a.id, communityName: '甲社区', versionCount: 0, can: { manage: true, advanceTo: ['drafting'] } });
    expect(c.phases).toHaveLength(9);
    expect(c.phases[0]).toMatchObject({ phase: 'opinion_collection', plannedStartOn: '2026-11-25', plannedEndOn: '2026-12-10', startedAt: '2026-11-25T08:00:00.000Z' });
    expect(c.phases[4]!.permissions.review).toEqual(['subdistrict']);
    expect((await auditActions(t, 'covenant.created')).map((a) => a.target_id)).toContain(c.id);
    const list = ok<{ items: { id: string }[] }>(await w.subdistrict.get('/covenants'), 'list');
    expect(list.items.map((i) => i.id)).toContain(c.id);
  });

  it('refuses bad phase plans and a covenant outside the actor community', async () => {
    await expectError(w.staff.post('/covenants', { title: '公约', phases: [{ phase: 'drafting', plannedStartOn: '2026-12-10', plannedEndOn: '2026-12-01' }] }), 400, 'covenant_phase_dates');
    await expectError(w.staff.post('/covenants', { title: '公约', phases: [{ phase: 'legality_review', permissions: { review: ['staff'] } }] }), 400, 'covenant_review_reserved');
    await expectError(w.staff.post('/covenants', { title: '公约', communityId: t.world.b.id }), 400, 'covenant_community_required');
    await expectError(w.subdistrict.post('/covenants', { title: '公约' }), 403, 'forbidden');
    const planned = ok<CovenantView>(await w.staff.put(url('/phases/consultation'), { plannedStartOn: '2026-12-15', plannedEndOn: '2026-12-31' }), 'plan');
    expect(planned.phases[2]).toMatchObject({ plannedStartOn: '2026-12-15', plannedEndOn: '2026-12-31' });
  });

  it('collects opinions from the groups of the phase; staff enter one for a speaker; names masked for residents', async () => {
    await expectError(w.unverified.post(url('/opinions'), { text: '希望加入文明养犬的条款' }), 403, 'not_open_to_you');
    await expectError(w.verified.post(url('/opinions'), { text: '代人提交', authorName: '李大爷', channel: 'meeting' }), 403, 'covenant_entry_staff_only');
    const mine = ok<OpinionView>(await w.verified.post(url('/opinions'), { text: '希望加入文明养犬的条款' }), 'opinion');
    expect(mine).toMatchObject({ authorName: '王秀英', mine: true, channel: 'online', handling: null });
    ok<OpinionView>(await w.staff.post(url('/opinions'), { text: '楼道堆物要管', authorName: '李大爷', channel: 'meeting' }), 'staff opinion');
    const seen = ok<{ items: OpinionView[] }>(await w.unverified.get(url('/opinions')), 'opinions');
    expect(seen.items.map((o) => o.authorName)).toEqual(['李*', '王*']);
    const handled = ok<OpinionView>(await w.staff.post(url(`/opinions/${mine.id}/handling`), { handling: 'adopted', reason: '已写入第四条' }), 'handle');
    expect(handled).toMatchObject({ handling: 'adopted', handlingReason: '已写入第四条' });
    await expectError(w.unverified.post(url(`/opinions/${mine.id}/handling`), { handling: 'adopted', reason: '自己处理' }), 403, 'forbidden');
    // The overview counts the opinion still waiting for its handling.
    await reload();
    expect(c.counts).toMatchObject({ opinions: 2, comments: 0, unhandled: 1 });
    // A name as long as the register allows (100 characters) is kept whole, on PostgreSQL too.
    const longName = `阿卜杜热合曼·${'买'.repeat(93)}`;
    ok(await w.staff.patch(`/residents/${w.residentId}`, { name: longName }), 'rename');
    const long = ok<OpinionView>(await w.verified.post(url('/opinions'), { text: '名字很长的居民也能提意见' }), 'long name');
    expect(long.authorName).toBe(longName);
  });

  it('keeps the phases in order and checks the preconditions', async () => {
    await expectError(w.staff.post(url('/versions'), { markdown: draftV1 }), 409, 'wrong_phase');
    await expectError(w.staff.post(url('/advance'), { to: 'consultation' }), 409, 'covenant_phase_order');
    ok(await w.staff.post(url('/advance'), { to: 'drafting' }), 'advance');
    await expectError(w.staff.post(url('/advance'), { to: 'consultation' }), 409, 'covenant_phase_precondition');
    await expectError(w.verified.post(url('/opinions'), { text: '起草阶段的意见' }), 409, 'wrong_phase');
    await reload();
    expect(c.phases[0]!.endedAt).toBe('2026-11-25T08:00:00.000Z');
    expect(c.phases[1]!.startedAt).not.toBeNull();
  });

  it('refuses Markdown that does not split into numbered articles, writing nothing', async () => {
    const noArticles = await w.staff.post(url('/versions'), { markdown: '# 标题\n\n## 第一章 总则\n' });
    expect([noArticles.statusCode, errCode(noArticles)]).toEqual([400, 'covenant_markdown_invalid']);
    const gap = await w.staff.post(url('/versions'), { markdown: '第一条 甲甲甲甲。\n第三条 乙乙乙乙。' });
    expect(gap.statusCode).toBe(400);
    expect((gap.json() as { error: { details: object } }).error.details).toMatchObject({ error: 'article_numbers', line: 2, expected: 2, found: 3 });
    await reload();
    expect(c.versionCount).toBe(0);
  });

  it('stores drafts split into chapters and articles; the second needs a changelog', async () => {
    const v1 = ok<VersionView>(await w.staff.post(url('/versions'), { markdown: draftV1 }), 'v1');
    expect(v1).toMatchObject({ number: 1, kind: 'draft', articleCount: 4, changelog: null, createdByName: '用户3' });
    expect(v1.articles.map((a) => [a.number, a.chapterNumber, a.chapterTitle])).toEqual([
      [1, 1, '总则'],
      [2, 1, '总则'],
      [3, 2, '环境卫生'],
      [4, 2, '环境卫生'],
    ]);
    await expectError(w.staff.post(url('/versions'), { markdown: draftV1.replace('不毁绿种菜', '不在绿地种菜') }), 400, 'covenant_changelog_required');
    const v2 = ok<VersionView>(await w.staff.post(url('/versions'), { markdown: draftV1.replace('不毁绿种菜', '不在绿地种菜'), changelog: '第四条措辞' }), 'v2');
    expect(v2).toMatchObject({ number: 2, kind: 'draft', changelog: '第四条措辞' });
    versions.push(v1, v2);
    await reload();
    expect(c.currentVersionId).toBe(v2.id);
    expect(c.can.advanceTo).toEqual(['consultation']);
    ok(await w.staff.post(url('/advance'), { to: 'consultation' }), 'consultation');
  });

  it('refuses a comment on an article of an older version', async () => {
    await expectError(w.verified.post(url('/comments'), { versionId: versions[1]!.id, articleId: versions[0]!.articles[0]!.id, text: '旧版本的条款' }), 400, 'covenant_article_invalid');
    await expectError(w.verified.post(url('/comments'), { versionId: versions[0]!.id, articleId: versions[0]!.articles[0]!.id, text: '旧版本的条款' }), 400, 'covenant_version_not_current');
    await expectError(w.verified.put(url(`/articles/${versions[0]!.articles[0]!.id}/stance`), { stance: 'support' }), 400, 'covenant_version_not_current');
    ok(await w.verified.post(url('/comments'), { versionId: versions[1]!.id, articleId: versions[1]!.articles[3]!.id, text: '建议写明养犬要求' }), 'comment');
  });

  it('revises with a changelog, is returned by the subdistrict with notes, revised again and approved', async () => {
    ok(await w.staff.post(url('/advance'), { to: 'revision' }), 'revision');
    const v3 = ok<VersionView>(await w.staff.post(url('/versions'), { markdown: draftV2, changelog: '采纳居民意见：新增文明养犬，删除绿地条款' }), 'v3');
    expect(v3).toMatchObject({ number: 3, kind: 'revision', articleCount: 4 });
    versions.push(v3);
    ok(await w.staff.post(url('/advance'), { to: 'legality_review' }), 'to review');
    await expectError(w.staff.post(url('/reviews'), { decision: 'approved' }), 403, 'not_open_to_you');
    await expectError(w.verified.post(url('/reviews'), { decision: 'approved' }), 403, 'not_open_to_you');
    await expectError(w.subdistrict.post(url('/reviews'), { decision: 'returned' }), 400, 'covenant_review_notes_required');
    await expectError(w.staff.post(url('/advance'), { to: 'vote' }), 409, 'covenant_phase_precondition');
    const returned = ok<CovenantView>(await w.subdistrict.post(url('/reviews'), { decision: 'returned', notes: '第五条缺失邻里互助内容' }), 'return');
    expect(returned).toMatchObject({ phase: 'revision' });
    expect(returned.reviews).toMatchObject([{ decision: 'returned', notes: '第五条缺失邻里互助内容', versionNumber: 3, reviewerName: '用户1' }]);
    const v4 = ok<VersionView>(await w.staff.post(url('/versions'), { markdown: draftV3, changelog: '按审查意见增加第五条' }), 'v4');
    versions.push(v4);
    ok(await w.staff.post(url('/advance'), { to: 'legality_review' }), 'to review again');
    const asReviewer = ok<CovenantView>(await w.subdistrict.get(url()), 'reviewer view');
    expect(asReviewer.can).toMatchObject({ review: true, manage: false });
    const approved = ok<CovenantView>(await w.subdistrict.post(url('/reviews'), { decision: 'approved' }), 'approve');
    expect(approved.phase).toBe('vote');
    expect(approved.reviews.map((r) => [r.decision, r.versionNumber])).toEqual([
      ['returned', 3],
      ['approved', 4],
    ]);
    expect((await auditActions(t, 'covenant.review_approved')).length).toBe(1);
  });

  it('shows what changed between versions, article by article', async () => {
    const { rows } = ok<{ rows: ArticleDiffRow[] }>(await w.verified.get(url(`/diff?from=${versions[1]!.id}&to=${versions[3]!.id}`)), 'diff');
    expect(rows.map((r) => [r.change, r.from?.number ?? null, r.to?.number ?? null])).toEqual([
      ['same', 1, 1],
      ['changed', 2, 2],
      ['same', 3, 3],
      ['removed', 4, null],
      ['added', null, 4],
      ['added', null, 5],
    ]);
    expect(rows[1]!.parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['自觉', '共同']);
    await expectError(w.verified.get(url(`/diff?from=${versions[0]!.id}&to=nonexistent`)), 400, 'covenant_version_invalid');
  });

  it('is decided by a meeting motion: the subject is checked, no quorum leaves the phase, adoption moves to filing', async () => {
    const subject = motionSubject('covenant_version')!;
    const meeting = { communityId: t.world.a.id, kind: 'residents_meeting' };
    await reload();
    expect(await subject.check(t.deps.db, c.currentVersionId!, meeting)).toEqual({ title: '甲社区居民公约（第4稿）' });
    await expect(subject.check(t.deps.db, c.currentVersionId!, { ...meeting, kind: 'deliberation_council' })).rejects.toMatchObject({ code: 'covenant_meeting_kind' });
    await expect(subject.check(t.deps.db, c.currentVersionId!, { ...meeting, communityId: t.world.b.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(subject.check(t.deps.db, versions[2]!.id, meeting)).rejects.toBeInstanceOf(AppError);

    await t.deps.db.transaction().execute((trx) => subject.decided(trx, motion('no_quorum'), ctx()));
    await reload();
    expect(c).toMatchObject({ phase: 'vote', adoptedVersionId: null });
    expect(c.votes).toMatchObject([{ result: 'no_quorum', present: 40, versionNumber: 4 }]);

    await t.deps.db.transaction().execute((trx) => subject.decided(trx, motion('adopted', { meetingId: 'meeting-2' }), ctx()));
    await reload();
    expect(c).toMatchObject({ phase: 'filing', adoptedVersionId: versions[3]!.id });
    expect(c.votes.map((v) => v.result)).toEqual(['no_quorum', 'adopted']);
    expect(c.versions.at(-1)!.kind).toBe('final');
    await expect(subject.check(t.deps.db, c.currentVersionId!, meeting)).rejects.toMatchObject({ code: 'wrong_phase' });
  });

  it('is filed by the subdistrict, published by staff, then shown to the public without personal data', async () => {
    await expectError(w.anonymous.get(`/public/covenants/${c.id}`), 404, 'not_found');
    await expectError(w.staff.post(url('/filing'), { filedOn: '2026-11-25', reference: '甲街备〔2026〕3号' }), 403, 'not_open_to_you');
    await expectError(w.staff.post(url('/publish')), 409, 'wrong_phase');
    const filed = ok<CovenantView>(await w.subdistrict.post(url('/filing'), { filedOn: '2026-11-25', reference: '甲街备〔2026〕3号' }), 'filing');
    expect(filed).toMatchObject({ phase: 'publication', filedOn: '2026-11-25', filingReference: '甲街备〔2026〕3号' });
    await expectError(w.anonymous.get(`/public/covenants/${c.id}`), 404, 'not_found');
    const published = ok<CovenantView>(await w.staff.post(url('/publish')), 'publish');
    expect(published.phase).toBe('pledging');
    expect(published.publishedAt).not.toBeNull();
    expect(published.phases.every((p) => p.startedAt !== null)).toBe(true);
    const pub = await w.anonymous.get(`/public/covenants/${c.id}`);
    const view = ok<PublicCovenantView>(pub, 'public');
    expect(view).toMatchObject({ title: '甲社区居民公约', communityName: '甲社区', versionNumber: 4, meetingKind: 'residents_meeting', filingReference: '甲街备〔2026〕3号', pledged: 0, households: 1 });
    expect(view.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(pub.body).not.toContain('王秀英');
    expect(pub.body).not.toContain('用户');
    const list = ok<{ items: { id: string }[] }>(await w.anonymous.get(`/public/communities/${t.world.a.id}/covenants`), 'public list');
    expect(list.items.map((i) => i.id)).toEqual([c.id]);
  });

  it('answers 404 to another community and keeps its list apart', async () => {
    await expectError(w.adminB.get(url()), 404, 'not_found');
    await expectError(w.adminB.get(url('/comments')), 404, 'not_found');
    await expectError(w.adminB.get(url(`/versions/${versions[0]!.id}`)), 404, 'not_found');
    await expectError(w.staff.get(url(`/versions/${newId()}`)), 404, 'not_found');
    await expectError(w.adminB.patch(url(), { title: '改名' }), 404, 'not_found');
    expect(ok<{ items: unknown[] }>(await w.adminB.get('/covenants'), 'list B').items).toEqual([]);
    await expectError(w.verified.patch(url(), { title: '改名' }), 403, 'forbidden');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentPage, CommentView, QuestionView, StanceResult } from '@gongzhi/shared';
import { newId } from '../../lib/ids.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditActions, covenantWorld, draftV1, errCode, ok, type CovenantView, type CW, type T, type VersionView } from './test/world.js';

describe.each(dialects)('covenant consultation (%s)', (dialect) => {
  let t: T;
  let w: CW;
  let c: CovenantView;
  let v: VersionView;
  let single: QuestionView;
  let multiple: QuestionView;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await covenantWorld(t);
    c = ok<CovenantView>(await w.staff.post('/covenants', { title: '甲社区居民公约' }), 'covenant');
    ok(await w.staff.post(`/covenants/${c.id}/advance`, { to: 'drafting' }), 'drafting');
    v = ok<VersionView>(await w.staff.post(`/covenants/${c.id}/versions`, { markdown: draftV1 }), 'v1');
    single = ok<QuestionView>(await w.staff.post(`/covenants/${c.id}/questions`, { versionId: v.id, text: '是否同意设置养犬专区？', options: ['同意', '不同意'] }), 'q1');
    multiple = ok<QuestionView>(
      await w.staff.post(`/covenants/${c.id}/questions`, { versionId: v.id, articleId: v.articles[2]!.id, text: '哪些时段应当安静？', options: ['午间', '晚十点后', '清晨'], multiple: true }),
      'q2',
    );
    ok(await w.staff.post(`/covenants/${c.id}/advance`, { to: 'consultation' }), 'consultation');
  });
  afterAll(() => t.close());

  const url = (rest = '') => `/covenants/${c.id}${rest}`;
  const article = (n: number) => v.articles[n - 1]!;

  it('takes comments from the phase groups only: an unverified account and a resident of nowhere cannot comment', async () => {
    const res = await w.unverified.post(url('/comments'), { versionId: v.id, articleId: article(1).id, text: '我还没有实名' });
    expect([res.statusCode, errCode(res)]).toEqual([403, 'not_open_to_you']);
    const stance = await w.unverified.put(url(`/articles/${article(1).id}/stance`), { stance: 'support' });
    expect([stance.statusCode, errCode(stance)]).toEqual([403, 'not_open_to_you']);
    const answer = await w.unverified.put(url(`/questions/${single.id}/answer`), { options: [0] });
    expect([answer.statusCode, errCode(answer)]).toEqual([403, 'not_open_to_you']);
    const view = ok<CovenantView>(await w.unverified.get(url()), 'view');
    expect(view.participation).toEqual({ groups: [], allowed: [] });
    const verified = ok<CovenantView>(await w.verified.get(url()), 'verified view');
    expect(verified.participation).toEqual({ groups: ['verified_resident', 'household_representative'], allowed: ['comment'] });
  });

  it('anchors comments to articles, masks names for other residents, and shows each its handling', async () => {
    const mine = ok<CommentView>(await w.verified.post(url('/comments'), { versionId: v.id, articleId: article(4).id, text: '建议允许在指定区域种花' }), 'c1');
    expect(mine).toMatchObject({ authorName: '王秀英', mine: true, articleNumber: 4, versionNumber: 1, handling: null });
    const whole = ok<CommentView>(await w.verified.post(url('/comments'), { versionId: v.id, text: '整体很好，希望多宣传' }), 'c2');
    expect(whole.articleId).toBeNull();
    const staffs = ok<CommentView>(await w.staff.post(url('/comments'), { versionId: v.id, articleId: article(3).id, text: '补充分类时间' }), 'c3');
    await expectComment(w.org, { versionId: v.id, articleId: article(3).id, text: '物业可以配合' });

    ok(await w.staff.post(url(`/comments/${mine.id}/handling`), { handling: 'partly', reason: '允许在指定区域种花，其余仍禁止' }), 'h1');
    ok(await w.staff.post(url(`/comments/${whole.id}/handling`), { handling: 'adopted', reason: '将张贴在各楼栋' }), 'h2');
    ok(await w.admin.post(url(`/comments/${staffs.id}/handling`), { handling: 'not', reason: '分类时间由街道统一规定' }), 'h3');
    const badHandling = await w.staff.post(url(`/comments/${mine.id}/handling`), { handling: 'maybe', reason: '不行' });
    expect([badHandling.statusCode, errCode(badHandling)]).toEqual([400, 'validation_failed']);

    const seenByOther = ok<CommentPage>(await w.unverified.get(url('/comments')), 'page');
    expect(seenByOther.total).toBe(4);
    expect(seenByOther.items.map((i) => [i.authorName, i.handling])).toEqual([
      // The organisation representative holds no organisation post here, so speaks under the account name.
      ['用*', null],
      ['用*', 'not'],
      ['王*', 'adopted'],
      ['王*', 'partly'],
    ]);
    expect(seenByOther.items[3]).toMatchObject({ handlingReason: '允许在指定区域种花，其余仍禁止', handledInVersionNumber: 1, mine: false });
    const seenByStaff = ok<CommentPage>(await w.staff.get(url(`/comments?articleId=${article(3).id}`)), 'article page');
    expect(seenByStaff.items.map((i) => i.authorName)).toEqual(['用户6', '用户3']);
    expect(ok<CommentPage>(await w.staff.get(url('/comments?handling=unhandled')), 'unhandled').total).toBe(1);
    const own = ok<CommentPage>(await w.verified.get(url('/comments?mine=true')), 'mine');
    expect(own.items.map((i) => [i.text, i.mine, i.handling])).toEqual([
      ['整体很好，希望多宣传', true, 'adopted'],
      ['建议允许在指定区域种花', true, 'partly'],
    ]);
    expect(ok<CommentPage>(await w.unverified.get(url('/comments?mine=true')), 'none of mine').total).toBe(0);
    const version = ok<VersionView>(await w.verified.get(url(`/versions/${v.id}`)), 'version');
    expect(version.articles.map((a) => a.comments)).toEqual([0, 0, 2, 1]);
    expect((await auditActions(t, 'covenant.comment_handled')).length).toBe(3);
  });

  async function expectComment(api: CW['org'], body: object) {
    const res = await api.post(url('/comments'), body);
    expect(res.statusCode, res.body).toBe(201);
  }

  it('counts support and oppose per article: set, change and clear', async () => {
    const put = async (api: CW['verified'], n: number, stance: string | null) => ok<StanceResult>(await api.put(url(`/articles/${article(n).id}/stance`), { stance }), 'stance');
    expect(await put(w.verified, 1, 'support')).toEqual({ support: 1, oppose: 0, myStance: 'support' });
    expect(await put(w.org, 1, 'support')).toEqual({ support: 2, oppose: 0, myStance: 'support' });
    expect(await put(w.verified, 1, 'oppose')).toEqual({ support: 1, oppose: 1, myStance: 'oppose' });
    expect(await put(w.verified, 2, 'support')).toEqual({ support: 1, oppose: 0, myStance: 'support' });
    expect(await put(w.verified, 1, null)).toEqual({ support: 1, oppose: 0, myStance: null });
    const version = ok<VersionView>(await w.verified.get(url(`/versions/${v.id}`)), 'version');
    expect(version.articles.map((a) => [a.support, a.oppose, a.myStance])).toEqual([
      [1, 0, null],
      [1, 0, 'support'],
      [0, 0, null],
      [0, 0, null],
    ]);
    const other = await w.verified.put(`/covenants/${c.id}/articles/${newId()}/stance`, { stance: 'support' });
    expect(other.statusCode).toBe(404);
  });

  it('answers single and multiple choice questions, replacing an earlier answer', async () => {
    const bad = async (q: QuestionView, options: number[]) => {
      const res = await w.verified.put(url(`/questions/${q.id}/answer`), { options });
      expect([res.statusCode, errCode(res)], JSON.stringify(options)).toEqual([400, 'covenant_answer_invalid']);
    };
    await bad(single, [0, 1]);
    await bad(single, [2]);
    await bad(multiple, [1, 1]);
    expect(ok<QuestionView>(await w.verified.put(url(`/questions/${single.id}/answer`), { options: [1] }), 'a1')).toMatchObject({ myAnswer: [1], respondents: 1 });
    expect(ok<QuestionView>(await w.verified.put(url(`/questions/${single.id}/answer`), { options: [0] }), 'a1 again')).toMatchObject({ myAnswer: [0], respondents: 1 });
    ok(await w.org.put(url(`/questions/${single.id}/answer`), { options: [0] }), 'a1 org');
    ok(await w.verified.put(url(`/questions/${multiple.id}/answer`), { options: [2, 0] }), 'a2');
    const { items } = ok<{ items: QuestionView[] }>(await w.verified.get(url('/questions')), 'questions');
    expect(items.map((q) => [q.multiple, q.options.map((o) => o.count), q.respondents, q.myAnswer])).toEqual([
      [false, [2, 0], 2, [0]],
      [true, [1, 0, 1], 1, [0, 2]],
    ]);
    expect(items[1]!.articleId).toBe(article(3).id);
    const late = await w.staff.post(url('/questions'), { versionId: v.id, text: '只有一个选项', options: ['是'] });
    expect([late.statusCode, errCode(late)]).toEqual([400, 'validation_failed']);
  });

  it('pages 5,000 comments newest first with the before cursor, quickly', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      id: newId(),
      covenant_id: c.id,
      version_id: v.id,
      article_id: article((i % 4) + 1).id,
      author_user_id: w.verifiedUserId,
      resident_id: w.residentId,
      household_id: w.householdId,
      organisation_id: null,
      author_name: '王秀英',
      text: `第${i}条意见`,
      handling: null,
      handling_reason: null,
      handled_in_version_id: null,
      handled_by: null,
      handled_at: null,
      created_at: t.clock.now().toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 200) await t.deps.db.insertInto('covenant_comments').values(rows.slice(i, i + 200)).execute();
    const started = Date.now();
    const first = ok<CommentPage>(await w.staff.get(url(`/comments?articleId=${article(2).id}&limit=50`)), 'first');
    const second = ok<CommentPage>(await w.staff.get(url(`/comments?articleId=${article(2).id}&limit=50&before=${first.nextBefore}`)), 'second');
    const version = ok<VersionView>(await w.staff.get(url(`/versions/${v.id}`)), 'version');
    const elapsed = Date.now() - started;
    expect(first.total).toBe(1250);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]!.text).toBe('第4997条意见');
    expect(second.items[0]!.text).toBe('第4797条意见');
    expect(second.items.every((i) => i.id < first.nextBefore!)).toBe(true);
    expect(version.articles.map((a) => a.comments)).toEqual([1250, 1250, 1252, 1251]);
    expect(elapsed).toBeLessThan(2000);
  });

  it('closes comments outside consultation and refuses handling before it', async () => {
    ok(await w.staff.post(url('/advance'), { to: 'revision' }), 'revision');
    const res = await w.verified.post(url('/comments'), { versionId: v.id, text: '还能评论吗' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'wrong_phase']);
    const q = await w.staff.post(url('/questions'), { versionId: v.id, text: '修订期提问', options: ['是', '否'] });
    expect([q.statusCode, errCode(q)]).toEqual([409, 'wrong_phase']);
  });
});

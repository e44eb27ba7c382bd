import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perMille, reviewResult, type PublicReviewList, type ReviewLevel, type ReviewResults, type ReviewRoundView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp } from '../../test/fixtures.js';
import { errCode, form, ok, openRound, reviewsWorld, type RW, type T } from './test/world.js';

describe('the result rule (integers only)', () => {
  const r = (good: number, fair: number, poor: number) => reviewResult({ good, fair, poor });
  it('is unfit only when unfit ratings are more than half', () => {
    expect(r(0, 2, 2)).toBe('fair'); // exactly half unfit is not unfit
    expect(r(2, 0, 2)).toBe('good'); // … and half competent is competent
    expect(r(1, 1, 3)).toBe('poor');
    expect(r(0, 0, 1)).toBe('poor');
    expect(r(3, 3, 0)).toBe('good');
    expect(r(2, 3, 0)).toBe('fair');
    expect(r(0, 0, 0)).toBeNull();
  });
  it('gives shares in per mille, rounded half up', () => {
    expect([perMille(1, 3), perMille(2, 3), perMille(1, 8), perMille(0, 0)]).toEqual([333, 667, 125, 0]);
  });
});

type Levels = Record<string, ReviewLevel>;

describe.each(dialects)('reviews: results, the two-round flag and publication (%s)', (dialect) => {
  let t: T;
  let w: RW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await reviewsWorld(t);
  });
  afterAll(() => t.close());

  /** Five forms: the two online representatives, then the three on paper. `skip` leaves subjects blank on a form. */
  async function rate(r: ReviewRoundView, forms: Levels[], skip: string[][] = []) {
    const body = (i: number) => {
      const f = form(r, 'good', forms[i]);
      return { ratings: f.ratings.filter((x) => !(skip[i] ?? []).includes(r.subjects.find((s) => s.id === x.subjectId)!.name)) };
    };
    ok(await w.resident.post(`/my-reviews/${r.id}/form`, { ...body(0), ratings: body(0).ratings.map((x, i) => (i === 0 ? { ...x, comment: '工作认真，电话13812345678随时能找到' } : x)) }), 'f0');
    ok(await w.resident2.post(`/my-reviews/${r.id}/form`, body(1)), 'f1');
    for (let i = 2; i < forms.length; i++) ok(await w.staff.post(`/reviews/${r.id}/paper-forms`, { representativeId: w.reps.paper[i - 2], ...body(i) }), `f${i}`);
  }

  const by = (res: ReviewResults, name: string) => res.subjects.find((s) => s.name === name)!;
  let first: ReviewRoundView;

  it('counts each level per subject over the forms that rated it', async () => {
    first = await openRound(t, w, { title: '2025年度民主评议', period: '2025年度' });
    expect(errCode(await w.staff.get(`/reviews/${first.id}/results`))).toBe('review_wrong_status');
    await rate(
      first,
      [{ 王建国: 'poor', 陈志强: 'poor', 为老服务: 'fair' }, { 王建国: 'poor', 陈志强: 'poor', 为老服务: 'poor' }, { 王建国: 'poor', 刘芳: 'poor', 陈志强: 'fair' }, { 刘芳: 'poor', 陈志强: 'fair' }, {}],
      [[], [], [], [], ['陈志强']],
    );
    ok(await w.staff.post(`/reviews/${first.id}/close`), 'close');
    const res = ok<ReviewResults>(await w.staff.get(`/reviews/${first.id}/results`), 'results');
    expect(res.round.turnout).toEqual({ returned: 5, online: 2, paper: 3, representatives: 5 });
    expect(by(res, '王建国')).toMatchObject({ counts: { good: 2, fair: 0, poor: 3 }, rated: 5, shares: { good: 400, fair: 0, poor: 600 }, result: 'poor', flagged: false });
    expect(by(res, '刘芳')).toMatchObject({ counts: { good: 3, fair: 0, poor: 2 }, result: 'good' });
    // Exactly half unfit (2 of the 4 forms that rated him) is not unfit.
    expect(by(res, '陈志强')).toMatchObject({ counts: { good: 0, fair: 2, poor: 2 }, rated: 4, result: 'fair', flagged: false });
    expect(by(res, '为老服务')).toMatchObject({ kind: 'service', counts: { good: 3, fair: 1, poor: 1 }, result: 'good' });
    // Staff read comments with personal numbers masked.
    expect(by(res, '王建国').comments).toEqual(['工作认真，电话138****5678随时能找到']);
    expect(res.previousRound).toBeNull();
  });

  it('publishes a closed round to the portal: counts, results, masked names, comments only when chosen', async () => {
    expect((await t.app.inject({ url: `/api/v1/public/reviews/${first.id}` })).statusCode).toBe(404);
    const published = ok<ReviewRoundView>(await w.staff.post(`/reviews/${first.id}/publish`, { publishComments: false }), 'publish');
    expect(published).toMatchObject({ status: 'published', publishComments: false });
    const pub = ok<ReviewResults>(await t.app.inject({ url: `/api/v1/public/reviews/${first.id}` }), 'public');
    expect(pub.subjects.map((s) => s.name)).toEqual(['王*', '刘*', '陈*', '为老服务', '环境卫生', '便民服务']);
    expect(pub.subjects[0]).toMatchObject({ counts: { good: 2, fair: 0, poor: 3 }, result: 'poor', comments: [] });
    expect(JSON.stringify(pub)).not.toMatch(/张大明|李小红|孙代表|13812345678/);
    const list = ok<PublicReviewList>(await t.app.inject({ url: `/api/v1/public/communities/${t.world.a.id}/reviews` }), 'list');
    expect(list).toMatchObject({ communityName: '甲社区', items: [{ id: first.id, title: '2025年度民主评议', flagged: 0 }] });
    expect((await t.app.inject({ url: `/api/v1/public/communities/${t.world.g1.grid.id}/reviews` })).statusCode).toBe(404);
  });

  it('flags a member judged unfit in two consecutive published rounds, matched by name and post', async () => {
    t.clock.advanceMinutes(8 * 24 * 60);
    const second = await openRound(t, w, { title: '2026年度民主评议', period: '2026年度' });
    await rate(second, [{ 王建国: 'poor', 刘芳: 'poor' }, { 王建国: 'poor', 刘芳: 'poor' }, { 王建国: 'poor', 刘芳: 'poor' }, {}, {}]);
    ok(await w.staff.post(`/reviews/${second.id}/close`), 'close');
    const res = ok<ReviewResults>(await w.staff.get(`/reviews/${second.id}/results`), 'results');
    expect(res.previousRound).toMatchObject({ id: first.id, period: '2025年度' });
    // 王建国: unfit in both; 刘芳: unfit now but competent before; 陈志强: fair before.
    expect(by(res, '王建国')).toMatchObject({ result: 'poor', flagged: true });
    expect(by(res, '刘芳')).toMatchObject({ result: 'poor', flagged: false });
    expect(by(res, '陈志强')).toMatchObject({ result: 'good', flagged: false });
    ok(await w.staff.post(`/reviews/${second.id}/publish`, { publishComments: true }), 'publish');
    const pub = ok<ReviewResults>(await t.app.inject({ url: `/api/v1/public/reviews/${second.id}` }), 'public');
    expect(pub.subjects.find((s) => s.post === 'chair')).toMatchObject({ name: '王*', flagged: true, comments: ['工作认真，电话138****5678随时能找到'] });
    const list = ok<PublicReviewList>(await t.app.inject({ url: `/api/v1/public/communities/${t.world.a.id}/reviews` }), 'list');
    expect(list.items.map((i) => [i.id, i.flagged])).toEqual([
      [second.id, 1],
      [first.id, 0],
    ]);
    // A third round compares with the second only: a member unfit again is flagged; one unfit once before is not.
    t.clock.advanceMinutes(8 * 24 * 60);
    const third = await openRound(t, w, { title: '2027年度民主评议', period: '2027年度' });
    await rate(third, [{ 刘芳: 'poor', 陈志强: 'poor' }, { 刘芳: 'poor', 陈志强: 'poor' }, { 刘芳: 'poor', 陈志强: 'poor' }, {}, {}]);
    ok(await w.staff.post(`/reviews/${third.id}/close`), 'close');
    const res3 = ok<ReviewResults>(await w.staff.get(`/reviews/${third.id}/results`), 'results');
    expect(by(res3, '刘芳').flagged).toBe(true);
    expect(by(res3, '陈志强').flagged).toBe(false);
    expect(by(res3, '王建国').flagged).toBe(false);
  });

  it('keeps results and rounds out of reach of other communities and of drafts on the portal', async () => {
    const draft = ok<ReviewRoundView>(await w.staff.post('/reviews', { title: '草稿评议', period: '2028年度', opensAt: t.clock.now().toISOString(), closesAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() }), 'draft');
    expect((await t.app.inject({ url: `/api/v1/public/reviews/${draft.id}` })).statusCode).toBe(404);
    expect((await w.resident.get(`/my-reviews/${draft.id}`)).statusCode).toBe(404);
    const rounds = ok<{ items: { id: string }[] }>(await w.staff.get('/reviews?status=published'), 'published');
    expect(rounds.items).toHaveLength(2);
    // The clock has moved on by weeks: a fresh session for B's admin.
    const adminB = await sessionFor(t.app, t.world.adminB);
    expect((await t.app.inject({ url: `/api/v1/reviews/${rounds.items[0]!.id}/results`, headers: adminB.headers })).statusCode).toBe(404);
  });
});

describe.each(dialects)('reviews: the flag follows the person by resident record (%s)', (dialect) => {
  let t: T;
  let w: RW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await reviewsWorld(t);
  });
  afterAll(() => t.close());

  it('flags a member unfit twice even after a change of post, and not a namesake', async () => {
    const resident = await t.deps.db.selectFrom('residents').select('id').where('user_id', '=', t.world.users.resident).executeTakeFirstOrThrow();
    const post = await w.post({ organisationId: w.committeeId, residentId: resident.id, role: 'committee_member' });
    const poorly = async (title: string, names: string[]) => {
      const r = await openRound(t, w, { title, services: [] });
      const by = Object.fromEntries(names.map((n) => [n, 'poor' as ReviewLevel]));
      ok(await w.resident.post(`/my-reviews/${r.id}/form`, form(r, 'good', by)), 'f0');
      ok(await w.resident2.post(`/my-reviews/${r.id}/form`, form(r, 'good', by)), 'f1');
      ok(await w.staff.post(`/reviews/${r.id}/paper-forms`, { representativeId: w.reps.paper[0], ...form(r, 'good', by) }), 'f2');
      ok(await w.staff.post(`/reviews/${r.id}/close`), 'close');
      return r;
    };
    const first = await poorly('2025年度民主评议', ['张大明', '刘芳']);
    ok(await w.staff.post(`/reviews/${first.id}/publish`, {}), 'publish');
    // 张大明 moves from 委员 to 副主任; a newcomer shares 刘芳's name but not her post.
    ok(await w.staff.post(`/memberships/${post}/end`, {}), 'end');
    await w.post({ organisationId: w.committeeId, residentId: resident.id, role: 'vice_chair' });
    await w.post({ organisationId: w.committeeId, personName: '刘芳', role: 'part_time_member' });
    t.clock.advanceMinutes(8 * 24 * 60);
    const second = await poorly('2026年度民主评议', ['张大明', '刘芳']);
    const res = ok<ReviewResults>(await w.staff.get(`/reviews/${second.id}/results`), 'results');
    expect(res.subjects.find((s) => s.name === '张大明')).toMatchObject({ post: 'vice_chair', result: 'poor', flagged: true });
    // Without resident records, name and post match: the committee member 刘芳 is flagged, her namesake is not.
    expect(res.subjects.filter((s) => s.name === '刘芳').map((s) => [s.post, s.flagged])).toEqual([
      ['committee_member', true],
      ['part_time_member', false],
    ]);
  });
});

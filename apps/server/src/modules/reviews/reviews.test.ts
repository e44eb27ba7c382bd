import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { MyReviewView, ReviewRoundView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, form, ok, openRound, reviewsWorld, roundBody, type RW, type T } from './test/world.js';

describe.each(dialects)('reviews: rounds and representatives’ forms (%s)', (dialect) => {
  let t: T;
  let w: RW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await reviewsWorld(t);
  });
  afterAll(() => t.close());

  it("takes the committee's current members and the named services as subjects, and runs draft → open → closed", async () => {
    const draft = ok<ReviewRoundView>(await w.staff.post('/reviews', roundBody(t)), 'create');
    expect(draft).toMatchObject({ status: 'draft', communityId: t.world.a.id, communityName: '甲社区', can: { manage: true } });
    expect(draft.subjects.map((s) => [s.kind, s.name, s.post])).toEqual([
      ['member', '王建国', 'chair'],
      ['member', '刘芳', 'committee_member'],
      ['member', '陈志强', 'committee_member'],
      ['service', '为老服务', null],
      ['service', '环境卫生', null],
      ['service', '便民服务', null],
    ]);
    // Representatives and ended posts are not subjects; a draft's edit takes the posts again.
    ok(await w.staff.post(`/memberships/${w.members.member2}/end`, {}), 'end post');
    const edited = ok<ReviewRoundView>(await w.staff.put(`/reviews/${draft.id}`, roundBody(t, { services: ['环境卫生'] })), 'edit');
    expect(edited.subjects.map((s) => s.name)).toEqual(['王建国', '刘芳', '环境卫生']);
    const opened = ok<ReviewRoundView>(await w.staff.post(`/reviews/${draft.id}/open`), 'open');
    expect(opened.turnout).toEqual({ returned: 0, online: 0, paper: 0, representatives: 5 });
    expect((await w.staff.put(`/reviews/${draft.id}`, roundBody(t))).statusCode).toBe(409);
    expect(errCode(await w.staff.post(`/reviews/${draft.id}/publish`, {}))).toBe('review_wrong_status');
    const closed = ok<ReviewRoundView>(await w.admin.post(`/reviews/${draft.id}/close`), 'close');
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(errCode(await w.staff.post(`/reviews/${draft.id}/close`))).toBe('review_wrong_status');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', draft.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['review.created', 'review.updated', 'review.opened', 'review.closed']);
  });

  it('lets only current representatives rate, once, online while open, and staff enter paper forms', async () => {
    const r = await openRound(t, w);
    const mine = ok<{ items: { id: string; canRate: boolean; returned: boolean }[] }>(await w.resident.get('/my-reviews'), 'mine');
    expect(mine.items.find((i) => i.id === r.id)).toMatchObject({ canRate: true, returned: false });
    const view = ok<MyReviewView>(await w.resident.get(`/my-reviews/${r.id}`), 'view');
    expect(view.subjects).toHaveLength(r.subjects.length);
    expect((await w.resident.post(`/my-reviews/${r.id}/form`, form(r, 'good'))).statusCode).toBe(201);
    expect(errCode(await w.resident.post(`/my-reviews/${r.id}/form`, form(r, 'poor')))).toBe('review_already_returned');
    expect(ok<MyReviewView>(await w.resident.get(`/my-reviews/${r.id}`), 'after')).toMatchObject({ returned: true, canRate: false });
    // Not a representative: a signed-in account without a post, an organisation, staff; another community: 404.
    expect(errCode(await w.unverified.post(`/my-reviews/${r.id}/form`, form(r, 'good')))).toBe('review_not_a_representative');
    expect(errCode(await w.org.post(`/my-reviews/${r.id}/form`, form(r, 'good')))).toBe('review_not_a_representative');
    expect(errCode(await w.staff.get(`/my-reviews/${r.id}`))).toBe('review_not_a_representative');
    expect((await w.residentB.post(`/my-reviews/${r.id}/form`, form(r, 'good'))).statusCode).toBe(404);
    expect(ok<{ items: unknown[] }>(await w.unverified.get('/my-reviews'), 'none').items).toEqual([]);
    // Paper: only a current representative post of the community, and not one already on the roll.
    const paper = { representativeId: w.reps.paper[0], ...form(r, 'fair') };
    expect((await w.staff.post(`/reviews/${r.id}/paper-forms`, paper)).statusCode).toBe(201);
    expect(errCode(await w.staff.post(`/reviews/${r.id}/paper-forms`, paper))).toBe('review_already_returned');
    expect(errCode(await w.staff.post(`/reviews/${r.id}/paper-forms`, { ...paper, representativeId: w.reps.resident }))).toBe('review_already_returned');
    expect(errCode(await w.staff.post(`/reviews/${r.id}/paper-forms`, { ...paper, representativeId: w.members.chair }))).toBe('review_representative_invalid');
    expect((await w.resident.post(`/reviews/${r.id}/paper-forms`, { ...paper, representativeId: w.reps.paper[1] })).statusCode).toBe(403);
    const reps = ok<{ items: { id: string; returned: boolean }[] }>(await w.staff.get(`/reviews/${r.id}/representatives`), 'reps');
    expect(reps.items.filter((i) => i.returned).map((i) => i.id).sort()).toEqual([w.reps.resident, w.reps.paper[0]].sort());
    expect(ok<ReviewRoundView>(await w.staff.get(`/reviews/${r.id}`), 'detail').turnout).toEqual({ returned: 2, online: 1, paper: 1, representatives: 5 });
    // An ended post no longer rates.
    ok(await w.staff.post(`/memberships/${w.reps.resident2}/end`, {}), 'end');
    expect(errCode(await w.resident2.post(`/my-reviews/${r.id}/form`, form(r, 'good')))).toBe('review_not_a_representative');
    ok(await w.staff.post('/memberships', { communityId: t.world.a.id, userId: (await w.resident2.get('/me')).json().id, role: 'representative' }), 'restore');
  });

  it('takes online forms only within the dates, and none once closed', async () => {
    const later = ok<ReviewRoundView>(
      await w.staff.post('/reviews', roundBody(t, { opensAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), closesAt: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString() })),
      'create',
    );
    ok(await w.staff.post(`/reviews/${later.id}/open`), 'open');
    expect(errCode(await w.resident2.post(`/my-reviews/${later.id}/form`, form(later, 'good')))).toBe('review_not_open_now');
    t.clock.advanceMinutes(24 * 60 + 1);
    expect((await w.resident2.post(`/my-reviews/${later.id}/form`, form(later, 'good'))).statusCode).toBe(201);
    t.clock.advanceMinutes(2 * 24 * 60);
    expect(errCode(await w.resident.post(`/my-reviews/${later.id}/form`, form(later, 'good')))).toBe('review_not_open_now');
    ok(await w.staff.post(`/reviews/${later.id}/close`), 'close');
    expect(errCode(await w.staff.post(`/reviews/${later.id}/paper-forms`, { representativeId: w.reps.paper[1], ...form(later, 'good') }))).toBe('review_wrong_status');
  });

  it('stores ratings with random ids and no rater: nothing links a rating to the roll', async () => {
    const r = await openRound(t, w);
    ok(await w.resident.post(`/my-reviews/${r.id}/form`, form(r, 'poor')), 'online');
    ok(await w.staff.post(`/reviews/${r.id}/paper-forms`, { representativeId: w.reps.paper[2], ...form(r, 'good') }), 'paper');
    const ratings = await t.deps.db.selectFrom('review_ratings').selectAll().where('round_id', '=', r.id).execute();
    expect(ratings).toHaveLength(2 * r.subjects.length);
    expect(Object.keys(ratings[0]!).sort()).toEqual(['comment', 'id', 'level', 'round_id', 'subject_id']);
    // Version-4 ids carry no time to line up with the roll's.
    for (const x of ratings) expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('target_id', '=', r.id).execute();
    const forms = audit.filter((a) => a.action.includes('form'));
    expect(forms).toHaveLength(2);
    for (const a of forms) expect(a.after_json).not.toMatch(/good|poor|fair|subject/);
    const roll = await t.deps.db.selectFrom('review_roll').selectAll().where('round_id', '=', r.id).execute();
    expect(Object.keys(roll[0]!).sort()).toEqual(['channel', 'recorded_by', 'representative_id', 'returned_at', 'round_id']);
    // Nor does the order they are stored in: SQLite keeps no insertion-ordered rowid, and on PostgreSQL closing
    // rewrites the round's ratings in random-id order in one transaction (heap order and xmin say nothing).
    if (dialect === 'sqlite') expect(() => t.deps.handle.sqlite!.prepare('select rowid from review_ratings').all()).toThrow(/rowid/);
    ok(await w.admin.post(`/reviews/${r.id}/close`), 'close');
    if (dialect === 'postgres') {
      const stored = await sql<{ id: string; x: string }>`select id, xmin::text as x from review_ratings where round_id = ${r.id} order by ctid`.execute(t.deps.db);
      expect(stored.rows.map((x) => x.id)).toEqual(ratings.map((x) => x.id).sort());
      expect(new Set(stored.rows.map((x) => x.x)).size).toBe(1);
    }
  });

  it('scopes rounds to the community and refuses other communities with 404', async () => {
    const r = await openRound(t, w);
    expect((await w.adminB.get(`/reviews/${r.id}`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/reviews/${r.id}/close`)).statusCode).toBe(404);
    expect(ok<{ items: { id: string }[] }>(await w.adminB.get('/reviews'), 'B').items.map((i) => i.id)).not.toContain(r.id);
    expect(ok<{ items: { id: string }[] }>(await w.subdistrict.get('/reviews'), 'sd').items.map((i) => i.id)).toContain(r.id);
    expect((await w.grid.get(`/reviews/${r.id}`)).statusCode).toBe(403);
    // The subdistrict names the community; staff of A cannot create in B.
    expect(errCode(await w.subdistrict.post('/reviews', roundBody(t)))).toBe('review_community_required');
    expect((await w.subdistrict.post('/reviews', roundBody(t, { communityId: t.world.b.id }))).statusCode).toBe(201);
    expect(errCode(await w.staff.post('/reviews', roundBody(t, { communityId: t.world.b.id })))).toBe('review_community_required');
  });

  it('answers bad input with 4xx codes and writes nothing', async () => {
    const count = async (table: 'review_rounds' | 'review_ratings' | 'review_roll') =>
      Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await count('review_rounds'), await count('review_ratings'), await count('review_roll')];
    const bad = await w.staff.post('/reviews', roundBody(t, { closesAt: t.clock.now().toISOString() }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('review_period_invalid');
    expect((await w.staff.post('/reviews', roundBody(t, { services: ['环境卫生', '环境卫生'] }))).statusCode).toBe(400);
    expect((await w.staff.post('/reviews', roundBody(t, { title: 'x\u0000y' }))).statusCode).toBe(400);
    expect((await w.staff.post('/reviews', roundBody(t, { opensAt: 'tomorrow' }))).statusCode).toBe(400);
    const r = await openRound(t, w);
    const mid = [await count('review_rounds'), await count('review_ratings'), await count('review_roll')];
    expect(mid).toEqual([before[0]! + 1, before[1], before[2]]);
    const good = form(r, 'good');
    expect((await w.resident.post(`/my-reviews/${r.id}/form`, { ratings: [] })).statusCode).toBe(400);
    expect((await w.resident.post(`/my-reviews/${r.id}/form`, { ratings: [{ ...good.ratings[0], level: 'excellent' }] })).statusCode).toBe(400);
    expect(errCode(await w.resident.post(`/my-reviews/${r.id}/form`, { ratings: [good.ratings[0], good.ratings[0]] }))).toBe('review_subject_invalid');
    const other = await openRound(t, w);
    expect(errCode(await w.resident.post(`/my-reviews/${r.id}/form`, { ratings: [{ subjectId: other.subjects[0]!.id, level: 'good' }] }))).toBe('review_subject_invalid');
    expect((await w.staff.get('/reviews/0192f0e0-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect([await count('review_rounds'), await count('review_ratings'), await count('review_roll')]).toEqual([mid[0]! + 1, mid[1], mid[2]]);
    // A round with nothing to rate does not open.
    ok(await w.staff.post(`/organisations/${w.committeeId}/retire`, {}), 'retire committee');
    const empty = ok<ReviewRoundView>(await w.staff.post('/reviews', roundBody(t, { services: [] })), 'empty');
    expect(errCode(await w.staff.post(`/reviews/${empty.id}/open`))).toBe('review_no_subjects');
  });
});

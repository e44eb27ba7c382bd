import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequestSettings } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { auditFor, detail, errCode, notificationsFor, ok, people, photo, stepsOf, submit, type People, type RequestDetail, type T } from './test/factories.js';

describe.each(dialects)('request lifecycle (%s)', (dialect) => {
  let t: T;
  let p: People;
  const row = (id: string) => t.deps.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const assignments = (id: string) => t.deps.db.selectFrom('request_assignments').selectAll().where('request_id', '=', id).orderBy('assigned_at').orderBy('id').execute();
  const inApp = async (id: string, userId: string) => (await notificationsFor(t, id)).filter((n) => n.channel === 'in_app' && n.recipient_user_id === userId);
  const toOrg = () => ({ assignees: [{ kind: 'organisation', organisationId: p.orgId }] });
  const toGrid = () => ({ assignees: [{ kind: 'user', userId: t.world.users.grid_worker }] });

  beforeAll(async () => {
    t = await testApp(dialect);
    p = await people(t);
  });
  afterAll(() => t.close());

  it('runs the whole way: dispatch, accept, reply, a dissatisfied rating that reopens it, a second answer, rating, close', async () => {
    const { id } = await submit(p.resident, { text: '楼顶漏水，家里墙面发霉', placeId: t.world.g1.dwelling.id });
    // Several handlers need exactly one lead.
    const both = [{ kind: 'organisation', organisationId: p.orgId }, { kind: 'user', userId: t.world.users.grid_worker }];
    let res = await p.staff.post(`/requests/${id}/dispatch`, { assignees: both });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'lead_required']);
    res = await p.staff.post(`/requests/${id}/dispatch`, { assignees: [{ kind: 'user', userId: t.world.users.resident }] });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'assignee_invalid']);
    let d = ok<RequestDetail>(await p.staff.post(`/requests/${id}/dispatch`, { assignees: [{ ...both[0], lead: true }, both[1]], note: '物业牵头，网格员配合' }), 'dispatch');
    expect(d).toMatchObject({ status: 'dispatched', leadHandlerName: '安居物业' });
    expect(d.assignments.map((a) => [a.name, a.lead, a.status])).toEqual([['安居物业', true, 'active'], ['用户4', false, 'active']]);
    expect(await inApp(id, t.world.users.org_representative)).toHaveLength(1);
    expect(await inApp(id, t.world.users.grid_worker)).toHaveLength(1);

    // Only the lead accepts and replies; the other assignee may note.
    res = await p.grid.post(`/requests/${id}/accept`);
    expect([res.statusCode, errCode(res)]).toEqual([403, 'not_a_handler']);
    d = ok<RequestDetail>(await p.rep.post(`/requests/${id}/accept`), 'accept');
    expect(d.status).toBe('in_progress');
    const respondedAt = (await row(id)).responded_at;
    expect(respondedAt).toBe(t.clock.now().toISOString());
    ok(await p.grid.post(`/requests/${id}/notes`, { message: '已上门查看，需物业维修', public: false }), 'note');
    t.clock.advanceMinutes(60);
    d = ok<RequestDetail>(await p.rep.post(`/requests/${id}/reply`, { text: '已安排防水维修，周五完工' }), 'reply');
    expect(d).toMatchObject({ status: 'replied', replyText: '已安排防水维修，周五完工' });

    // The resident sees the answer and rates it; dissatisfied needs a comment and reopens it with its lead.
    let mine = await detail(p.resident, id);
    expect(mine.can).toMatchObject({ rate: true, object: true, withdraw: false });
    expect(mine.steps.map((s) => s.action)).toEqual(['submitted', 'dispatched', 'accepted', 'replied']);
    expect(mine.assignments).toEqual([]);
    res = await p.resident.post(`/requests/${id}/rate`, { rating: 'dissatisfied', resolved: false });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'comment_required']);
    mine = ok<RequestDetail>(await p.resident.post(`/requests/${id}/rate`, { rating: 'dissatisfied', resolved: false, comment: '还在漏' }), 'rate');
    expect(mine).toMatchObject({ status: 'objection', objectionCount: 1, rating: 'dissatisfied' });
    const reopened = await row(id);
    expect(Date.parse(reopened.reply_due_at)).toBeGreaterThan(Date.parse(reopened.replied_at!));
    expect((await assignments(id)).find((a) => a.is_lead === 1)).toMatchObject({ status: 'active', finished_at: null });
    expect(await inApp(id, t.world.users.org_representative)).toHaveLength(2);

    ok(await p.rep.post(`/requests/${id}/accept`), 'accept again');
    expect((await row(id)).responded_at).toBe(respondedAt);
    ok(await p.rep.post(`/requests/${id}/reply`, { text: '重新做了防水层，已不漏' }), 'reply again');
    ok(await p.resident.post(`/requests/${id}/rate`, { rating: 'satisfied', resolved: true }), 'rate again');
    res = await p.resident.post(`/requests/${id}/rate`, { rating: 'satisfied', resolved: true });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'rating_not_open']);
    d = ok<RequestDetail>(await p.admin.post(`/requests/${id}/close`, {}), 'close');
    expect(d.status).toBe('closed');
    expect((await assignments(id)).map((a) => a.status)).toEqual(['done', 'done']);

    const steps = await stepsOf(t, id);
    expect(steps.map((s) => s.action)).toEqual([
      'submitted', 'classified', 'dispatched', 'accepted', 'note', 'replied', 'rated', 'accepted', 'replied', 'rated', 'closed',
    ]);
    expect(steps.map((s) => s.to_status)).toEqual([
      'received', 'received', 'dispatched', 'in_progress', 'in_progress', 'replied', 'objection', 'in_progress', 'replied', 'rated', 'closed',
    ]);
    expect(steps.find((s) => s.action === 'note')).toMatchObject({ public: 0, actor_user_id: t.world.users.grid_worker });
    expect((await auditFor(t, id)).map((a) => a.action)).toEqual([
      'request.created', 'request.dispatched', 'request.accepted', 'request.note', 'request.replied', 'request.rated', 'request.accepted',
      'request.replied', 'request.rated', 'request.closed',
    ]);
    // One message per status change the resident did not make themselves, keyed by its step.
    const told = await inApp(id, t.world.users.resident);
    const changedByOthers = steps.filter((s) => s.from_status !== s.to_status && s.actor_user_id !== t.world.users.resident && s.public === 1);
    expect(told.map((n) => n.dedupe_key).sort()).toEqual(changedByOthers.map((s) => `req:${id}:${s.id}:${t.world.users.resident}`).sort());
  });

  it('goes back to the dispatchers when a handler returns it, and on to someone else', async () => {
    const { id } = await submit(p.resident, { text: '小区健身器材坏了' });
    ok(await p.staff.post(`/requests/${id}/dispatch`, toGrid()), 'dispatch');
    let res = await p.rep.post(`/requests/${id}/return`, { reason: '不是我们的' });
    expect([res.statusCode, errCode(res)]).toEqual([404, 'not_found']);
    const d = ok<RequestDetail>(await p.grid.post(`/requests/${id}/return`, { reason: '属于物业管理范围' }), 'return');
    expect(d.status).toBe('returned');
    expect((await assignments(id))[0]).toMatchObject({ status: 'returned', note: '属于物业管理范围' });
    const toDispatchers = (await notificationsFor(t, id)).filter((n) => n.event === 'request_returned').map((n) => n.recipient_user_id);
    expect(toDispatchers.sort()).toEqual([t.world.users.community_admin, t.world.users.community_staff].sort());
    expect((await detail(p.resident, id)).steps.find((s) => s.action === 'returned')!.message).toBeNull();
    res = await p.grid.post(`/requests/${id}/reply`, { text: '再答复一次' });
    expect([res.statusCode, errCode(res)]).toEqual([403, 'not_a_handler']);
    ok(await p.staff.post(`/requests/${id}/dispatch`, toOrg()), 'dispatch again');
    expect((await assignments(id)).map((a) => a.status)).toEqual(['returned', 'active']);
    ok(await p.rep.post(`/requests/${id}/reply`, { text: '已经修好了' }), 'direct reply from dispatched');
    expect((await row(id)).responded_at).not.toBeNull();
  });

  it('opens objections only within the window, also on a closed request', async () => {
    ok(await p.admin.put(`/request-settings?communityId=${t.world.a.id}`, { ...defaultRequestSettings, objectionDays: 2 }), 'settings');
    const { id } = await submit(p.resident, { text: '楼下饭店油烟太大' });
    ok(await p.staff.post(`/requests/${id}/dispatch`, toOrg()), 'dispatch');
    ok(await p.rep.post(`/requests/${id}/reply`, { text: '已要求安装油烟净化器' }), 'reply');
    ok(await p.resident.post(`/requests/${id}/rate`, { rating: 'basically_satisfied', resolved: true }), 'rate');
    ok(await p.admin.post(`/requests/${id}/close`, {}), 'close');
    let res = await p.resident.post(`/requests/${id}/objection`, { reason: '短' });
    expect(res.statusCode).toBe(400);
    t.clock.advanceMinutes(1440 + 600);
    expect((await detail(p.resident, id)).can.object).toBe(true);
    expect(ok<RequestDetail>(await p.resident.post(`/requests/${id}/objection`, { reason: '油烟又出现了' }), 'object')).toMatchObject({ status: 'objection', objectionCount: 1 });
    expect((await row(id)).closed_at).toBeNull();
    ok(await p.rep.post(`/requests/${id}/accept`), 'accept');
    ok(await p.rep.post(`/requests/${id}/reply`, { text: '已督促整改' }), 'reply');
    t.clock.advanceMinutes(2 * 1440 + 1);
    expect((await detail(p.resident, id)).can.object).toBe(false);
    res = await p.resident.post(`/requests/${id}/objection`, { reason: '还是有油烟' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'objection_window_passed']);
    res = await p.neighbour.post(`/requests/${id}/objection`, { reason: '还是有油烟' });
    expect([res.statusCode, errCode(res)]).toEqual([404, 'not_found']);
  });

  it('merges a duplicate, and tells its resident the answer given to the one it joined', async () => {
    const primary = await submit(p.neighbour, { text: '小区东门的路灯不亮了', placeId: t.world.g1.estate.id });
    const dup = await submit(p.resident, { text: '东门路灯坏了好几天', placeId: t.world.g1.estate.id });
    const other = await submit(p.adminB, { text: '乙社区的路灯也坏了', channel: 'phone', contactName: '郑' });
    let res = await p.admin.post(`/requests/${dup.id}/merge`, { intoId: dup.id });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'merge_invalid']);
    res = await p.admin.post(`/requests/${dup.id}/merge`, { intoId: other.id });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'merge_invalid']);
    expect(ok<RequestDetail>(await p.admin.post(`/requests/${dup.id}/merge`, { intoId: primary.id }), 'merge')).toMatchObject({ status: 'merged', mergedInto: { id: primary.id, number: primary.number } });
    expect((await detail(p.admin, primary.id)).mergedRequests).toEqual([{ id: dup.id, number: dup.number }]);
    res = await p.admin.post(`/requests/${dup.id}/dispatch`, toOrg());
    expect([res.statusCode, errCode(res)]).toEqual([409, 'request_state_conflict']);

    ok(await p.staff.post(`/requests/${primary.id}/dispatch`, toOrg()), 'dispatch');
    ok(await p.rep.post(`/requests/${primary.id}/reply`, { text: '东门路灯已更换灯泡' }), 'reply');
    const mine = await detail(p.resident, dup.id);
    expect(mine).toMatchObject({ status: 'merged', replyText: '东门路灯已更换灯泡' });
    expect(mine.steps.map((s) => [s.action, s.message])).toContainEqual(['replied', '东门路灯已更换灯泡']);
    const told = await inApp(dup.id, t.world.users.resident);
    expect(told.map((n) => n.body).join()).toContain('东门路灯已更换灯泡');
    expect((await detail(p.neighbour, primary.id)).replyText).toBe('东门路灯已更换灯泡');
  });

  it('lets the resident withdraw their own request while it is being handled, once', async () => {
    const { id } = await submit(p.resident, { text: '想问问社区有没有书法班' , kind: 'inquiry' });
    ok(await p.staff.post(`/requests/${id}/dispatch`, toGrid()), 'dispatch');
    let res = await p.neighbour.post(`/requests/${id}/withdraw`, {});
    expect([res.statusCode, errCode(res)]).toEqual([404, 'not_found']);
    res = await p.staff.post(`/requests/${id}/withdraw`, {});
    expect(res.statusCode).toBe(403);
    expect(ok<RequestDetail>(await p.resident.post(`/requests/${id}/withdraw`, { reason: '已经找到了' }), 'withdraw').status).toBe('withdrawn');
    expect((await assignments(id)).map((a) => a.status)).toEqual(['removed']);
    res = await p.resident.post(`/requests/${id}/withdraw`, {});
    expect([res.statusCode, errCode(res)]).toEqual([409, 'request_state_conflict']);
  });

  it('lets a grid worker resolve a new request on the spot only in their grid; phone requests get a callback', async () => {
    const inGrid = await submit(p.resident, { text: '楼道灯不亮', placeId: t.world.g1.building.id });
    const ph = await photo(p.grid, 'fixed');
    const d = ok<RequestDetail>(await p.grid.post(`/requests/${inGrid.id}/self-resolve`, { text: '已更换楼道灯泡', photoIds: [ph.id] }), 'self-resolve');
    expect(d).toMatchObject({ status: 'closed', selfResolved: true, replyText: '已更换楼道灯泡' });
    expect(d.steps.at(-1)!.photos.map((x) => x.id)).toEqual([ph.id]);
    const r = await row(inGrid.id);
    expect([r.responded_at, r.replied_at, r.closed_at]).toEqual([r.updated_at, r.updated_at, r.updated_at]);

    const elsewhere = await submit(p.neighbour, { text: '二网格的楼道灯也不亮', placeId: t.world.g2.building.id });
    let res = await p.grid.post(`/requests/${elsewhere.id}/self-resolve`, { text: '已处理好了' });
    expect([res.statusCode, errCode(res)]).toEqual([404, 'not_found']);
    // Sent there, the grid worker sees it, but closing it on the spot stays with that grid.
    ok(await p.staff.post(`/requests/${elsewhere.id}/dispatch`, toGrid()), 'dispatch');
    res = await p.grid.post(`/requests/${elsewhere.id}/self-resolve`, { text: '已处理好了' });
    expect([res.statusCode, errCode(res)]).toEqual([403, 'forbidden']);

    const byPhone = await submit(p.staff, { text: '电话反映：门口井盖松动', channel: 'phone', contactName: '冯', placeId: t.world.g1.estate.id });
    ok(await p.staff.post(`/requests/${byPhone.id}/self-resolve`, { text: '已通知维修并加固' }), 'staff self-resolve');
    const callbacks = await t.deps.db.selectFrom('request_callbacks').selectAll().where('request_id', '=', byPhone.id).execute();
    expect(callbacks).toMatchObject([{ status: 'open', assigned_user_id: t.world.users.community_staff }]);
    expect(await t.deps.db.selectFrom('request_callbacks').selectAll().where('request_id', '=', inGrid.id).execute()).toEqual([]);
  });

  it('lets only one of two simultaneous dispatches, and one of two accepts, win', async () => {
    const { id } = await submit(p.resident, { text: '邻居装修噪音扰民' });
    const dispatched = await Promise.all([p.staff.post(`/requests/${id}/dispatch`, toOrg()), p.admin.post(`/requests/${id}/dispatch`, toGrid())]);
    expect(dispatched.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(errCode(dispatched.find((r) => r.statusCode === 409)!)).toBe('request_state_conflict');
    expect((await assignments(id)).filter((a) => a.status === 'active')).toHaveLength(1);
    const lead = (await assignments(id))[0]!.organisation_id ? p.rep : p.grid;
    const accepted = await Promise.all([lead.post(`/requests/${id}/accept`), lead.post(`/requests/${id}/accept`)]);
    expect(accepted.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await stepsOf(t, id)).filter((s) => s.action === 'accepted')).toHaveLength(1);
  });

  it('keeps staff corrections of the category as labels, recomputes deadlines on urgency, and keeps staff notes from residents', async () => {
    const { id, categoryId } = await submit(p.resident, { text: '家里停水了，什么时候来水' });
    const other = await t.deps.db.selectFrom('request_categories').select('id').where('community_id', '=', t.world.a.id).where('id', '!=', categoryId!).executeTakeFirstOrThrow();
    expect((await p.resident.post(`/requests/${id}/classify`, { categoryId: other.id })).statusCode).toBe(403);
    ok(await p.staff.post(`/requests/${id}/classify`, { categoryId: other.id }), 'classify');
    expect(await row(id)).toMatchObject({ category_id: other.id, category_source: 'staff', category_confidence: null });
    ok(await p.staff.post(`/requests/${id}/urgency`, { urgency: 'emergency', reason: '整栋楼停水' }), 'urgency');
    const r = await row(id);
    expect((Date.parse(r.reply_due_at) - Date.parse(r.created_at)) / 60_000).toBe(120);
    expect((Date.parse(r.dispatch_due_at) - Date.parse(r.created_at)) / 60_000).toBe(60);

    ok(await p.staff.post(`/requests/${id}/dispatch`, toGrid()), 'dispatch');
    const secret = await photo(p.grid, 'internal');
    ok(await p.grid.post(`/requests/${id}/notes`, { message: '内部：阀门老化', public: false, photoIds: [secret.id] }), 'staff note');
    ok(await p.grid.post(`/requests/${id}/notes`, { message: '维修人员已出发', public: true }), 'public note');
    const mine = await detail(p.resident, id);
    expect(mine.steps.map((s) => s.message)).toContain('维修人员已出发');
    expect(mine.steps.map((s) => s.message)).not.toContain('内部：阀门老化');
    expect(mine.steps.map((s) => s.action)).not.toContain('reclassified');
    const url = secret.url.replace('/api/v1', '');
    expect((await p.resident.get(url)).statusCode).toBe(404);
    expect((await p.staff.get(url)).statusCode).toBe(200);
    expect((await p.rep.post(`/requests/${id}/notes`, { message: '看看' })).statusCode).toBe(404);
  });
});

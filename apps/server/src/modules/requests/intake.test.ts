import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequestSettings, type RequestCreated } from '@gongzhi/shared';
import { actorFromToken, openSession } from '../auth/auth.service.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { intakeRequest } from './index.js';
import { auditFor, detail, errCode, notificationsFor, people, photo, png, stepsOf, submit, type People, type T } from './test/factories.js';

const LAMP = '小区门口的路灯坏了一个星期，晚上很黑，老人出门不安全';

describe.each(dialects)('request intake (%s)', (dialect) => {
  let t: T;
  let p: People;
  const pathOf = async (id: string) => (await t.deps.db.selectFrom('places').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  const row = (id: string) => t.deps.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const counter = async () => (await t.deps.db.selectFrom('request_counters').select('last').where('key', '=', 'GZ-2026').executeTakeFirst())?.last ?? 0;
  const requestCount = async () => Number((await t.deps.db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const ftsCount = async () =>
    dialect === 'sqlite' ? Number((await t.deps.db.selectFrom('request_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;

  beforeAll(async () => {
    t = await testApp(dialect);
    p = await people(t);
  });
  afterAll(() => t.close());

  it('takes a resident’s own request: numbered, classified, searchable, with its photo and deadlines', async () => {
    const ph = await photo(p.resident);
    const res = await p.resident.post('/requests', { text: LAMP, kind: 'complaint', placeId: t.world.g1.building.id, photoIds: [ph.id] });
    expect(res.statusCode).toBe(201);
    const created = res.json() as RequestCreated;
    expect(created.number).toMatch(/^GZ-2026-\d{6}$/);
    expect(created.status).toBe('received');
    expect(created.categoryId).not.toBeNull();
    expect(created.categoryConfidence).toBeGreaterThan(0);

    const r = await row(created.id);
    expect(r).toMatchObject({
      channel: 'app', submitted_by: t.world.users.resident, entered_by: null, resident_id: p.residentId, household_id: p.householdId,
      grid_id: t.world.g1.grid.id, place_path: await pathOf(t.world.g1.building.id), category_source: 'model', status: 'received', anonymous: 0,
    });
    expect(r.tokens.split(' ')).toContain('路灯');
    const minutes = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 60_000;
    expect(minutes(r.reply_due_at, r.created_at)).toBe(defaultRequestSettings.replyMinutes[r.urgency as 'general']);
    expect(minutes(r.dispatch_due_at, r.created_at)).toBe(defaultRequestSettings.dispatchMinutes[r.urgency as 'general']);

    // The resident sees the public timeline only; staff also see the classification step.
    const mine = await detail(p.resident, created.id);
    expect(mine).toMatchObject({ status: 'received', submitterName: '李秀英', photos: [{ id: ph.id, mime: 'image/png' }], assignments: [] });
    expect(mine.steps.map((s) => s.action)).toEqual(['submitted']);
    expect(mine.can).toMatchObject({ withdraw: true, rate: false, dispatch: false });
    const staff = await detail(p.admin, created.id);
    expect(staff.steps.map((s) => s.action)).toEqual(['submitted', 'classified']);
    expect(staff.can).toMatchObject({ dispatch: true, classify: true, withdraw: false });

    // Found by its words and by its number.
    const byWord = (await p.admin.get(`/requests?q=${encodeURIComponent('路灯 坏了')}`)).json() as { items: { id: string }[] };
    expect(byWord.items.map((i) => i.id)).toContain(created.id);
    expect(((await p.admin.get(`/requests?q=${encodeURIComponent('电梯')}`)).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(created.id);
    const byNumber = (await p.admin.get(`/requests?q=${created.number.toLowerCase()}`)).json() as { items: { id: string }[]; total: number };
    expect(byNumber).toMatchObject({ total: 1, items: [{ id: created.id }] });
    expect((await ftsCount()) >= (dialect === 'sqlite' ? 1 : 0)).toBe(true);

    expect((await auditFor(t, created.id)).map((a) => a.action)).toEqual(['request.created']);

    // The photo is the uploader's, then whoever may see the request's.
    const img = await p.resident.get(ph.url.replace('/api/v1', ''));
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['cache-control']).toMatch(/^private/);
    expect(img.rawPayload.equals(png())).toBe(true);
    expect((await p.admin.get(ph.url.replace('/api/v1', ''))).statusCode).toBe(200);
    expect((await p.neighbour.get(ph.url.replace('/api/v1', ''))).statusCode).toBe(404);
  });

  it('refuses someone else’s photo, a used photo, ten photos, bad text and wrong places, writing nothing', async () => {
    const before = { counter: await counter(), requests: await requestCount(), fts: await ftsCount() };
    const theirs = await photo(p.neighbour);
    const attempt = (body: object) => p.resident.post('/requests', { text: LAMP, kind: 'help', ...body });
    let res = await attempt({ photoIds: [theirs.id] });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_unavailable']);
    const mine = await photo(p.resident);
    expect((await attempt({ photoIds: [mine.id] })).statusCode).toBe(201);
    const after = await counter();
    res = await attempt({ photoIds: [mine.id] });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_unavailable']);
    res = await attempt({ photoIds: Array.from({ length: 10 }, () => mine.id) });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'validation_failed']);
    for (const text of ['短', `坏了\u0007坏了坏了`, 'x'.repeat(2001)]) {
      res = await attempt({ text });
      expect([res.statusCode, errCode(res)]).toEqual([400, 'validation_failed']);
    }
    res = await attempt({ channel: 'phone' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'channel_not_allowed']);
    res = await attempt({ urgency: 'emergency' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'validation_failed']);
    for (const placeId of [t.world.g2.dwelling.id, t.world.gb.building.id]) {
      res = await attempt({ placeId });
      expect([res.statusCode, errCode(res)]).toEqual([400, 'request_place_invalid']);
    }
    // Only the one good request was written, with one number and one full-text row.
    expect(await counter()).toBe(before.counter + 1);
    expect(after).toBe(before.counter + 1);
    expect(await requestCount()).toBe(before.requests + 1);
    expect(await ftsCount()).toBe(dialect === 'sqlite' ? before.fts + 1 : 0);

    // Uploads: images by their bytes, at most 5 MB.
    res = await p.resident.upload(Buffer.from('GIF89a not allowed'), 'x.gif');
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_invalid']);
    res = await p.resident.upload(png('x'.repeat(5 * 1024 * 1024)));
    expect([res.statusCode, errCode(res)]).toEqual([413, 'file_too_large']);
  });

  it('lets staff enter a request for a resident: channel required, the resident from the register, a place in scope', async () => {
    let res = await p.staff.post('/requests', { text: LAMP, kind: 'complaint', residentId: p.residentId });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'channel_required']);
    res = await p.staff.post('/requests', { text: LAMP, kind: 'complaint', channel: 'phone' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'validation_failed']);

    const forResident = await submit(p.staff, { text: '家里水管漏水，楼下都湿了', channel: 'phone', residentId: p.residentId });
    expect(await row(forResident.id)).toMatchObject({
      channel: 'phone', entered_by: t.world.users.community_staff, submitted_by: null, resident_id: p.residentId,
      place_path: await pathOf(t.world.g1.dwelling.id), place_id: t.world.g1.dwelling.id, grid_id: t.world.g1.grid.id,
    });
    // The resident's account hears that it was received; their own request (above) told nobody.
    const told = await notificationsFor(t, forResident.id);
    expect(told.filter((n) => n.channel === 'in_app').map((n) => n.recipient_user_id)).toEqual([t.world.users.resident]);
    expect((await detail(p.resident, forResident.id)).enteredByName).toBe('用户3');

    const walkIn = await submit(p.staff, { text: '楼道里堆了很多杂物，影响通行', channel: 'walk_in', contactName: '赵先生', contactPhone: '13912345678', placeId: t.world.g2.estate.id, categoryId: undefined });
    const r = await row(walkIn.id);
    expect(JSON.stringify(r)).not.toContain('13912345678');
    expect(r.phone_tail).toBe('5678');
    const d = await detail(p.admin, walkIn.id);
    expect(d).toMatchObject({ phoneMasked: '139****5678', contactName: '赵先生', can: { revealPhone: true } });
    res = await p.admin.post(`/requests/${walkIn.id}/reveal-phone`, { purpose: '回访核实情况' });
    expect(res.json()).toEqual({ phone: '13912345678' });
    expect((await p.admin.post(`/requests/${walkIn.id}/reveal-phone`, {})).statusCode).toBe(400);
    expect((await auditFor(t, walkIn.id)).map((a) => a.action)).toEqual(['request.created', 'request.reveal_phone']);
    expect((await p.leader.post(`/requests/${walkIn.id}/reveal-phone`, { purpose: '回访核实情况' })).statusCode).toBe(403);

    // A category chosen by staff is theirs; an unknown one is refused.
    const categories = await t.deps.db.selectFrom('request_categories').select('id').where('community_id', '=', t.world.a.id).execute();
    const chosen = await submit(p.staff, { text: '想咨询一下老年卡怎么办理', kind: 'inquiry', channel: 'walk_in', contactName: '钱阿姨', categoryId: categories[1]!.id, urgency: 'utility' });
    expect(await row(chosen.id)).toMatchObject({ category_id: categories[1]!.id, category_source: 'staff', urgency: 'utility' });
    res = await p.staff.post('/requests', { text: LAMP, kind: 'help', channel: 'phone', contactName: '钱阿姨', categoryId: t.world.g1.grid.id });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'category_unknown']);

    // Out of scope: a grid worker outside their grid, an admin of another community.
    res = await p.grid.post('/requests', { text: LAMP, kind: 'help', channel: 'visit', contactName: '孙', placeId: t.world.g2.building.id });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'request_place_invalid']);
    res = await p.grid.post('/requests', { text: LAMP, kind: 'help', channel: 'visit', residentId: p.neighbourResidentId });
    expect([res.statusCode, errCode(res)]).toEqual([404, 'not_found']);
    res = await p.adminB.post('/requests', { text: LAMP, kind: 'help', channel: 'visit', contactName: '孙', placeId: t.world.g1.building.id });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'request_place_invalid']);
    // A grid worker without a place files it in their grid (so they keep seeing it); a building leader at their building.
    const byGrid = await submit(p.grid, { text: '垃圾桶满了没人清理', channel: 'visit', contactName: '周' });
    expect((await row(byGrid.id)).place_path).toBe(await pathOf(t.world.g1.grid.id));
    const byLeader = await submit(p.leader, { text: '电梯经常停运，老人上下楼困难', channel: 'visit', contactName: '吴' });
    expect((await row(byLeader.id)).place_path).toBe(await pathOf(t.world.g1.building.id));
    expect((await p.rep.post('/requests', { text: LAMP, kind: 'help' })).statusCode).toBe(403);
  });

  it('gives every request its own number when many arrive at once, and a failing one among them takes none', async () => {
    const before = await counter();
    const requestsBefore = await requestCount();
    const theirs = await photo(p.neighbour);
    // Arriving together, these share commits on SQLite: the bad ones (someone else's photo, refused after the
    // number was drawn) must roll back alone.
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        p.resident.post('/requests', { kind: 'complaint', text: `第${i}号：停车位被占用，车开不进去`, photoIds: i % 4 === 3 ? [theirs.id] : [] }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: 16 }, (_, i) => (i % 4 === 3 ? 400 : 201)));
    const numbers = results.filter((r) => r.statusCode === 201).map((r) => Number((r.json() as RequestCreated).number.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(await counter()).toBe(before + 12);
    expect(await requestCount()).toBe(requestsBefore + 12);
    const steps = await t.deps.db.selectFrom('request_steps').select('request_id').where('action', '=', 'submitted').execute();
    expect(steps.length).toBe(await requestCount());
  });

  it('leaves no request, no used number and no full-text row when intake fails half-way', async () => {
    const before = { counter: await counter(), requests: await requestCount(), fts: await ftsCount() };
    const steps = Number((await t.deps.db.selectFrom('request_steps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const { token } = await openSession(t.deps, t.world.users.community_staff);
    const actor = (await actorFromToken(t.deps, token))!;
    const body = { text: '半路失败的诉求不应留下痕迹', kind: 'help' as const, channel: 'phone' as const, contactName: '测试', photoIds: [], anonymous: false };
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        const made = await intakeRequest(trx, t.deps, { actor, requestId: 'test', ip: null }, body);
        expect(made.number).toMatch(/^GZ-2026-/);
        throw new Error('the caller’s own write failed');
      }),
    ).rejects.toThrow(/caller’s own write/);
    expect(await counter()).toBe(before.counter);
    expect(await requestCount()).toBe(before.requests);
    expect(await ftsCount()).toBe(before.fts);
    expect(Number((await t.deps.db.selectFrom('request_steps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(steps);
    const again = await submit(p.staff, { ...body, text: '这一次成功了，编号接着用' });
    expect(Number(again.number.slice(-6))).toBe(before.counter + 1);
  });

  it('offers residents the places they may name: their own first, then the community’s estates and buildings', async () => {
    const res = await p.resident.get('/requests/place-options');
    expect(res.statusCode).toBe(200);
    const o = res.json() as { communityId: string; items: { id: string; kind: string; mine: boolean; label: string }[] };
    expect(o.communityId).toBe(t.world.a.id);
    expect(o.items.filter((i) => i.mine).map((i) => i.id)).toEqual([t.world.g1.dwelling.id, t.world.g1.building.id, t.world.g1.estate.id]);
    expect(o.items.map((i) => i.id)).toEqual(expect.arrayContaining([t.world.g2.estate.id, t.world.g2.building.id]));
    expect(o.items.map((i) => i.id)).not.toContain(t.world.g2.dwelling.id);
    expect(o.items.map((i) => i.id)).not.toContain(t.world.gb.building.id);
    expect(o.items.find((i) => i.id === t.world.g1.building.id)!.label).toBe('第一网格 第一网格小区 1栋');
    expect((await p.staff.get('/requests/place-options')).statusCode).toBe(403);
    // What it offers, intake accepts.
    for (const item of o.items.slice(0, 4)) expect((await p.resident.post('/requests', { text: LAMP, kind: 'report', placeId: item.id })).statusCode).toBe(201);
    expect((await stepsOf(t, (await submit(p.resident, { text: LAMP, placeId: o.items[0]!.id })).id)).map((s) => s.action)).toEqual(['submitted', 'classified']);
  });
});

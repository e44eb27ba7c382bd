import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { ok, sessions, type T } from '../notifications/test-api.js';
import { parseXml, requestRow } from './test-factories.js';

type Created = { service_request_id: string; service_notice: string; account_id: null };
type Doc = Record<string, string | number | null> & { service_request_id: string; status: string; requested_datetime: string };

describe.each(dialects)('Open311 service requests (%s)', (dialect) => {
  let t: T;
  let key: string;
  let code: string;
  let otherCode: string;
  let firstNumber: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    const s = await sessions(t);
    key = ok<{ apiKey: string }>(await s.admin.post('/open311-clients', { communityId: t.world.a.id, name: '市民热线平台' })).apiKey;
    const services = (await t.app.inject({ url: `/open311/v2/services.json?jurisdiction_id=${t.world.a.id}` })).json() as { service_code: string }[];
    code = services[0]!.service_code;
    otherCode = services[1]!.service_code;
  });
  afterAll(() => t.close());

  const form = (fields: Record<string, string>, ext = 'json') =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${ext}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
  const report = (extra: Record<string, string> = {}) => ({
    api_key: key,
    jurisdiction_id: t.world.a.id,
    service_code: code,
    lat: '39.9087',
    long: '116.3975',
    address_string: '幸福路 12 号院 3 栋',
    description: '3栋门口的路灯坏了好几天，晚上很黑',
    first_name: '芳',
    last_name: '王',
    phone: '+86 138-1234-5678',
    email: 'wangfang@example.org',
    device_id: 'device-abc',
    'attribute[kind]': 'help',
    ...extra,
  });
  const list = async (query: string) => {
    const res = await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.world.a.id}${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Doc[];
  };

  it('creates a request through intake with a valid key (form-encoded)', async () => {
    const res = await form(report());
    expect(res.statusCode).toBe(201);
    const [created] = res.json() as Created[];
    firstNumber = created!.service_request_id;
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^GZ-2026-\d{6}$/), service_notice: expect.any(String), account_id: null });
    const row = await t.deps.db.selectFrom('requests').selectAll().where('number', '=', created!.service_request_id).executeTakeFirstOrThrow();
    const client = await t.deps.db.selectFrom('open311_clients').selectAll().executeTakeFirstOrThrow();
    const category = await t.deps.db.selectFrom('request_categories').select('code').where('id', '=', row.category_id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'open311', kind: 'help', status: 'received', community_id: t.world.a.id, open311_client_id: client.id, contact_name: '王芳', phone_tail: '5678', address_text: '幸福路 12 号院 3 栋', lat: 39.9087, lng: 116.3975, submitted_by: null, entered_by: null });
    expect(category.code).toBe(code);
    expect(row.phone_cipher).not.toContain('13812345678');
    expect(t.deps.vault.decrypt(row.phone_cipher!)).toBe('13812345678');
    expect(JSON.stringify(row)).not.toContain('wangfang@example.org');
    expect(client.last_used_at).toBe(t.clock.now().toISOString());
  });

  it('takes JSON bodies and answers XML', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { ...report(), 'attribute[kind]': undefined, attribute: { kind: 'complaint', anonymous: 'true' } } });
    expect(res.statusCode).toBe(201);
    const row = await t.deps.db.selectFrom('requests').select(['kind', 'anonymous']).where('number', '=', (res.json() as Created[])[0]!.service_request_id).executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'complaint', anonymous: 1 });
    const xml = await form(report({ description: '小区东门垃圾桶满了没人清理' }), 'xml');
    expect(xml.statusCode).toBe(201);
    const doc = parseXml(xml.body, ['request']) as { service_requests: { request: Created[] } };
    expect(doc.service_requests.request[0]!.service_request_id).toMatch(/^GZ-2026-\d{6}$/);
  });

  it('refuses a bad or revoked key with 403 in the spec’s shape', async () => {
    const bad = await form(report({ api_key: 'gz_not-a-real-key' }));
    expect([bad.statusCode, bad.json()]).toEqual([403, [{ code: 403, description: 'api_key is invalid or revoked' }]]);
    const { api_key: _k, ...noKey } = report();
    expect((await form(noKey)).json()).toEqual([{ code: 403, description: 'api_key was not provided' }]);
    const xml = await form(report({ api_key: 'wrong' }), 'xml');
    expect(xml.statusCode).toBe(403);
    expect(parseXml(xml.body, ['error'])).toEqual({ '?xml': '', errors: { error: [{ code: '403', description: 'api_key is invalid or revoked' }] } });
  });

  it('refuses unknown services and incomplete reports with 400, writing nothing', async () => {
    const before = await t.deps.db.selectFrom('requests').select('id').execute();
    const err = async (extra: Record<string, string>, omit?: string) => {
      const fields = report(extra);
      if (omit) delete fields[omit as keyof typeof fields];
      const res = await form(fields);
      return [res.statusCode, (res.json() as { description: string }[])[0]!.description] as const;
    };
    expect(await err({ service_code: 'no_such_service' })).toEqual([400, 'service_code not found']);
    expect((await err({}, 'service_code'))[0]).toBe(400);
    // Empty form fields count as not given.
    expect(await err({ lat: '', long: '', address_string: '' })).toEqual([400, 'a location is required: lat and long, address_string or address_id']);
    expect(await err({ long: '' })).toEqual([400, 'lat and long go together']);
    expect(await err({ description: '坏了' })).toEqual([400, 'description: a description of 5 to 2000 characters is required']);
    expect(await err({ 'attribute[kind]': 'praise' })).toEqual([400, expect.stringContaining('attribute[kind]')]);
    expect(await err({ phone: '12345' })).toEqual([400, expect.stringContaining('phone')]);
    expect(await err({ jurisdiction_id: t.world.b.id })).toEqual([400, 'jurisdiction_id does not match the api_key']);
    expect(await err({ address_id: t.world.gb.building.id })).toEqual([400, expect.any(String)]);
    expect(await t.deps.db.selectFrom('requests').select('id').execute()).toHaveLength(before.length);
  });

  it('needs a location', async () => {
    const { lat: _a, long: _b, address_string: _c, ...noWhere } = report();
    const res = await form(noWhere);
    expect([res.statusCode, res.json()]).toEqual([400, [{ code: 400, description: 'a location is required: lat and long, address_string or address_id' }]]);
    // A place of the jurisdiction is a location too.
    const { lat: _d, long: _e, address_string: _f, ...byPlace } = report({ address_id: t.world.g1.building.id });
    const placed = await form(byPlace);
    expect(placed.statusCode).toBe(201);
    const row = await t.deps.db.selectFrom('requests').select(['place_id', 'grid_id']).where('number', '=', (placed.json() as Created[])[0]!.service_request_id).executeTakeFirstOrThrow();
    expect(row).toEqual({ place_id: t.world.g1.building.id, grid_id: t.world.g1.grid.id });
  });

  it('lists requests with the public status, filters, and the reply as status notes', async () => {
    const all = await list('');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const mine = all.find((d) => d.service_request_id === firstNumber)!;
    expect(Object.keys(mine).sort()).toEqual([
      'address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime',
      'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode',
    ]);
    expect(mine).toMatchObject({ status: 'open', status_notes: null, service_code: code, description: '3栋门口的路灯坏了好几天，晚上很黑', agency_responsible: '甲社区', address: '幸福路 12 号院 3 栋', lat: 39.9087, long: 116.3975 });
    await t.deps.db.updateTable('requests').set({ status: 'replied', reply_text: '路灯已于今天下午修好' }).where('number', '=', mine.service_request_id).execute();
    const closed = await list('&status=closed');
    expect(closed.map((d) => [d.service_request_id, d.status, d.status_notes, d.expected_datetime])).toEqual([[mine.service_request_id, 'closed', '路灯已于今天下午修好', null]]);
    expect((await list('&status=open')).every((d) => d.status === 'open')).toBe(true);
    expect((await list('&status=open,closed')).length).toBe(all.length);
    expect((await list(`&service_code=${otherCode}`))).toHaveLength(0);
    expect((await list(`&service_code=${code},${otherCode}`)).length).toBe(all.length);
    // An id list overrides the other filters.
    const ids = all.slice(0, 2).map((d) => d.service_request_id);
    expect((await list(`&status=closed&service_request_id=${ids.join(',')}`)).map((d) => d.service_request_id).sort()).toEqual([...ids].sort());
    const bad = await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.world.a.id}&status=pending` });
    expect([bad.statusCode, bad.json()]).toEqual([400, [{ code: 400, description: 'status must be open or closed' }]]);
    // Another jurisdiction's list does not have them.
    expect((await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.world.b.id}` })).json()).toEqual([]);
  });

  it('gets one request by its number, in JSON and XML', async () => {
    const [first] = await list('');
    const res = await t.app.inject({ url: `/open311/v2/requests/${first!.service_request_id}.json` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([first]);
    const xml = await t.app.inject({ url: `/open311/v2/requests/${first!.service_request_id}.xml` });
    const doc = parseXml(xml.body, ['request']) as { service_requests: { request: Record<string, string>[] } };
    expect(doc.service_requests.request[0]!.service_request_id).toBe(first!.service_request_id);
    expect(doc.service_requests.request[0]!.status).toBe(first!.status);
    const missing = await t.app.inject({ url: '/open311/v2/requests/GZ-2026-999999.json' });
    expect([missing.statusCode, missing.json()]).toEqual([404, [{ code: 404, description: 'service_request_id not found' }]]);
    expect((await t.app.inject({ url: `/open311/v2/requests/${first!.service_request_id}.json?jurisdiction_id=${t.world.b.id}` })).statusCode).toBe(404);
  });

  it('shows no names, phones, mail, accounts or register ids of residents', async () => {
    const resident = await t.deps.db.selectFrom('users').select('id').where('id', '=', t.world.users.resident).executeTakeFirstOrThrow();
    await t.deps.db.insertInto('requests').values(requestRow(t, 500_001, {
      channel: 'phone', contact_name: '李大爷', text: '李大爷家楼上漏水，电话 13900001111', title: '李大爷家漏水', submitted_by: resident.id,
      ...t.deps.vault.sealPhone('13900001111'), address_text: '3栋 402', lat: 39.1, lng: 116.1, place_id: t.world.g1.dwelling.id,
    })).execute();
    const outputs = [
      (await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.world.a.id}` })).body,
      (await t.app.inject({ url: `/open311/v2/requests.xml?jurisdiction_id=${t.world.a.id}` })).body,
      (await t.app.inject({ url: '/open311/v2/requests/GZ-2025-500001.json' })).body,
    ];
    for (const body of outputs) {
      expect(body).toContain('GZ-2025-500001');
      for (const secret of ['李大爷', '13900001111', '1111', '王芳', '13812345678', '5678', 'wangfang', 'device-abc', resident.id, t.world.g1.dwelling.id, '3栋 402']) {
        expect(body).not.toContain(secret);
      }
    }
    const doc = (await list('&service_request_id=GZ-2025-500001'))[0]!;
    expect(doc).toMatchObject({ description: null, address: null, address_id: null, lat: null, long: null });
  });

  it('lists the last 90 days by default, at most 1,000, and refuses longer windows', async () => {
    const now = t.clock.now();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    await t.deps.db.insertInto('requests').values(requestRow(t, 600_001, { created_at: daysAgo(100), updated_at: daysAgo(100) })).execute();
    expect((await list('')).map((d) => d.service_request_id)).not.toContain('GZ-2025-600001');
    expect((await list(`&start_date=${daysAgo(120)}&end_date=${daysAgo(95)}`)).map((d) => d.service_request_id)).toEqual(['GZ-2025-600001']);
    expect((await list(`&start_date=${daysAgo(101)}`)).map((d) => d.service_request_id)).toContain('GZ-2025-600001');
    const wide = await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.world.a.id}&start_date=${daysAgo(200)}&end_date=${daysAgo(1)}` });
    expect([wide.statusCode, wide.json()]).toEqual([400, [{ code: 400, description: 'the date range may not span more than 90 days' }]]);
    const badDate = await t.app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${t.world.a.id}&start_date=yesterday` });
    expect(badDate.statusCode).toBe(400);

    const rows = Array.from({ length: 1_005 }, (_, i) => requestRow(t, 700_000 + i, { created_at: daysAgo(1 + i / 1_000), updated_at: daysAgo(1) }));
    for (let i = 0; i < rows.length; i += 200) await t.deps.db.insertInto('requests').values(rows.slice(i, i + 200)).execute();
    const capped = await list('');
    expect(capped).toHaveLength(1_000);
    // Newest first.
    expect(capped[0]!.requested_datetime >= capped[999]!.requested_datetime).toBe(true);
  });

  it('limits reports per key', async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await form(report({ api_key: 'gz_flood-key', service_code: 'x' }))).statusCode;
    expect(last).toBe(429);
    const res = await form(report({ api_key: 'gz_flood-key' }));
    expect(res.json()).toEqual([{ code: 429, description: 'too many requests; slow down' }]);
    // Another key is not held back.
    expect((await form(report({ api_key: 'gz_other-key' }))).statusCode).toBe(403);
  });
});

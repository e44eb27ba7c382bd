import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { addResident, idNumberFor } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Member = { id: string; name: string; gender: string | null; idNumberMasked: string | null; phoneMasked: string | null; category: string; reporting: string; employer: string | null; status: string; partyOrgName: string; residentId: string | null };
type ErrorBody = { error: { code: string; details: unknown } };
const err = (res: { json(): unknown }) => (res.json() as ErrorBody).error.code;

describe.each(dialects)('party members (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let adminB: Session;
  let grid: Session;
  let branch: string;
  let retirees: string;
  let branchB: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    adminB = await sessionFor(t.app, t.world.adminB);
    grid = await sessionFor(t.app, t.world.users.grid_worker);
    const org = async (s: Session, communityId: string, name: string) =>
      ((await post(s, '/api/v1/organisations', { communityId, kind: 'party_org', partyLevel: 'branch', name })).json() as { id: string }).id;
    branch = await org(admin, t.world.a.id, '第一党支部');
    retirees = await org(admin, t.world.a.id, '退休党员支部');
    branchB = await org(adminB, t.world.b.id, '乙社区党支部');
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
  const patch = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'PATCH', url, headers: s.headers, payload: payload as object });
  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
  const add = (body: Record<string, unknown>, s = admin) => post(s, '/api/v1/party-members', { partyOrgId: branch, ...body });

  it('keeps a roster per party organisation, with employed members reporting to the community', async () => {
    const local = await add({ name: '李红', idNumber: idNumberFor('1968-03-12', 2), phone: '13712345678', joinedOn: '1990-07-01' });
    expect(local.statusCode, local.body).toBe(201);
    expect(local.json()).toMatchObject({ name: '李红', gender: 'female', idNumberMasked: '110***********' + idNumberFor('1968-03-12', 2).slice(-4), phoneMasked: '137****5678', category: 'full', reporting: 'local', partyOrgName: '第一党支部' });

    const missing = await add({ name: '张在职', reporting: 'employed' });
    expect(missing.statusCode).toBe(400);
    const fields = ((missing.json() as ErrorBody).error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(['body.employer', 'body.reportedOn']);
    const employed = await add({ name: '张在职', reporting: 'employed', employer: '区税务局', reportedOn: '2025-04-01', category: 'probationary' });
    expect(employed.statusCode, employed.body).toBe(201);
    expect(employed.json()).toMatchObject({ reporting: 'employed', employer: '区税务局', reportedOn: '2025-04-01', category: 'probationary' });

    const committee = (await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'residents_committee', name: '居委会' }).then((r) => r.json())) as { id: string };
    expect(err(await add({ partyOrgId: committee.id, name: '错组织' }))).toBe('not_a_party_org');
    const list = (await get(admin, `/api/v1/party-members?reporting=employed&partyOrgId=${branch}`).then((r) => r.json())) as { items: Member[]; total: number };
    expect(list.items.map((m) => m.name)).toEqual(['张在职']);
    expect(list.total).toBe(1);

    // A partial change never resets what it does not mention.
    const id = (employed.json() as Member).id;
    const renamed = await patch(admin, `/api/v1/party-members/${id}`, { name: '张在职员' });
    expect(renamed.json()).toMatchObject({ name: '张在职员', category: 'probationary', reporting: 'employed', employer: '区税务局' });
    expect(err(await patch(admin, `/api/v1/party-members/${id}`, { employer: null }))).toBe('validation_failed');
    const local2 = await patch(admin, `/api/v1/party-members/${id}`, { reporting: 'local', partyOrgId: retirees });
    expect(local2.json()).toMatchObject({ reporting: 'local', partyOrgName: '退休党员支部' });
    expect((await patch(admin, `/api/v1/party-members/${id}`, { partyOrgId: branchB })).statusCode).toBe(404);
  });

  it('checks ID numbers: checksum, birth date, gender, one entry per community', async () => {
    const good = idNumberFor('1975-10-01', 11);
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(err(await add({ name: '校验错', idNumber: badCheck }))).toBe('id_number_invalid');
    expect(err(await add({ name: '未来人', idNumber: idNumberFor('2031-01-01', 11) }))).toBe('id_number_invalid');
    expect(err(await add({ name: '位数错', idNumber: '11010119751001011' }))).toBe('validation_failed');
    expect(err(await add({ name: '性别错', idNumber: good, gender: 'female' }))).toBe('gender_mismatch');
    expect((await add({ name: '王刚', idNumber: good })).statusCode).toBe(201);
    expect(err(await add({ name: '王刚重复', idNumber: good, partyOrgId: retirees }))).toBe('id_number_taken');
    // A number ending in X, typed with a lower-case x, is the same number.
    const withX = Array.from({ length: 200 }, (_, i) => idNumberFor('1980-01-01', i + 1)).find((n) => n.endsWith('X'))!;
    expect((await add({ name: '带X', idNumber: withX })).statusCode).toBe(201);
    expect(err(await add({ name: '小写x', idNumber: withX.toLowerCase() }))).toBe('id_number_taken');
    // Unique per community: the same person may be on another community's roster.
    expect((await add({ name: '王刚', idNumber: good, partyOrgId: branchB }, adminB)).statusCode).toBe(201);
  });

  it('links a resident: name and gender come from the register, one roster entry per resident', async () => {
    const idNumber = idNumberFor('1958-06-30', 13);
    const r = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '赵老党员', gender: 'male', idNumber });
    const res = await add({ residentId: r.id, idNumber });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '赵老党员', gender: 'male', residentId: r.id });
    expect(err(await add({ residentId: r.id, partyOrgId: retirees }))).toBe('party_member_exists');
    const other = await addResident(t.deps, { placeId: t.world.g1.dwelling.id, name: '钱党员', idNumber: idNumberFor('1960-01-01', 15) });
    expect(err(await add({ residentId: other.id, idNumber: idNumberFor('1960-01-01', 17) }))).toBe('validation_failed');
    const inB = await addResident(t.deps, { placeId: t.world.gb.dwelling.id, name: '乙居民' });
    expect((await add({ residentId: inB.id })).statusCode).toBe(404);
    expect(err(await add({}))).toBe('validation_failed');
  });

  it('masks ID numbers and phones everywhere and stores them only encrypted', async () => {
    const idNumber = idNumberFor('1970-05-05', 21);
    const res = await add({ name: '孙敏', idNumber, phone: '13698765432' });
    const id = (res.json() as Member).id;
    for (const body of [res.body, (await get(admin, `/api/v1/party-members/${id}`)).body, (await get(admin, '/api/v1/party-members?limit=200')).body]) {
      expect(body).not.toContain(idNumber);
      expect(body).not.toContain('13698765432');
    }
    const row = await t.deps.db.selectFrom('party_members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('13698765432');
    expect(t.deps.vault.decrypt(row.id_number_cipher!)).toBe(idNumber);
    expect(row.phone_tail).toBe('5432');
    const audit = await t.deps.db.selectFrom('audit_log').select('after_json').where('target_id', '=', id).executeTakeFirstOrThrow();
    expect(audit.after_json).not.toContain(idNumber);
    expect(audit.after_json).not.toContain('13698765432');
  });

  it('lists with filters, search and paging', async () => {
    const org = ((await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'party_org', partyLevel: 'group', name: '分页党小组' })).json() as { id: string }).id;
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const r = await add({ partyOrgId: org, name: `成员${i}`, idNumber: idNumberFor('1985-01-0' + i, 31 + i), phone: `1350000100${i}` });
      ids.push((r.json() as Member).id);
    }
    const page = async (q: string) => (await get(admin, `/api/v1/party-members?partyOrgId=${org}${q}`).then((r) => r.json())) as { items: Member[]; total: number };
    expect(await page('&limit=2')).toMatchObject({ total: 5, items: [{ name: '成员1' }, { name: '成员2' }] });
    expect((await page('&limit=2&offset=4')).items.map((m) => m.name)).toEqual(['成员5']);
    expect((await page('&q=成员3')).items.map((m) => m.name)).toEqual(['成员3']);
    expect((await page(`&q=${idNumberFor('1985-01-04', 35)}`)).items.map((m) => m.name)).toEqual(['成员4']);
    expect((await page('&q=13500001002')).items.map((m) => m.name)).toEqual(['成员2']);
    expect((await page('&q=1005')).items.map((m) => m.name)).toEqual(['成员5']);
    await patch(admin, `/api/v1/party-members/${ids[0]}`, { status: 'transferred_out' });
    expect((await page('')).total).toBe(4);
    expect((await page('&status=transferred_out')).items.map((m) => m.name)).toEqual(['成员1']);
    expect((await get(admin, '/api/v1/party-members?limit=0')).statusCode).toBe(400);
    expect((await get(admin, '/api/v1/party-members?status=gone')).statusCode).toBe(400);
  });

  it('keeps a party organisation with active members from being retired until they move', async () => {
    const org = ((await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'party_org', partyLevel: 'group', name: '将撤销党小组' })).json() as { id: string }).id;
    const stays = ((await add({ partyOrgId: org, name: '转出党员' })).json() as Member).id;
    const moves = ((await add({ partyOrgId: org, name: '转组党员' })).json() as Member).id;
    await patch(admin, `/api/v1/party-members/${stays}`, { status: 'transferred_out' });
    expect(err(await post(admin, `/api/v1/organisations/${org}/retire`, {}))).toBe('organisation_has_party_members');
    await patch(admin, `/api/v1/party-members/${moves}`, { partyOrgId: branch });
    expect((await post(admin, `/api/v1/organisations/${org}/retire`, {})).statusCode).toBe(200);
    // The member who left stays on the retired organisation's records and can still be corrected.
    expect((await patch(admin, `/api/v1/party-members/${stays}`, { joinedOn: '1999-07-01' })).statusCode).toBe(200);
    expect(err(await patch(admin, `/api/v1/party-members/${moves}`, { partyOrgId: org }))).toBe('organisation_retired');
  });

  it('scopes the roster to the community', async () => {
    const mine = ((await add({ name: '范围内' })).json() as Member).id;
    expect((await get(adminB, `/api/v1/party-members/${mine}`)).statusCode).toBe(404);
    expect((await patch(adminB, `/api/v1/party-members/${mine}`, { name: '越界' })).statusCode).toBe(404);
    const listB = (await get(adminB, '/api/v1/party-members?limit=200').then((r) => r.json())) as { items: Member[] };
    expect(listB.items.map((m) => m.id)).not.toContain(mine);
    expect((await add({ name: '越界', partyOrgId: branchB })).statusCode).toBe(404);
    expect((await get(grid, `/api/v1/party-members/${mine}`)).statusCode).toBe(200);
    expect((await add({ name: '网格员加的' }, grid)).statusCode).toBe(403);
  });
});

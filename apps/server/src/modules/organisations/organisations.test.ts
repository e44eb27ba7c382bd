import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Org = { id: string; name: string; kind: string; partyLevel: string | null; termEndOn: string | null; contactPhoneMasked: string | null; placeName: string | null; memberCount: number; retiredAt: string | null };
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe.each(dialects)('organisations (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let staff: Session;
  let adminB: Session;
  let grid: Session;
  let leader: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    staff = await sessionFor(t.app, t.world.users.community_staff);
    adminB = await sessionFor(t.app, t.world.adminB);
    grid = await sessionFor(t.app, t.world.users.grid_worker);
    leader = await sessionFor(t.app, t.world.users.building_leader);
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
  const patch = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'PATCH', url, headers: s.headers, payload: payload as object });
  const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
  const create = async (s: Session, body: Record<string, unknown>): Promise<Org> => {
    const res = await post(s, '/api/v1/organisations', { communityId: t.world.a.id, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Org;
  };

  it('builds the party tree level by level and refuses a level that does not fit', async () => {
    const committee = await create(admin, { kind: 'party_org', partyLevel: 'committee', name: '甲社区党委' });
    const general = await create(admin, { kind: 'party_org', partyLevel: 'general_branch', name: '甲社区第一党总支', parentId: committee.id });
    const branch = await create(staff, { kind: 'party_org', partyLevel: 'branch', name: '第一网格党支部', parentId: general.id });
    const group = await create(staff, { kind: 'party_org', partyLevel: 'group', name: '1栋党小组', parentId: branch.id });
    // A branch may sit straight under the committee.
    await create(staff, { kind: 'party_org', partyLevel: 'branch', name: '退休党员支部', parentId: committee.id });

    const under = (parentId: string, partyLevel: string, name: string) => post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'party_org', partyLevel, parentId, name });
    expect(err(await under(group.id, 'branch', '倒挂支部'))).toBe('invalid_party_parent');
    expect(err(await under(committee.id, 'committee', '平级党委'))).toBe('invalid_party_parent');
    expect(err(await under(branch.id, 'branch', '同级支部'))).toBe('invalid_party_parent');
    const noLevel = await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'party_org', name: '无级别' });
    expect(noLevel.statusCode).toBe(400);
    expect((noLevel.json() as { error: { code: string; details: { field: string }[] } }).error.details[0]!.field).toBe('body.partyLevel');
    const rc = await create(admin, { kind: 'residents_committee', name: '甲社区居民委员会', termStartOn: '2026-03-01' });
    expect(err(await under(rc.id, 'branch', '挂在居委会下'))).toBe('invalid_party_parent');
    const other = await post(adminB, '/api/v1/organisations', { communityId: t.world.b.id, kind: 'party_org', partyLevel: 'committee', name: '乙社区党委' });
    expect(other.statusCode).toBe(201);
    expect(err(await under((other.json() as Org).id, 'branch', '跨社区支部'))).toBe('invalid_party_parent');
    // Only party organisations have a level or a parent.
    const socialWithParent = await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: '舞蹈队', parentId: committee.id });
    expect(err(socialWithParent)).toBe('validation_failed');

    // The tree comes back parent before children, party organisations before the other kinds.
    const list = (await get(admin, '/api/v1/organisations').then((r) => r.json())) as { items: Org[] };
    expect(list.items.map((o) => o.name).slice(0, 5)).toEqual(['甲社区党委', '甲社区第一党总支', '第一网格党支部', '1栋党小组', '退休党员支部']);
    expect(list.items.map((o) => o.name)).not.toContain('乙社区党委');

    // Changing a level must keep the organisations below it lower still; an organisation is never its own parent.
    expect(err(await patch(admin, `/api/v1/organisations/${general.id}`, { partyLevel: 'group' }))).toBe('invalid_party_parent');
    expect(err(await patch(admin, `/api/v1/organisations/${general.id}`, { parentId: general.id }))).toBe('invalid_party_parent');
    expect(err(await patch(admin, `/api/v1/organisations/${committee.id}`, { parentId: group.id }))).toBe('invalid_party_parent');
    const moved = await patch(admin, `/api/v1/organisations/${group.id}`, { parentId: general.id });
    expect(moved.statusCode).toBe(200);
    expect(err(await post(admin, `/api/v1/organisations/${general.id}/retire`, {}))).toBe('organisation_has_active_children');
  });

  it('gives the elected committees five-year terms', async () => {
    const rc = await create(admin, { kind: 'supervision_committee', name: '居务监督委员会', termStartOn: '2024-02-29' });
    expect(rc.termEndOn).toBe('2029-02-28');
    const owners = await create(admin, { kind: 'owners_committee', name: '第一网格小区业主委员会', termStartOn: '2025-06-01', termEndOn: '2028-06-01' });
    expect(owners.termEndOn).toBe('2028-06-01');
    const bad = (body: Record<string, unknown>) => post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'residents_committee', name: `居委会${Math.random()}`, ...body });
    expect(err(await bad({ termStartOn: '2024-01-01', termEndOn: '2029-01-02' }))).toBe('term_too_long');
    expect(err(await bad({ termStartOn: '2024-01-01', termEndOn: '2024-01-01' }))).toBe('term_dates_invalid');
    expect(err(await bad({ termStartOn: '2024-01-01', termEndOn: '2023-12-31' }))).toBe('term_dates_invalid');
    expect(err(await bad({ termEndOn: '2029-01-01' }))).toBe('validation_failed');
    // A new term start without an end starts a fresh five-year term.
    const renewed = await patch(admin, `/api/v1/organisations/${rc.id}`, { termStartOn: '2026-04-01' });
    expect((renewed.json() as Org).termEndOn).toBe('2031-04-01');
    expect(err(await patch(admin, `/api/v1/organisations/${rc.id}`, { termEndOn: '2032-01-01' }))).toBe('term_too_long');
  });

  it('keeps organisation names unique within a community', async () => {
    await create(admin, { kind: 'social_org', name: '夕阳红合唱团' });
    expect(err(await post(staff, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: '夕阳红合唱团' }))).toBe('organisation_name_taken');
    const elsewhere = await post(adminB, '/api/v1/organisations', { communityId: t.world.b.id, kind: 'social_org', name: '夕阳红合唱团' });
    expect(elsewhere.statusCode).toBe(201);
    const second = await create(admin, { kind: 'social_org', name: '书画社' });
    expect(err(await patch(admin, `/api/v1/organisations/${second.id}`, { name: '夕阳红合唱团' }))).toBe('organisation_name_taken');
  });

  it('records stakeholders with a masked, encrypted contact phone', async () => {
    const unit = await create(admin, { kind: 'stationed_unit', name: '区供电公司', dualReportingOn: '2025-03-05', contactName: '赵主任', contactPhone: '13912345678', creditCode: '91110000100000000X' });
    expect(unit.contactPhoneMasked).toBe('139****5678');
    const stored = await t.deps.db.selectFrom('organisations').select('contact_phone_cipher').where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(stored.contact_phone_cipher).not.toContain('13912345678');
    expect(t.deps.vault.decrypt(stored.contact_phone_cipher!)).toBe('13912345678');
    const audit = await t.deps.db.selectFrom('audit_log').select('after_json').where('target_id', '=', unit.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).not.toContain('13912345678');
    const detail = await get(admin, `/api/v1/organisations/${unit.id}`);
    expect(detail.body).not.toContain('13912345678');

    expect(err(await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: '双报到社会组织', dualReportingOn: '2025-01-01' }))).toBe('validation_failed');
    const company = await create(admin, { kind: 'property_company', name: '安居物业', placeId: t.world.g1.estate.id, contactPhone: '010-62345678' });
    expect(company.placeName).toBe('第一网格小区');
    expect(company.contactPhoneMasked).toBe('010****5678');
    const atBuilding = await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'owners_committee', name: '楼栋业委会', placeId: t.world.g1.building.id });
    expect(err(atBuilding)).toBe('organisation_place_invalid');
    const elsewhere = await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'property_company', name: '外社区物业', placeId: t.world.gb.estate.id });
    expect(err(elsewhere)).toBe('organisation_place_invalid');
  });

  it('scopes every organisation to its community', async () => {
    const org = await create(admin, { kind: 'social_org', name: '甲社区志愿服务队' });
    expect((await get(adminB, `/api/v1/organisations/${org.id}`)).statusCode).toBe(404);
    expect((await patch(adminB, `/api/v1/organisations/${org.id}`, { note: '越界' })).statusCode).toBe(404);
    expect((await post(adminB, `/api/v1/organisations/${org.id}/retire`, {})).statusCode).toBe(404);
    const listB = (await get(adminB, '/api/v1/organisations').then((r) => r.json())) as { items: Org[] };
    expect(listB.items.map((o) => o.id)).not.toContain(org.id);
    expect((await post(staff, '/api/v1/organisations', { communityId: t.world.b.id, kind: 'social_org', name: '越界组织' })).statusCode).toBe(404);
    expect((await post(staff, '/api/v1/organisations', { communityId: t.world.g1.grid.id, kind: 'social_org', name: '网格组织' })).statusCode).toBe(404);

    // Grid workers and building leaders read their community's organisations but do not keep them.
    const seen = (await get(grid, '/api/v1/organisations').then((r) => r.json())) as { items: Org[] };
    expect(seen.items.map((o) => o.id)).toContain(org.id);
    expect((await get(leader, `/api/v1/organisations/${org.id}`)).statusCode).toBe(200);
    expect((await post(grid, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: '网格员建的' })).statusCode).toBe(403);
    expect((await patch(grid, `/api/v1/organisations/${org.id}`, { note: '改' })).statusCode).toBe(403);
    const sd = await sessionFor(t.app, t.world.users.subdistrict_admin);
    const all = (await get(sd, '/api/v1/organisations').then((r) => r.json())) as { items: Org[] };
    expect(all.items.map((o) => o.name)).toEqual(expect.arrayContaining(['甲社区志愿服务队', '乙社区党委']));
  });

  it('retires softly: hidden from the list unless asked, history kept, its posts ended', async () => {
    const org = await create(admin, { kind: 'social_org', name: '棋牌协会' });
    const m = await post(admin, '/api/v1/memberships', { communityId: t.world.a.id, organisationId: org.id, personName: '孙会长', role: 'chair' });
    expect(m.statusCode).toBe(201);
    expect(((await get(admin, `/api/v1/organisations/${org.id}`).then((r) => r.json())) as { organisation: Org }).organisation.memberCount).toBe(1);
    const retired = await post(admin, `/api/v1/organisations/${org.id}/retire`, {});
    expect((retired.json() as Org).retiredAt).not.toBeNull();
    expect((retired.json() as Org).memberCount).toBe(0);
    const names = async (q: string) => ((await get(admin, `/api/v1/organisations${q}`).then((r) => r.json())) as { items: Org[] }).items.map((o) => o.name);
    expect(await names('')).not.toContain('棋牌协会');
    expect(await names('?includeRetired=true&kind=social_org')).toContain('棋牌协会');
    expect(await names('?q=棋牌')).toEqual([]);
    const history = (await get(admin, `/api/v1/organisations/${org.id}?includeEnded=true`).then((r) => r.json())) as { members: { personName: string; endOn: string }[] };
    expect(history.members).toEqual([expect.objectContaining({ personName: '孙会长', endOn: '2026-11-25' })]);
    expect(err(await patch(admin, `/api/v1/organisations/${org.id}`, { note: '已撤销' }))).toBe('organisation_retired');
    expect(err(await post(admin, '/api/v1/memberships', { communityId: t.world.a.id, organisationId: org.id, personName: '新人', role: 'member' }))).toBe('organisation_retired');
    // The name stays taken by the retired organisation: its history keeps its name.
    expect(err(await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: '棋牌协会' }))).toBe('organisation_name_taken');
    const actions = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', org.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['organisation.created', 'organisation.retired']);
  });

  it('answers bad input with a 4xx', async () => {
    const bodies = [{}, { communityId: t.world.a.id, kind: 'bogus', name: 'x' }, { communityId: t.world.a.id, kind: 'social_org', name: '' }, { communityId: '../x', kind: 'social_org', name: 'x' }];
    for (const b of bodies) expect((await post(admin, '/api/v1/organisations', b)).statusCode).toBe(400);
    expect((await post(admin, '/api/v1/organisations', { communityId: 'no-such-place', kind: 'social_org', name: 'x' })).statusCode).toBe(404);
    expect((await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: 'x', creditCode: '123' })).statusCode).toBe(400);
    expect((await post(admin, '/api/v1/organisations', { communityId: t.world.a.id, kind: 'social_org', name: 'x', termStartOn: '2024-13-45' })).statusCode).toBe(400);
    expect((await patch(admin, `/api/v1/organisations/${t.world.a.id}`, {})).statusCode).toBe(400);
    expect((await patch(admin, '/api/v1/organisations/nope', { note: 'x' })).statusCode).toBe(404);
    expect((await get(admin, '/api/v1/organisations?kind=bogus')).statusCode).toBe(400);
    expect((await get(admin, '/api/v1/organisations?includeRetired=maybe')).statusCode).toBe(400);
  });
});

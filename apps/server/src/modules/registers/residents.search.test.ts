import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, idNumber, newDwelling, newHousehold, newResident, sessions, type ResidentView, type T } from './test/factories.js';

type Page = { items: ResidentView[]; total: number };

describe.each(dialects)('residents search and scope (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    const h1 = await newHousehold(s.admin, t.world.g1.dwelling.id);
    const h2 = await newHousehold(s.admin, t.world.g2.dwelling.id);
    const people: [string, string, string, string, string[]][] = [
      // name, household, birth date, phone, tags
      ['王芳', h1.id, '1940-03-01', '13811112345', ['elderly', 'living_alone']],
      ['王建国', h1.id, '1968-07-15', '13922225678', ['party_member']],
      ['李娜', h1.id, '1990-01-20', '15033331234', []],
      ['张伟', h2.id, '1985-05-05', '18644445678', ['party_member']],
      ['王丽', h2.id, '1938-12-12', '13755550012', ['elderly']],
      ['陈静', h2.id, '1995-09-09', '13666667777', []],
    ];
    let seq = 10;
    for (const [name, householdId, birth, phone, tags] of people) {
      const r = await newResident(s.admin, { name, householdId, idNumber: idNumber(birth, seq % 2 ? 'male' : 'female', seq++), phone, tags: tags.map((tag) => ({ tag })) });
      ids[name] = r.id;
    }
    ids.community = (await newResident(s.admin, { name: '王社区', communityId: t.world.a.id })).id;
    ids.other = (await newResident(s.adminB, { name: '王乙', communityId: t.world.b.id, phone: '13811112345' })).id;
  });
  afterAll(() => t.close());

  const names = (res: { json(): unknown }) => (res.json() as Page).items.map((r) => r.name);

  it('searches by part of a name within the scope, sorted and paged on the server with a total', async () => {
    const all = await s.admin.get('/residents?q=王');
    expect(names(all)).toEqual(['王建国', '王丽', '王社区', '王芳'].sort());
    expect((all.json() as Page).total).toBe(4);
    const desc = await s.admin.get('/residents?q=王&order=desc');
    expect(names(desc)).toEqual([...names(all)].reverse());
    const p1 = (await s.admin.get('/residents?limit=2&offset=0&sort=birth_date')).json() as Page;
    const p2 = (await s.admin.get('/residents?limit=2&offset=2&sort=birth_date')).json() as Page;
    const p4 = (await s.admin.get('/residents?limit=2&offset=6&sort=birth_date')).json() as Page;
    expect(p1.total).toBe(7);
    expect([...p1.items, ...p2.items].map((r) => r.name)).toEqual(['王丽', '王芳', '王建国', '张伟']);
    // No birth date sorts last, in both directions.
    expect(p4.items.map((r) => r.name)).toEqual(['王社区']);
    const descDates = (await s.admin.get('/residents?sort=birth_date&order=desc')).json() as Page;
    expect(descDates.items.at(-1)!.name).toBe('王社区');
    expect(descDates.items[0]!.name).toBe('陈静');
    // Another community's residents never appear.
    expect(names(await s.admin.get('/residents?q=乙'))).toEqual([]);
  });

  it('finds an exact ID number through the blind index only', async () => {
    const id = idNumber('1968-07-15', 'male', 11);
    expect(names(await s.admin.get(`/residents?idNumber=${id.toLowerCase()}`))).toEqual(['王建国']);
    expect(names(await s.admin.get(`/residents?idNumber=${idNumber('1968-07-15', 'male', 12)}`))).toEqual([]);
  });

  it('finds by the last digits of a phone', async () => {
    expect(names(await s.admin.get('/residents?phoneTail=5678')).sort()).toEqual(['张伟', '王建国'].sort());
    expect(names(await s.admin.get('/residents?phoneTail=78'))).toEqual(['张伟', '王建国'].sort());
    expect(names(await s.admin.get('/residents?phoneTail=45678'))).toEqual(['张伟']);
    expect(names(await s.admin.get('/residents?phoneTail=2225678'))).toEqual(['王建国']);
    expect(names(await s.admin.get('/residents?phoneTail=13811112345'))).toEqual(['王芳']);
    expect(names(await s.admin.get('/residents?phoneTail=99995678'))).toEqual([]);
  });

  it('filters by tag, place, status and residency status', async () => {
    expect(names(await s.admin.get('/residents?tag=elderly'))).toEqual(['王丽', '王芳'].sort());
    expect(names(await s.admin.get(`/residents?tag=party_member&placeId=${t.world.g1.grid.id}`))).toEqual(['王建国']);
    expect(names(await s.admin.get(`/residents?placeId=${t.world.g2.building.id}`))).toEqual(['张伟', '王丽', '陈静'].sort());
    expect((await s.admin.get(`/residents?placeId=${t.world.a.id}`)).json()).toMatchObject({ total: 7 });
    expect((await s.admin.get(`/residents?placeId=${t.world.gb.grid.id}`)).json()).toMatchObject({ total: 0 });
    expect((await s.admin.get('/residents?residencyStatus=floating')).json()).toMatchObject({ total: 0 });
    const listed = (await s.admin.get('/residents?q=王芳')).json() as Page;
    expect(listed.items[0]).toMatchObject({ tags: ['elderly', 'living_alone'], placeLabel: '第一网格 第一网格小区 1栋 1单元 101室', phoneMasked: '138****2345' });
  });

  it('keeps a grid worker to their grid: others answer 404', async () => {
    expect(names(await s.grid.get('/residents?limit=50'))).toEqual(['李娜', '王建国', '王芳'].sort());
    // Filtering by the community above their grid still shows only their grid.
    expect((await s.grid.get(`/residents?placeId=${t.world.a.id}`)).json()).toMatchObject({ total: 3 });
    expect((await s.grid.get(`/residents/${ids['张伟']}`)).statusCode).toBe(404);
    expect((await s.grid.get(`/residents/${ids.community}`)).statusCode).toBe(404);
    expect((await s.grid.patch(`/residents/${ids['张伟']}`, { name: '改名' })).statusCode).toBe(404);
    expect((await s.grid.post(`/residents/${ids['张伟']}/tags`, { tag: 'veteran' })).statusCode).toBe(404);
    // In their grid they keep the register.
    const own = await s.grid.patch(`/residents/${ids['李娜']}`, { ethnicity: '回族' });
    expect(own.json()).toMatchObject({ ethnicity: '回族', canEdit: true, canReveal: ['phone'] });
    expect((await s.grid.get(`/households?limit=50`)).json()).toMatchObject({ total: 1 });
    const created = await s.grid.post('/residents', { name: '网格新增', residencyStatus: 'floating', communityId: t.world.a.id });
    // Taking someone out of every household would put them outside the grid: a grid worker may not.
    expect((await s.grid.post(`/residents/${ids['李娜']}/move`, { householdId: null })).statusCode).toBe(403);
    // The community's own register (people without a household) lies outside a grid worker's scope.
    expect(created.statusCode).toBe(404);
  });

  it('lets a building leader read their building only, and change nothing', async () => {
    expect(names(await s.leader.get('/residents'))).toEqual(['李娜', '王建国', '王芳'].sort());
    const one = (await s.leader.get(`/residents/${ids['王芳']}`)).json();
    expect(one).toMatchObject({ canEdit: false, canReveal: [], idNumberMasked: expect.stringMatching(/^\d{3}\*+\d{3}[\dX]$/) });
    expect((await s.leader.get(`/residents/${ids['张伟']}`)).statusCode).toBe(404);
    const write = await s.leader.patch(`/residents/${ids['王芳']}`, { name: '改名' });
    expect([write.statusCode, (write.json() as { error: { details: { policy: string } } }).error.details.policy]).toEqual([403, 'registers.manage']);
    expect((await s.leader.post(`/residents/${ids['王芳']}/reveal`, { field: 'phone', purpose: '上门走访联系' })).statusCode).toBe(403);
  });

  it('lets a subdistrict admin read every community but not write', async () => {
    const all = (await s.subdistrict.get('/residents?q=王')).json() as Page;
    expect(all.items.map((r) => r.name)).toEqual(['王丽', '王乙', '王建国', '王社区', '王芳'].sort());
    // Across communities a name search pages and counts the same way.
    const page = (await s.subdistrict.get('/residents?q=王&limit=2&offset=2')).json() as Page;
    expect([page.items.map((r) => r.name), page.total]).toEqual([all.items.slice(2, 4).map((r) => r.name), 5]);
    expect(((await s.subdistrict.get('/residents?q=不存在的名字')).json() as Page).total).toBe(0);
    expect(((await s.subdistrict.get(`/residents?q=王&placeId=${t.world.b.id}`)).json() as Page).items.map((r) => r.name)).toEqual(['王乙']);
    expect((await s.subdistrict.get(`/residents/${ids.other}`)).json()).toMatchObject({ canEdit: false, canReveal: [] });
    expect((await s.subdistrict.post('/residents', { name: '街道', residencyStatus: 'permanent', communityId: t.world.a.id })).statusCode).toBe(403);
  });

  it('carries residents along when their grid or estate moves', async () => {
    // Move grid 2's estate under grid 1: the grid worker of grid 1 now sees its residents, with the new label.
    const moved = await s.admin.post(`/places/${t.world.g2.estate.id}/move`, { parentId: t.world.g1.grid.id });
    expect(moved.statusCode).toBe(200);
    const seen = names(await s.grid.get('/residents'));
    expect(seen).toEqual(expect.arrayContaining(['张伟', '王丽', '陈静']));
    const zhang = (await s.grid.get(`/residents/${ids['张伟']}`)).json() as ResidentView;
    expect(zhang.placeLabel).toBe('第一网格 第二网格小区 1栋 1单元 101室');
    expect(names(await s.admin.get(`/residents?placeId=${t.world.g2.grid.id}`))).toEqual([]);
    const households = (await s.grid.get('/households')).json() as { total: number };
    expect(households.total).toBe(2);
    // And back again.
    await s.admin.post(`/places/${t.world.g2.estate.id}/move`, { parentId: t.world.g2.grid.id });
    expect((await s.grid.get(`/residents/${ids['张伟']}`)).statusCode).toBe(404);
    const d = await newDwelling(s.admin, t.world.g1.entrance.id, '102室');
    expect(errCode(await s.admin.post('/households', { dwellingId: t.world.g1.entrance.id }))).toBe('not_a_dwelling');
    expect((await s.admin.post('/households', { dwellingId: d })).statusCode).toBe(201);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '@gongzhi/shared';
import { dialects } from '../../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { errorCode, headers, idNumber, importFile, readXlsx, rowOf, upload, xlsx } from './helpers.js';

const g1 = { grid: '第一网格', estate: '第一网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' };
const g2 = { grid: '第二网格', estate: '第二网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' };
const people = [
  { name: '张建国', idNumber: idNumber('19560312', 21), phone: '13700001111', ...g1, relation: '户主', tags: '高龄、低保', basis: '法定职责', basisDetail: '民政低保名册' },
  { name: '刘桂芳', idNumber: idNumber('19580101', 22, 'female'), phone: '13700002222', ...g1, relation: '配偶', householderIdNumber: idNumber('19560312', 21) },
  { name: '张小宝', idNumber: idNumber('20190601', 23), ...g1, relation: '孙子女', householderIdNumber: idNumber('19560312', 21), basis: '监护人同意', basisDetail: '监护人签字' },
  { name: '陈志强', idNumber: idNumber('19850505', 24), phone: '13700003333', ...g2, relation: '户主', registeredAddress: '四川省成都市武侯区', note: '租户' },
  { name: '马丽', idNumber: idNumber('19920909', 25, 'female'), ethnicity: '回族', residencyStatus: '流动' },
];

describe.each(dialects)('exports (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  let staff: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    staff = await sessionFor(t.app, t.world.users.community_staff);
    const file = [headers('residents'), ...people.map((p) => rowOf('residents', { residencyStatus: '常住', ...p }))];
    const { done } = await importFile(t.app, admin, 'residents', t.world.a.id, await xlsx(file));
    expect(done).toMatchObject({ status: 'done', createdRows: 5 });
  });
  afterAll(() => t.close());

  const exportOf = (s: Session, query: string) => t.app.inject({ url: `/api/v1/exports/residents?communityId=${t.world.a.id}${query}`, headers: s.headers });
  const audits = (action: string) => t.deps.db.selectFrom('audit_log').select(['after_json', 'actor_user_id']).where('action', '=', action).execute();

  it('masks ID numbers and phones by default, with the template headers', async () => {
    const res = await exportOf(staff, '');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('居民-甲社区-')}`);
    const [sheet, instructions] = await readXlsx(res.rawPayload);
    expect(sheet!.name).toBe('居民');
    expect(instructions!.name).toBe('填写说明');
    const header = sheet!.rows.get(1)!.values.map((h) => String(h).replace(/\*$/, ''));
    expect(header).toEqual(headers('residents'));
    const rows = [...sheet!.rows.entries()].filter(([n]) => n > 1).map(([, r]) => Object.fromEntries(header.map((h, i) => [h, r.values[i] ?? null])));
    expect(rows).toHaveLength(5);
    const zhang = rows.find((r) => r['姓名'] === '张建国')!;
    expect(zhang['身份证号']).toBe(`110***********${people[0]!.idNumber.slice(-4)}`);
    expect(zhang['联系电话']).toBe('137****1111');
    expect(zhang).toMatchObject({ 性别: '男', 出生日期: '1956-03-12', 网格: '第一网格', 房号: '101室', 与户主关系: '户主', 标签: '高龄、低保', 敏感信息依据: '法定职责' });
    expect(rows.find((r) => r['姓名'] === '刘桂芳')!['户主身份证号']).toBe(`110***********${people[0]!.idNumber.slice(-4)}`);
    expect(rows.find((r) => r['姓名'] === '马丽')).toMatchObject({ 居住类型: '流动', 网格: null, 与户主关系: null });
    expect(res.body).not.toContain(people[0]!.idNumber);
    const [entry] = await audits('export.masked');
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ kind: 'residents', fields: [] });
  });

  it('reveals only with a purpose, to roles that may reveal, and writes the purpose to the audit log', async () => {
    const noPurpose = await exportOf(staff, '&reveal=true');
    expect([noPurpose.statusCode, errorCode(noPurpose)]).toEqual([400, 'reveal_purpose_required']);
    const grid = await sessionFor(t.app, t.world.users.grid_worker);
    const refused = await exportOf(grid, `&reveal=true&purpose=${encodeURIComponent('入户走访核对')}`);
    expect(refused.statusCode).toBe(403);
    expect((await audits('export.reveal')).length).toBe(0);

    const res = await exportOf(staff, `&reveal=true&purpose=${encodeURIComponent('年度台账核对')}`);
    expect(res.statusCode).toBe(200);
    const [sheet] = await readXlsx(res.rawPayload);
    const values = [...sheet!.rows.values()].flatMap((r) => r.values.map(String));
    expect(values).toContain(people[0]!.idNumber);
    expect(values).toContain('13700001111');
    const [entry] = await audits('export.reveal');
    expect(entry!.actor_user_id).toBe(t.world.users.community_staff);
    const after = JSON.parse(entry!.after_json!) as Record<string, unknown>;
    expect(after).toMatchObject({ kind: 'residents', purpose: '年度台账核对', fields: ['idNumber', 'phone'] });
    expect(entry!.after_json).not.toContain(people[0]!.idNumber);

    // The unmasked export imports back without a single change; the masked one cannot be used as a key.
    const again = (await upload(t.app, staff, 'residents', t.world.a.id, res.rawPayload)).json() as ImportJobView;
    expect(again).toMatchObject({ totalRows: 5, unchangedRows: 5, createdRows: 0, updatedRows: 0, errorRows: 0 });
    const masked = (await upload(t.app, staff, 'residents', t.world.a.id, (await exportOf(staff, '')).rawPayload)).json() as ImportJobView;
    expect(masked.errorRows).toBe(5);
    expect(new Set(masked.errors.map((e) => e.code))).toEqual(new Set(['id_number_masked']));
  });

  it('exports what lies under a place, and nothing outside the actor’s communities', async () => {
    const under = await exportOf(staff, `&placeId=${t.world.g2.dwelling.id}`);
    const [sheet] = await readXlsx(under.rawPayload);
    expect([...sheet!.rows.values()].slice(1).map((r) => r.values[0])).toEqual(['陈志强']);
    expect((await exportOf(staff, `&placeId=${t.world.gb.dwelling.id}`)).statusCode).toBe(404);
    const adminB = await sessionFor(t.app, t.world.adminB);
    expect((await exportOf(adminB, '')).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/exports/residents?communityId=${t.world.g1.grid.id}`, headers: staff.headers })).statusCode).toBe(404);
    const leader = await sessionFor(t.app, t.world.users.building_leader);
    expect((await exportOf(leader, '')).statusCode).toBe(403);
  });
});

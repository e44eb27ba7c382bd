import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView, TransferKind } from '@gongzhi/shared';
import { dialects } from '../../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { headers, idNumber, importFile, readXlsx, rowOf, upload, xlsx } from './helpers.js';

const PURPOSE = encodeURIComponent('台账年度核对');

describe.each(dialects)('export and import back (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
  });
  afterAll(() => t.close());

  const file = (kind: TransferKind, rows: Record<string, unknown>[]) => xlsx([headers(kind), ...rows.map((r) => rowOf(kind, r))]);
  const exported = async (kind: TransferKind, reveal = true) => {
    const res = await t.app.inject({ url: `/api/v1/exports/${kind}?communityId=${t.world.a.id}${reveal ? `&reveal=true&purpose=${PURPOSE}` : ''}`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };
  const check = async (kind: TransferKind, data: Buffer) => (await upload(t.app, admin, kind, t.world.a.id, data)).json() as ImportJobView;
  const rowsOf = async (data: Buffer) => {
    const [sheet] = await readXlsx(data);
    const width = sheet!.rows.get(1)!.values.length;
    return [...sheet!.rows.entries()].filter(([n]) => n > 1).map(([, r]) => Array.from({ length: width }, (_, i) => r.values[i] ?? null));
  };

  it('places: creates what is missing along each chain, and an export imports back unchanged', async () => {
    const { validated, done } = await importFile(
      t.app,
      admin,
      'places',
      t.world.a.id,
      await file('places', [
        { grid: '第一网格', estate: '第一网格小区', building: '1栋', entrance: '1单元', dwelling: '102室' },
        { grid: '第一网格', estate: '第一网格小区', building: '2栋', entrance: '1单元', dwelling: '101室' },
        { grid: '第一网格', estate: '第一网格小区', building: '2栋', entrance: '1单元', dwelling: '102室' },
        { grid: '第三网格', estate: '新苑' },
        { grid: '第二网格', estate: '第二网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' },
      ]),
    );
    expect(validated).toMatchObject({ createdRows: 4, unchangedRows: 1 });
    expect(done).toMatchObject({ status: 'done', createdRows: 4, unchangedRows: 1 });
    const newDwelling = await t.deps.db.selectFrom('places as d').innerJoin('places as e', 'e.id', 'd.parent_id').select(['d.path', 'e.path as parent_path', 'd.community_id', 'd.kind']).where('d.name', '=', '102室').where('e.name', '=', '1单元').execute();
    for (const d of newDwelling) {
      expect(d.path.startsWith(d.parent_path)).toBe(true);
      expect(d).toMatchObject({ community_id: t.world.a.id, kind: 'dwelling' });
    }
    const history = await t.deps.db.selectFrom('place_history').select('change').where('change', '=', 'created').execute();
    expect(history.length).toBeGreaterThanOrEqual(4 + 2 + 1);
    const data = await exported('places', false);
    const rows = await rowsOf(data);
    expect(rows).toContainEqual(['第三网格', '新苑', null, null, null]);
    expect(rows).toContainEqual(['第一网格', '第一网格小区', '2栋', '1单元', '102室']);
    expect(rows.filter((r) => r[0] === '第一网格')).toHaveLength(4);
    const back = await check('places', data);
    expect(back).toMatchObject({ totalRows: rows.length, unchangedRows: rows.length, createdRows: 0, errorRows: 0 });
  });

  it('organisations: parents in the same file, levels, terms and contacts', async () => {
    const orgs = [
      { name: '第一党支部', kind: '党组织', partyLevel: '党支部', parent: '社区党委', contactName: '王芳', contactPhone: '13712345678' },
      { name: '社区党委', kind: '党组织', partyLevel: '党委' },
      { name: '居民委员会', kind: '居民委员会', termStartOn: '2021-06-01', termEndOn: '2026-05-31' },
      { name: '安居物业', kind: '物业服务企业', contactPhone: '010-87654321', creditCode: '91110105MA01ABCD2X', address: '五福苑1号' },
    ];
    const { validated, done } = await importFile(t.app, admin, 'organisations', t.world.a.id, await file('organisations', orgs));
    expect(validated.errors).toEqual([]);
    expect(done).toMatchObject({ status: 'done', createdRows: 4 });
    const branch = await t.deps.db.selectFrom('organisations as o').innerJoin('organisations as p', 'p.id', 'o.parent_id').select(['p.name', 'o.party_level']).where('o.name', '=', '第一党支部').executeTakeFirstOrThrow();
    expect(branch).toEqual({ name: '社区党委', party_level: 'branch' });
    const property = await t.deps.db.selectFrom('organisations').select('contact_phone_cipher').where('name', '=', '安居物业').executeTakeFirstOrThrow();
    expect(t.deps.vault.decrypt(property.contact_phone_cipher!)).toBe('010-87654321');
    const logged = (await t.deps.db.selectFrom('audit_log').select('after_json').where('action', '=', 'organisation.import.create').execute()).map((a) => a.after_json).join('');
    expect(logged).toContain('137****5678');
    expect(logged).not.toContain('13712345678');

    for (const reveal of [true, false]) {
      const back = await check('organisations', await exported('organisations', reveal));
      expect(back).toMatchObject({ totalRows: 4, unchangedRows: 4, errorRows: 0 });
    }
    const bad = await check('organisations', await file('organisations', [
      { name: '第二党小组', kind: '党组织', partyLevel: '党小组', parent: '不存在的支部' },
      { name: '业主委员会', kind: '业主委员会', termStartOn: '2020-01-01', termEndOn: '2026-01-01' },
      { name: '社区党委', kind: '社会组织' },
      { name: '乱挂的党委', kind: '党组织', partyLevel: '党委', parent: '第一党支部' },
    ]));
    expect(bad.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '上级组织', code: 'parent_not_found' },
      { row: 3, column: '任期结束', code: 'term_too_long' },
      { row: 4, column: '类型', code: 'organisation_kind_mismatch' },
      { row: 5, column: '上级组织', code: 'invalid_party_parent' },
    ]);
  });

  it('party members: linked to residents, keyed by ID number', async () => {
    const residentId = idNumber('19700303', 31);
    await importFile(t.app, admin, 'residents', t.world.a.id, await file('residents', [{ name: '周党员', idNumber: residentId, residencyStatus: '常住' }]));
    const members = [
      { name: '周党员', idNumber: residentId, partyOrg: '第一党支部', category: '正式党员', joinedOn: '1998-07-01', reporting: '社区党员', phone: '13911112222' },
      { name: '吴在职', idNumber: idNumber('19880808', 32, 'female'), partyOrg: '第一党支部', category: '预备党员', reporting: '在职党员(双报到)', employer: '区税务局', reportedOn: '2024-03-01' },
    ];
    const { done } = await importFile(t.app, admin, 'party_members', t.world.a.id, await file('party_members', members));
    expect(done).toMatchObject({ status: 'done', createdRows: 2 });
    const linked = await t.deps.db.selectFrom('party_members as m').innerJoin('residents as r', 'r.id', 'm.resident_id').select(['r.name', 'm.gender', 'm.reporting']).execute();
    expect(linked).toEqual([{ name: '周党员', gender: 'male', reporting: 'local' }]);
    const back = await check('party_members', await exported('party_members'));
    expect(back).toMatchObject({ totalRows: 2, unchangedRows: 2, errorRows: 0 });
    const bad = await check('party_members', await file('party_members', [
      { name: '郑某', idNumber: idNumber('19900101', 33), partyOrg: '第九支部', category: '正式党员', reporting: '社区党员' },
      { name: '钱某', idNumber: idNumber('19900102', 34), partyOrg: '第一党支部', category: '正式党员', reporting: '在职党员(双报到)' },
    ]));
    expect(bad.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '所属党组织', code: 'party_org_not_found' },
      { row: 3, column: '工作单位', code: 'employer_required' },
    ]);
  });

  it('households: registers new householders, seats registered residents, and imports back unchanged', async () => {
    const existing = idNumber('19750505', 41);
    await importFile(t.app, admin, 'residents', t.world.a.id, await file('residents', [{ name: '林已登记', idNumber: existing, residencyStatus: '常住' }]));
    const g1 = { grid: '第一网格', estate: '第一网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' };
    const g2 = { grid: '第二网格', estate: '第二网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' };
    const rows = [
      { ...g1, householderName: '黄新户', householderIdNumber: idNumber('19660606', 42), movedInOn: '2008-08-08' },
      { ...g2, householderName: '林已登记', householderIdNumber: existing, note: '独门独户' },
      { ...g1, dwelling: '102室' },
    ];
    const { validated, done } = await importFile(t.app, admin, 'households', t.world.a.id, await file('households', rows));
    expect(validated.errors).toEqual([]);
    expect(done).toMatchObject({ status: 'done', createdRows: 3 });
    const lin = await t.deps.db.selectFrom('residents as r').innerJoin('households as h', 'h.id', 'r.household_id').select(['r.relation', 'h.householder_id', 'r.id', 'h.note']).where('r.name', '=', '林已登记').executeTakeFirstOrThrow();
    expect(lin).toMatchObject({ relation: 'householder', householder_id: lin.id, note: '独门独户' });
    const huang = await t.deps.db.selectFrom('residents').select(['residency_status', 'gender', 'household_id']).where('name', '=', '黄新户').executeTakeFirstOrThrow();
    expect(huang).toMatchObject({ residency_status: 'permanent', gender: 'male' });
    expect(huang.household_id).not.toBeNull();

    const back = await check('households', await exported('households'));
    expect(back).toMatchObject({ totalRows: 3, unchangedRows: 3, errorRows: 0 });
    const bad = await check('households', await file('households', [{ ...g2, householderName: '林改名', householderIdNumber: existing }]));
    expect(bad.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([{ row: 2, column: '户主姓名', code: 'householder_name_mismatch' }]);
  });
});

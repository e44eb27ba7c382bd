import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '@gongzhi/shared';
import { dialects } from '../../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { badChecksum, commitAndWait, errorCode, headers, idNumber, readXlsx, rowOf, upload, xlsx } from './helpers.js';

type T = Awaited<ReturnType<typeof testApp>>;

const g1 = { grid: '第一网格', estate: '第一网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' };
const g2 = { grid: '第二网格', estate: '第二网格小区', building: '1栋', entrance: '1单元', dwelling: '101室' };
const ids = {
  wang: idNumber('19700101', 1),
  li: idNumber('19720202', 2, 'female'),
  son: idNumber('19980303', 3),
  zhao: idNumber('19650404', 4),
  qian: idNumber('19800505', 5, 'female'),
  sun: idNumber('19900606', 6),
};

/** Six residents: a household of three at G1, one at G2 (bad check digit), one at an unknown room, one without a household. */
function residentsFile(fixed: boolean) {
  return [
    headers('residents'),
    rowOf('residents', { name: '王大明', idNumber: ids.wang, residencyStatus: '常住', phone: '13811112222', ...g1, relation: '户主', movedInOn: '2010-05-01', tags: '党员' }),
    rowOf('residents', { name: '李秀兰', idNumber: ids.li, residencyStatus: '常住', ...g1, relation: '配偶', householderIdNumber: ids.wang }),
    rowOf('residents', { name: '王小明', idNumber: ids.son, residencyStatus: '常住', ...g1, relation: '子女', householderIdNumber: ids.wang }),
    rowOf('residents', { name: '赵六', idNumber: fixed ? ids.zhao : badChecksum(ids.zhao), residencyStatus: '常住', ...g2, relation: '户主' }),
    rowOf('residents', { name: '钱七', idNumber: ids.qian, residencyStatus: '流动', ...g1, dwelling: fixed ? '101室' : '999室', relation: '户主' }),
    rowOf('residents', { name: '孙八', idNumber: ids.sun, residencyStatus: '人户分离', ethnicity: '回族' }),
  ];
}

describe.each(dialects)('residents import (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
  });
  afterAll(() => t.close());

  const pathOf = async (id: string) => (await t.deps.db.selectFrom('places').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  const residentCount = async () => Number((await t.deps.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', t.world.a.id).executeTakeFirstOrThrow()).n);

  it('reports the two bad rows, imports the rest, and a corrected file adds exactly those two', async () => {
    const res = await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(residentsFile(false)), '居民台账.xlsx');
    expect(res.statusCode).toBe(201);
    const job = res.json() as ImportJobView;
    expect(job).toMatchObject({ status: 'validated', fileName: '居民台账.xlsx', totalRows: 6, createdRows: 4, updatedRows: 0, unchangedRows: 0, errorRows: 2 });
    expect(job.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 5, column: '身份证号', code: 'id_number_checksum' },
      { row: 6, column: '房号', code: 'place_not_found' },
    ]);
    expect(job.errors[0]!.message).toContain('校验位');
    expect(job.errors[1]!.message).toContain('999室');
    // Nothing is written before the commit.
    expect(await residentCount()).toBe(0);

    const en = (await t.app.inject({ url: `/api/v1/imports/${job.id}`, headers: { ...admin.headers, 'accept-language': 'en-US' } })).json() as ImportJobView;
    expect(en.errors[0]!.message).toMatch(/check digit/);
    expect(en.errors[0]!.column).toBe('身份证号');

    const report = await t.app.inject({ url: `/api/v1/imports/${job.id}/report.xlsx`, headers: admin.headers });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-disposition']).toContain("filename*=UTF-8''");
    const [sheet] = await readXlsx(report.rawPayload);
    const header = sheet!.rows.get(1)!.values.map((h) => String(h).replace(/\*$/, ''));
    const idCol = header.indexOf('身份证号');
    const roomCol = header.indexOf('房号');
    const reasonCol = header.indexOf('错误说明');
    expect(reasonCol).toBe(headers('residents').length);
    expect(sheet!.rows.get(5)!.red[idCol]).toBe(true);
    expect(sheet!.rows.get(5)!.notes[idCol]).toContain('校验位');
    expect(String(sheet!.rows.get(5)!.values[reasonCol])).toContain('身份证号：');
    expect(sheet!.rows.get(6)!.red[roomCol]).toBe(true);
    expect(sheet!.rows.get(6)!.values[roomCol]).toBe('999室');
    expect(sheet!.rows.get(2)!.red.some(Boolean)).toBe(false);
    expect(sheet!.rows.get(2)!.values[reasonCol] ?? null).toBeNull();

    const done = await commitAndWait(t.app, admin, job.id);
    expect(done).toMatchObject({ status: 'done', totalRows: 6, processedRows: 6, createdRows: 4, errorRows: 2 });
    expect(done.finishedAt).not.toBeNull();
    expect(await residentCount()).toBe(4);
    const household = await t.deps.db.selectFrom('households').selectAll().where('dwelling_id', '=', t.world.g1.dwelling.id).execute();
    expect(household).toHaveLength(1);
    const members = await t.deps.db.selectFrom('residents').select(['name', 'relation', 'household_id', 'place_path', 'gender', 'birth_date', 'phone_tail']).where('community_id', '=', t.world.a.id).orderBy('name').execute();
    const wang = members.find((m) => m.name === '王大明')!;
    expect(wang).toMatchObject({ relation: 'householder', household_id: household[0]!.id, place_path: await pathOf(t.world.g1.dwelling.id), gender: 'male', birth_date: '1970-01-01', phone_tail: '2222' });
    expect(household[0]!.householder_id).not.toBeNull();
    expect(members.find((m) => m.name === '李秀兰')).toMatchObject({ relation: 'spouse', household_id: household[0]!.id, gender: 'female' });
    expect(members.find((m) => m.name === '孙八')).toMatchObject({ relation: null, household_id: null, place_path: await pathOf(t.world.a.id) });
    const history = await t.deps.db.selectFrom('residence_history').select(['event', 'resident_id']).execute();
    expect(history.filter((h) => h.event === 'registered' && h.resident_id !== null)).toHaveLength(4);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('community_id', '=', t.world.a.id).execute();
    expect(audit.filter((a) => a.action === 'resident.import.create')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'import.commit')).toHaveLength(1);
    // Personal data is masked in the audit log.
    expect(audit.map((a) => a.after_json ?? '').join('')).not.toContain(ids.wang);

    const fixed = await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(residentsFile(true)));
    const again = fixed.json() as ImportJobView;
    expect(again).toMatchObject({ totalRows: 6, createdRows: 2, unchangedRows: 4, errorRows: 0, errors: [] });
    const second = await commitAndWait(t.app, admin, again.id);
    expect(second).toMatchObject({ status: 'done', createdRows: 2, unchangedRows: 4, updatedRows: 0 });
    expect(await residentCount()).toBe(6);
    const distinct = await t.deps.db.selectFrom('residents').select('id_number_index').distinct().where('community_id', '=', t.world.a.id).execute();
    expect(distinct).toHaveLength(6);
    // Qian founded a second household at the same dwelling.
    expect(await t.deps.db.selectFrom('households').select('id').where('dwelling_id', '=', t.world.g1.dwelling.id).execute()).toHaveLength(2);

    const third = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(residentsFile(true)))).json() as ImportJobView;
    expect(third).toMatchObject({ createdRows: 0, updatedRows: 0, unchangedRows: 6 });
    expect(errorCode(await t.app.inject({ method: 'POST', url: `/api/v1/imports/${job.id}/commit`, headers: admin.headers }))).toBe('import_not_ready');
  });

  it('reports both rows that share an ID number', async () => {
    const id = idNumber('19850707', 7);
    const file = [
      headers('residents'),
      rowOf('residents', { name: '周一', idNumber: id, residencyStatus: '常住' }),
      rowOf('residents', { name: '吴二', idNumber: idNumber('19850708', 8), residencyStatus: '常住' }),
      rowOf('residents', { name: '周一一', idNumber: id.toLowerCase(), residencyStatus: '常住' }),
    ];
    const job = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(file))).json() as ImportJobView;
    expect(job.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '身份证号', code: 'duplicate_in_file' },
      { row: 4, column: '身份证号', code: 'duplicate_in_file' },
    ]);
    expect(job.errors[0]!.message).toContain('4');
    expect(job).toMatchObject({ createdRows: 1, errorRows: 2 });
  });

  it('reads Excel dates and numbers, and refuses ID numbers Excel turned into numbers', async () => {
    const file = [
      headers('residents'),
      rowOf('residents', { name: '郑九', idNumber: 110101199001011234, residencyStatus: '常住' }),
      rowOf('residents', { name: '冯十', idNumber: idNumber('19600101', 9), residencyStatus: '常住', movedInOn: new Date(Date.UTC(2001, 2, 7)), phone: 13912345678, birthDate: '1960/1/1' }),
      rowOf('residents', { name: '陈十一', idNumber: idNumber('19600102', 10), gender: '女', residencyStatus: '外地', movedInOn: '2001-02-30' }),
    ];
    const job = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(file))).json() as ImportJobView;
    expect(job.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '身份证号', code: 'id_number_as_number' },
      { row: 4, column: '性别', code: 'gender_mismatch' },
      { row: 4, column: '居住类型', code: 'option_invalid' },
      { row: 4, column: '迁入日期', code: 'date_invalid' },
    ]);
    expect(job.createdRows).toBe(1);
    const committed = await commitAndWait(t.app, admin, job.id);
    expect(committed.createdRows).toBe(1);
    const feng = await t.deps.db.selectFrom('residents').selectAll().where('name', '=', '冯十').executeTakeFirstOrThrow();
    expect(feng).toMatchObject({ moved_in_on: '2001-03-07', birth_date: '1960-01-01', phone_tail: '5678' });
    expect(t.deps.vault.decrypt(feng.phone_cipher!)).toBe('13912345678');
    expect(feng.phone_index).toBe(t.deps.vault.blindIndex('phone', '13912345678'));
    expect(feng.id_number_index).toBe(t.deps.vault.blindIndex('id_number', idNumber('19600101', 9)));
  });

  it('asks for a basis for sensitive tags and children, and records the consents', async () => {
    const child = idNumber('20200101', 11, 'female');
    const adult = idNumber('19500101', 12);
    const g2row = { ...g2 };
    const file = (basis: boolean) => [
      headers('residents'),
      rowOf('residents', { name: '何老', idNumber: adult, residencyStatus: '常住', ...g2row, relation: '户主', tags: '高龄、低保', ...(basis ? { basis: '法定职责', basisDetail: '民政低保名册' } : {}) }),
      rowOf('residents', { name: '何小妹', idNumber: child, residencyStatus: '常住', ...g2row, relation: '孙子女', householderIdNumber: adult, ...(basis ? { basis: '监护人同意', basisDetail: '监护人签字同意书' } : { basis: '本人同意', basisDetail: '本人' }) }),
    ];
    const refused = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(file(false)))).json() as ImportJobView;
    expect(refused.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '敏感信息依据', code: 'basis_required' },
      { row: 3, column: '户主身份证号', code: 'householder_row_invalid' },
    ]);
    expect(refused.errors[0]!.message).toContain('低保');
    const accepted = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(file(true)))).json() as ImportJobView;
    expect(accepted.errors).toEqual([]);
    await commitAndWait(t.app, admin, accepted.id);
    const kid = await t.deps.db.selectFrom('residents').select(['id', 'relation', 'household_id']).where('name', '=', '何小妹').executeTakeFirstOrThrow();
    expect(kid.relation).toBe('grandchild');
    const consents = await t.deps.db.selectFrom('consents').select(['purpose', 'basis', 'resident_id']).orderBy('purpose').execute();
    expect(consents.map((c) => [c.purpose, c.basis])).toEqual([
      ['minor', 'guardian_consent'],
      ['tag:low_income', 'legal_duty'],
    ]);
    const tags = await t.deps.db.selectFrom('resident_tags').select(['tag', 'consent_id']).orderBy('tag').execute();
    expect(tags.find((x) => x.tag === 'low_income')!.consent_id).not.toBeNull();
    expect(tags.find((x) => x.tag === 'elderly')!.consent_id).toBeNull();
    // A child's record with only "own consent" is refused.
    const again = [headers('residents'), rowOf('residents', { name: '小童', idNumber: idNumber('20210101', 13), residencyStatus: '常住', basis: '本人同意', basisDetail: '口头同意' })];
    const childJob = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(again))).json() as ImportJobView;
    expect(childJob.errors.map((e) => e.code)).toEqual(['basis_invalid_for_minor']);
  });

  it('updates what changed, keeps what is blank, and refuses moves and unknown householders', async () => {
    const file = [
      headers('residents'),
      rowOf('residents', { name: '王大明', idNumber: ids.wang, residencyStatus: '常住', phone: '13899998888', ethnicity: '汉族' }),
      rowOf('residents', { name: '李秀兰', idNumber: ids.li, residencyStatus: '常住' }),
      rowOf('residents', { name: '王小明', idNumber: ids.son, residencyStatus: '常住', ...g2, relation: '子女' }),
      rowOf('residents', { name: '新人', idNumber: idNumber('19900909', 14), residencyStatus: '常住', ...g1, relation: '子女', householderIdNumber: idNumber('19900910', 15) }),
      rowOf('residents', { name: '孙八', idNumber: ids.sun, residencyStatus: '人户分离', ...g1, relation: '其他', householderIdNumber: ids.wang }),
    ];
    const job = (await upload(t.app, admin, 'residents', t.world.a.id, await xlsx(file))).json() as ImportJobView;
    expect(job.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 4, column: '房号', code: 'household_change_not_supported' },
      { row: 5, column: '户主身份证号', code: 'householder_not_found' },
    ]);
    expect(job).toMatchObject({ updatedRows: 2, unchangedRows: 1 });
    await commitAndWait(t.app, admin, job.id);
    const wang = await t.deps.db.selectFrom('residents').selectAll().where('name', '=', '王大明').executeTakeFirstOrThrow();
    expect(wang).toMatchObject({ ethnicity: '汉族', phone_tail: '8888', moved_in_on: '2010-05-01' });
    const sun = await t.deps.db.selectFrom('residents').selectAll().where('name', '=', '孙八').executeTakeFirstOrThrow();
    expect(sun).toMatchObject({ relation: 'other', household_id: wang.household_id, place_path: await pathOf(t.world.g1.dwelling.id) });
    const events = await t.deps.db.selectFrom('residence_history').select('event').where('resident_id', '=', sun.id).orderBy('at').orderBy('id').execute();
    expect(events.map((e) => e.event)).toEqual(['registered', 'moved_in']);
    const audit = await t.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'resident.import.update').where('target_id', '=', wang.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ ethnicity: '汉族', phone: '138****8888' });
  });

  it('keeps other communities out and grid workers away', async () => {
    const adminB = await sessionFor(t.app, t.world.adminB);
    const grid = await sessionFor(t.app, t.world.users.grid_worker);
    const file = await xlsx([headers('residents'), rowOf('residents', { name: '越界', idNumber: idNumber('19700808', 16), residencyStatus: '常住' })]);
    expect((await upload(t.app, adminB, 'residents', t.world.a.id, file)).statusCode).toBe(404);
    expect((await upload(t.app, grid, 'residents', t.world.a.id, file)).statusCode).toBe(403);
    const mine = (await upload(t.app, admin, 'residents', t.world.a.id, file)).json() as ImportJobView;
    expect((await t.app.inject({ url: `/api/v1/imports/${mine.id}`, headers: adminB.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/imports/${mine.id}/report.xlsx`, headers: adminB.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/imports/${mine.id}/commit`, headers: adminB.headers })).statusCode).toBe(404);
    const listB = (await t.app.inject({ url: '/api/v1/imports', headers: adminB.headers })).json() as { items: ImportJobView[] };
    expect(listB.items).toEqual([]);
    const listA = (await t.app.inject({ url: '/api/v1/imports?limit=2', headers: admin.headers })).json() as { items: ImportJobView[] };
    expect(listA.items.map((j) => j.id)[0]).toBe(mine.id);
    expect(listA.items).toHaveLength(2);
  });
});

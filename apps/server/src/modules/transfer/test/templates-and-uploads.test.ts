import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, transferKinds } from '@gongzhi/shared';
import { AppError } from '../../../lib/app-error.js';
import { dialects } from '../../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../../test/fixtures.js';
import { kinds } from '../kinds/index.js';
import { readSheet } from '../xlsx/read-sheet.js';
import { errorCode, headers, multipart, readXlsx, rowOf, upload, xlsx, zipOf } from './helpers.js';

describe('reading sheets', () => {
  it('keeps Chinese text whole however the file is chunked', async () => {
    // exceljs's streaming reader decodes each chunk of UTF-8 separately; thousands of rows cross many chunks.
    const rows = [headers('places'), ...Array.from({ length: 5000 }, (_, i) => rowOf('places', { grid: `网格${i % 8}`, estate: `幸福里小区${i}`, building: '𠜎栋', dwelling: null }))];
    const sheet = await readSheet(await xlsx(rows), kinds.places.columns, 10_000);
    expect(sheet.rows).toHaveLength(5000);
    expect(sheet.rows.every((r, i) => r.cells[1] === `幸福里小区${i}` && r.cells[2] === '𠜎栋')).toBe(true);
  });

  it('reads what Excel stores: dates, formulas, rich text, booleans, errors and numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('随便');
    ws.addRow(['网格', '小区', '楼栋', '单元', '房号']);
    ws.addRow([{ richText: [{ text: '第一' }, { text: '网格', font: { bold: true } }] }, { formula: '"五"&"福苑"', result: '五福苑' }, 3, true, { error: '#N/A' }]);
    ws.addRow([new Date(Date.UTC(2024, 2, 7)), { text: '链接', hyperlink: 'https://example.org' }, 1.5, null, '  101室  ']);
    ws.getCell('A3').numFmt = 'yyyy"年"m"月"d"日"';
    const sheet = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), kinds.places.columns, 10);
    expect(sheet.rows[0]!.cells).toEqual(['第一网格', '五福苑', 3, true, { error: '#N/A' }]);
    expect(sheet.rows[1]!.cells).toEqual([new Date(Date.UTC(2024, 2, 7)), '链接', 1.5, null, '  101室  ']);
  });

  it('reads sheets other generators write: prefixed names, cells without references, inline strings', async () => {
    const main = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const data = await zipOf({
      'xl/workbook.xml': `<x:workbook ${main} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="数据" sheetId="7" r:id="rId9"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
      'xl/worksheets/data.xml': `<x:worksheet ${main}><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>网格</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>小区</x:t></x:is></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:r><x:t>A&amp;B</x:t></x:r><x:r><x:t>_x0031_号</x:t></x:r></x:is></x:c><x:c t="str"><x:f>X</x:f><x:v>&#x4E94;福苑</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    const sheet = await readSheet(data, kinds.places.columns, 10);
    expect(sheet.rows).toEqual([{ row: 2, cells: ['A&B1号', '五福苑', null, null, null] }]);
  });

  it('stops at the row limit', async () => {
    const rows = [headers('places'), ...Array.from({ length: 4 }, (_, i) => rowOf('places', { grid: `网格${i}` }))];
    await expect(readSheet(await xlsx(rows), kinds.places.columns, 3)).rejects.toMatchObject({ code: 'import_too_many_rows' });
    await expect(readSheet(await xlsx(rows), kinds.places.columns, 4)).resolves.toMatchObject({ headerRow: 1 });
  });

  it('maps headers by name, accepts the report column, and names what is missing or unknown', async () => {
    const reordered = [['网格', '房号', '小区', '错误说明'], ['第一网格', '101', '五福苑', '某个错误']];
    const sheet = await readSheet(await xlsx(reordered), kinds.places.columns, 10);
    expect(sheet.rows[0]!.cells).toEqual(['第一网格', '五福苑', null, null, '101']);
    const wrong = readSheet(await xlsx([['姓名', '身高']]), kinds.residents.columns, 10);
    await expect(wrong).rejects.toBeInstanceOf(AppError);
    await expect(wrong).rejects.toMatchObject({ code: 'import_headers_mismatch', details: { unexpected: ['身高'], missing: ['身份证号', '居住类型'] } });
  });
});

describe.each(dialects)('templates and uploads (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let staff: Session;
  beforeAll(async () => {
    t = await testApp(dialect);
    staff = await sessionFor(t.app, t.world.users.community_staff);
  });
  afterAll(() => t.close());

  it.each(transferKinds)('serves a %s template that imports back as an empty file', async (kind) => {
    const res = await t.app.inject({ url: `/api/v1/transfer/templates/${kind}`, headers: staff.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z_]+-template\.xlsx"; filename\*=UTF-8''.*%E6%A8%A1%E6%9D%BF\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([kinds[kind].sheet.zh, '填写说明']);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const [sheet, instructions] = await readXlsx(res.rawPayload);
    expect(sheet!.rows.get(1)!.values.map((h) => String(h).replace(/\*$/, ''))).toEqual(headers(kind));
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet!.rows.get(1)!.notes[0]).toBe(kinds[kind].columns[0]!.help.zh);
    expect(String(sheet!.rows.get(2)!.values[0])).toMatch(/^【示例】/);
    expect(ws.getRow(2).getCell(1).font?.italic).toBe(true);
    // Drop-down lists on enum columns; text format on everything typed.
    const validations = Object.entries((ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model);
    kinds[kind].columns.forEach((c, i) => {
      const letter = ws.getColumn(i + 1).letter;
      const list = validations.find(([cell]) => cell === `${letter}2`);
      expect(Boolean(list), c.zh).toBe(c.type === 'enum');
      if (list) expect(list[1].formulae[0]).toBe(`"${c.options!.map((o) => o.label.zh).join(',')}"`);
      expect(ws.getColumn(i + 1).numFmt).toBe(c.type.endsWith('date') ? 'yyyy-mm-dd' : '@');
    });
    const text = [...instructions!.rows.values()].map((r) => r.values.join(' ')).join('\n');
    for (const c of kinds[kind].columns) expect(text).toContain(c.zh);

    const back = await upload(t.app, staff, kind, t.world.a.id, res.rawPayload);
    expect(back.statusCode).toBe(400);
    expect(errorCode(back)).toBe('import_empty');
  });

  it('lets any staff role download templates, and nobody else', async () => {
    const grid = await sessionFor(t.app, t.world.users.grid_worker);
    const leader = await sessionFor(t.app, t.world.users.building_leader);
    expect((await t.app.inject({ url: '/api/v1/transfer/templates/residents', headers: grid.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/transfer/templates/residents', headers: leader.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/transfer/templates/residents' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/transfer/templates/people', headers: staff.headers })).statusCode).toBe(400);
  });

  it('refuses garbage with a stable code and keeps nothing', async () => {
    const count = async () => (await t.deps.db.selectFrom('import_jobs').select('id').execute()).length;
    const before = await count();
    const code = async (data: Buffer) => {
      const res = await upload(t.app, staff, 'residents', t.world.a.id, data);
      return [res.statusCode, errorCode(res)];
    };
    expect(await code(Buffer.from('姓名,身份证号\n张三,110101199003071233\n'))).toEqual([400, 'import_file_invalid']);
    expect(await code(Buffer.alloc(0))).toEqual([400, 'import_file_invalid']);
    expect(await code(Buffer.from('PK\u0003\u0004 truncated zip'))).toEqual([400, 'import_file_invalid']);
    expect(await code(await zipOf({ 'word/document.xml': '<w/>' }))).toEqual([400, 'import_file_invalid']);
    expect(await code(await zipOf({ 'xl/workbook.xml': '<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>' }))).toEqual([400, 'import_file_invalid']);
    expect(await code(await xlsx([['名字', '号码'], ['张三', '1']]))).toEqual([400, 'import_headers_mismatch']);
    expect(await code(await xlsx([headers('residents')]))).toEqual([400, 'import_empty']);
    const mismatch = await upload(t.app, staff, 'residents', t.world.a.id, await xlsx([['姓名', '电话号码']]));
    expect((mismatch.json() as { error: { details: { missing: string[]; unexpected: string[] } } }).error.details).toMatchObject({ missing: ['身份证号', '居住类型'], unexpected: ['电话号码'] });

    const noFile = await t.app.inject({ method: 'POST', url: `/api/v1/imports?kind=residents&communityId=${t.world.a.id}`, headers: staff.headers, payload: {} });
    expect([noFile.statusCode, errorCode(noFile)]).toEqual([400, 'import_file_missing']);
    const otherField = multipart(await xlsx([headers('residents')]), 'a.xlsx', 'attachment');
    const wrongField = await t.app.inject({ method: 'POST', url: `/api/v1/imports?kind=residents&communityId=${t.world.a.id}`, headers: { ...staff.headers, 'content-type': otherField.contentType }, payload: otherField.payload });
    expect([wrongField.statusCode, errorCode(wrongField)]).toEqual([400, 'import_file_missing']);
    const huge = await upload(t.app, staff, 'residents', t.world.a.id, Buffer.alloc(IMPORT_MAX_BYTES + 1, 1));
    expect(huge.statusCode).toBe(413);
    const badKind = await upload(t.app, staff, 'people' as 'residents', t.world.a.id, await xlsx([headers('residents')]));
    expect(badKind.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});

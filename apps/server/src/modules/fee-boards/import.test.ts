import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeBoardImportError, FeeBoardImportResult, FeeBoardList, FeeBoardView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { api, errCode, header, ok, xlsx, type Api, type T } from './test/world.js';

const boardCount = (t: T) => t.deps.db.selectFrom('fee_boards').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe.each(dialects)('fee board import (%s)', (dialect) => {
  let t: T;
  let admin: Api;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await api(t, t.world.users.community_admin);
  });
  afterAll(() => t.close());

  it('offers a template with Chinese headers that imports as it is (the example row is skipped)', async () => {
    const res = await admin.get('/fee-boards/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const first = wb.worksheets[0]!;
    expect((first.getRow(1).values as unknown[]).slice(1)).toEqual(['小区*', '月份*', '项目*', '收取金额(元)*', '支出金额(元)*', '用量', '单位', '备注']);
    expect(errCode(await admin.upload('/fee-boards/import', res.rawPayload))).toBe('fee_board_import_empty');
    expect(errCode(await admin.upload('/fee-boards/import', Buffer.from('not a workbook')))).toBe('import_file_invalid');
    expect(errCode(await admin.upload('/fee-boards/import', await xlsx([['小区', '金额']])))).toBe('import_headers_mismatch');
  });

  it('reports every wrong row and column and writes nothing', async () => {
    const file = await xlsx([
      header,
      ['第一网格小区', '2026-10', '物业费', '1,234.50', '0', null, null, null],
      ['第一网格小区', '2026-10', '路灯费', '-20', '1.005', null, null, null],
      ['乙一网格小区', '2026-10', '垃圾费', '10', '10', null, null, null],
      ['第一网格小区', '2026-13', '用水量', '10', '10', 'abc', 'm³', null],
      ['第一网格小区', '2026-10', '物业费', '5', '5', null, null, null],
      ['第一网格小区', '2027-01', '车辆停放', 'lots', '', null, null, null],
    ]);
    const before = await boardCount(t);
    const res = await admin.upload('/fee-boards/import', file);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { error: { code: string; details: { errors: FeeBoardImportError[] } } };
    expect(body.error.code).toBe('fee_board_import_invalid');
    expect(body.error.details.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '收取金额(元)', 'fee_board_amount_negative'],
      [3, '支出金额(元)', 'fee_board_amount_decimals'],
      [4, '小区', 'fee_board_estate_unknown'],
      [5, '月份', 'fee_board_month_invalid'],
      [5, '用量', 'fee_board_quantity_invalid'],
      [6, '项目', 'fee_board_item_duplicate'],
      [7, '月份', 'fee_board_month_future'],
      [7, '收取金额(元)', 'fee_board_amount_invalid'],
    ]);
    expect(body.error.details.errors[0]!.message).toBe('金额不能为负数');
    expect(await boardCount(t)).toBe(before);
  });

  it('imports drafts per estate and month, and importing the same file again changes nothing', async () => {
    const file = await xlsx([
      header,
      ['【示例】阳光小区', '2026-10', '物业费', '1', '1', null, null, null],
      ['第一网格小区', '2026-10', '物业费', '1,234.50', '1000', null, null, '含保洁'],
      ['第一网格小区', '2026年10月', '用水量', 5678.9, 5678.9, 1234.5, 'm³', null],
      ['第一网格小区', '2026-10', '电梯维保', '300', '300', null, null, null],
      ['第二网格小区', new Date(Date.UTC(2026, 8, 1)), '车辆停放', '600', '', 40, '个', null],
    ]);
    const first = ok<FeeBoardImportResult>(await admin.upload('/fee-boards/import', file), 'import');
    expect(first.boards.map((b) => [b.estateName, b.month, b.lines, b.outcome])).toEqual([
      ['第一网格小区', '2026-10', 3, 'draft_saved'],
      ['第二网格小区', '2026-09', 1, 'draft_saved'],
    ]);
    const board = ok<FeeBoardView>(await admin.get(`/fee-boards/${first.boards[0]!.id}`), 'board');
    expect(board.lines.map((l) => [l.label, l.collectedFen, l.spentFen, l.quantity, l.unit, l.note])).toEqual([
      ['物业费', 123450, 100000, null, null, '含保洁'],
      ['用水量', 567890, 567890, '1234.5', 'm³', null],
      ['电梯维保', 30000, 30000, null, null, null],
    ]);
    const count = await boardCount(t);
    const again = ok<FeeBoardImportResult>(await admin.upload('/fee-boards/import', file), 'import again');
    expect(again.boards.map((b) => b.id)).toEqual(first.boards.map((b) => b.id));
    expect(await boardCount(t)).toBe(count);
    expect(ok<FeeBoardView>(await admin.get(`/fee-boards/${first.boards[0]!.id}`), 'same').lines).toEqual(board.lines);

    // Once published, the same file finds nothing to change; a changed file opens a correction draft.
    ok(await admin.post(`/fee-boards/${first.boards[0]!.id}/publish`), 'publish');
    ok(await admin.post(`/fee-boards/${first.boards[1]!.id}/publish`), 'publish 2');
    const third = ok<FeeBoardImportResult>(await admin.upload('/fee-boards/import', file), 'import published');
    expect(third.boards.map((b) => b.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await boardCount(t)).toBe(count);
    const changed = await xlsx([header, ['第二网格小区', '2026-09', '车辆停放', '650', '', 40, '个', null]]);
    const fix = ok<FeeBoardImportResult>(await admin.upload('/fee-boards/import', changed), 'correction');
    expect(fix.boards[0]).toMatchObject({ outcome: 'draft_saved' });
    const list = ok<FeeBoardList>(await admin.get(`/fee-boards?estateId=${t.world.g2.estate.id}&month=2026-09`), 'list');
    expect(list.items.map((b) => [b.revision, b.status])).toEqual([[2, 'draft'], [1, 'published']]);
  });

  it('imports only estates within the importer’s community', async () => {
    const adminB = await api(t, t.world.adminB);
    const res = await adminB.upload('/fee-boards/import', await xlsx([header, ['第一网格小区', '2026-10', '物业费', '1', '1', null, null, null]]));
    expect(res.statusCode).toBe(422);
    expect((res.json() as { error: { details: { errors: FeeBoardImportError[] } } }).error.details.errors.map((e) => e.code)).toEqual(['fee_board_estate_unknown']);
  });
});

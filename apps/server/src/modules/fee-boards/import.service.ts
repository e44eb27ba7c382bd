import ExcelJS from 'exceljs';
import { errorMessage, feeItemLabels, standardFeeItems, parseYuan, quantitySchema, type ErrorCode, type FeeBoardImportError, type FeeBoardImportResult, type FeeItem, type Locale } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { localDate } from '../../lib/clock.js';
import { cellText } from '../transfer/kinds/cells.js';
import type { CellValue, ColumnDef } from '../transfer/kinds/types.js';
import { readSheet } from '../transfer/xlsx/read-sheet.js';
import { EXAMPLE_MARKER } from '../transfer/xlsx/sheet-layout.js';
import { lineProblems, normaliseLines } from './content.js';
import { editPrefixes } from './fee-boards.policy.js';
import * as repo from './fee-boards.repository.js';
import { inDraftTransaction, writeDraft } from './fee-boards.service.js';

/**
 * Fee boards from .xlsx. The transfer module's sheet reader maps the headers and skips the example row; every row
 * is then checked (estate in the importer's scope, month begun, item, amounts in yuan with at most two decimals),
 * and only a file without a single error is written: one draft per estate and month in the file, all in one
 * transaction. A draft is replaced whole, so importing the same file again leaves the same drafts.
 */

const text = (zh: string, en: string) => ({ zh, en });
export const feeBoardColumns: ColumnDef[] = [
  { key: 'estate', zh: '小区', en: 'Estate', required: true, type: 'text', help: text('小区名称，与系统中登记的一致', 'The estate as registered'), example: '阳光小区' },
  { key: 'month', zh: '月份', en: 'Month', required: true, type: 'text', help: text('如 2026-10', 'e.g. 2026-10'), example: '2026-10' },
  { key: 'item', zh: '项目', en: 'Item', required: true, type: 'text', help: text(`${standardFeeItems.map((i) => feeItemLabels[i].zh).join('、')}；其他项目填写其名称(最多两项)`, 'A standard item, or the name of another item (two at most)'), example: '物业费' },
  { key: 'collected', zh: '收取金额(元)', en: 'Collected (yuan)', required: true, type: 'text', help: text('元，最多两位小数，如 1,234.50', 'Yuan, at most two decimals'), example: '12,345.60' },
  { key: 'spent', zh: '支出金额(元)', en: 'Spent (yuan)', required: true, type: 'text', help: text('元，最多两位小数；空白按 0', 'Yuan; blank is 0'), example: '8,000.00' },
  { key: 'quantity', zh: '用量', en: 'Quantity', type: 'text', help: text('如用水量 1234.5(最多三位小数)', 'e.g. water in m³'), example: '' },
  { key: 'unit', zh: '单位', en: 'Unit', type: 'text', max: 12, help: text('如 m³、个、次', 'e.g. m³'), example: '' },
  { key: 'note', zh: '备注', en: 'Note', type: 'text', max: 200, help: text('公示时公开，请勿填写个人信息', 'Published; no personal data'), example: '' },
];
const MAX_ROWS = 2000;

/** The template: the header, an example row the import skips, and a sheet of instructions. */
export async function feeBoardTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收费公示');
  ws.columns = feeBoardColumns.map((c) => ({ header: c.required ? `${c.zh}*` : c.zh, key: c.key, width: c.key === 'note' ? 30 : 16, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(feeBoardColumns.map((c, i) => (i === 0 ? `${EXAMPLE_MARKER}${c.example ?? ''}` : (c.example ?? ''))));
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 70 }];
  help.addRow(['填写说明', '每行是一个小区一个月份的一个项目；同一小区同一月份的各行组成一张收费公示(草稿)。']);
  help.addRow(['', `第 2 行是示例(以“${EXAMPLE_MARKER}”开头)，导入时自动跳过。`]);
  help.addRow(['', '任何一行有错误时整份文件都不会写入；请按错误报告改正后重新导入。重复导入同一文件只会更新同一份草稿。']);
  help.addRow(['', '导入只生成草稿，须在系统中预览后公示；已公示的月份再次导入(内容有变化)时生成更正稿，公示前须写明更正原因。']);
  for (const c of feeBoardColumns) help.addRow([c.zh, c.help.zh]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `YYYY-MM` from a cell: an Excel date, 2026-10, 2026/10, 2026.10, 2026年10月, 202610. */
export function readMonth(v: CellValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 7);
  const t = cellText(v);
  const m = t === null ? null : (/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t));
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}

/** An amount cell as typed text; a number Excel stored prints as its shortest decimal (so 0.1+0.2 shows its excess digits). */
const amountText = (v: CellValue): string | null => (typeof v === 'number' ? String(v) : cellText(v));

function itemOf(name: string): { item: FeeItem; label: string | null } {
  const std = standardFeeItems.find((i) => feeItemLabels[i].zh === name || feeItemLabels[i].en.toLowerCase() === name.toLowerCase() || i === name);
  return std ? { item: std, label: null } : { item: 'other', label: name };
}

interface Group {
  estate: repo.EstateRow;
  month: string;
  rows: number[];
  lines: { item: FeeItem; label: string | null; collectedFen: number; spentFen: number; quantity: string | null; unit: string | null; note: string | null }[];
}

export async function importFeeBoards(deps: AppDeps, ctx: RequestContext, data: Buffer, locale: Locale): Promise<FeeBoardImportResult> {
  const sheet = await readSheet(data, feeBoardColumns, MAX_ROWS);
  if (sheet.rows.length === 0) throw new AppError('fee_board_import_empty', 400);
  const estates = await repo.estatesIn(deps.db, editPrefixes(ctx.actor));
  const thisMonth = localDate(deps.clock.now()).slice(0, 7);
  const errors: FeeBoardImportError[] = [];
  const fail = (row: number, key: string | null, code: ErrorCode) =>
    errors.push({ row, column: key === null ? null : (feeBoardColumns.find((c) => c.key === key)?.zh ?? key), code, message: errorMessage(code, locale) });
  const groups = new Map<string, Group>();

  for (const { row, cells } of sheet.rows) {
    const at = (key: string) => cells[feeBoardColumns.findIndex((c) => c.key === key)] ?? null;
    const str = (key: string, max: number): string | null => {
      const t = cellText(at(key));
      if (t === null) return null;
      if (CONTROL.test(t)) return fail(row, key, 'fee_board_text_invalid'), null;
      if ([...t].length > max) return fail(row, key, 'fee_board_text_too_long'), null;
      return t;
    };
    const before = errors.length;
    const estateName = str('estate', 60);
    const matches = estateName === null ? [] : estates.filter((e) => e.name === estateName);
    if (estateName === null) fail(row, 'estate', 'fee_board_cell_required');
    else if (matches.length === 0) fail(row, 'estate', 'fee_board_estate_unknown');
    else if (matches.length > 1) fail(row, 'estate', 'fee_board_estate_ambiguous');
    const month = readMonth(at('month'));
    if (cellText(at('month')) === null && !(at('month') instanceof Date)) fail(row, 'month', 'fee_board_cell_required');
    else if (month === null) fail(row, 'month', 'fee_board_month_invalid');
    else if (month > thisMonth) fail(row, 'month', 'fee_board_month_future');
    const itemName = str('item', 30);
    if (itemName === null) fail(row, 'item', 'fee_board_cell_required');
    const amount = (key: string): number => {
      const t = amountText(at(key));
      if (t === null) return 0;
      const p = parseYuan(t);
      if (!p.ok) return fail(row, key, p.code), 0;
      return p.fen;
    };
    const collectedFen = amount('collected');
    const spentFen = amount('spent');
    const q = cellText(at('quantity'));
    const quantity = q === null ? null : quantitySchema.safeParse(q).success ? q : (fail(row, 'quantity', 'fee_board_quantity_invalid'), null);
    const unit = str('unit', 12);
    const note = str('note', 200);
    if (errors.length > before || !month || !itemName) continue;
    const estate = matches[0]!;
    const key = `${estate.id}|${month}`;
    const g = groups.get(key) ?? { estate: { id: estate.id, kind: 'estate', name: estate.name, path: estate.path, community_id: estate.communityId, retired_at: null }, month, rows: [], lines: [] };
    groups.set(key, g);
    g.rows.push(row);
    g.lines.push({ ...itemOf(itemName), collectedFen, spentFen, quantity, unit, note });
  }
  for (const g of groups.values()) for (const p of lineProblems(g.lines)) fail(g.rows[p.index]!, 'item', p.code);
  if (errors.length) throw new AppError('fee_board_import_invalid', 422, { errors: errors.sort((a, b) => a.row - b.row) });

  const boards = await inDraftTransaction(deps, async (trx) => {
    const out: FeeBoardImportResult['boards'] = [];
    for (const g of groups.values()) {
      const lines = normaliseLines(g.lines);
      const r = await writeDraft(trx, ctx, deps.clock, g.estate, { month: g.month, lines, correctionReason: null }, { action: 'fee_board.imported', skipUnchanged: true });
      out.push({ id: r.id, estateName: g.estate.name, month: g.month, lines: lines.length, outcome: r.outcome });
    }
    return out;
  });
  return { boards };
}

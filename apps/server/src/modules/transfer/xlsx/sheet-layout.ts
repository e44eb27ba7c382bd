import { IMPORT_MAX_ROWS } from '@gongzhi/shared';
import type { ColumnDef, KindDefinition } from '../kinds/types.js';
import { columnLetter, type CellOut, type XlsxWriter } from './xlsx-writer.js';

/** The example row's first cell starts with this; an import skips such rows. */
export const EXAMPLE_MARKER = '【示例】';
/** The column a report adds; an import ignores it, so a corrected report can be imported again. */
export const REPORT_COLUMN = { zh: '错误说明', en: 'Errors' };

export const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text for everything typed (ID numbers, phones, room numbers stay as typed), dates as dates. */
const columnStyle = (c: ColumnDef) => (c.type === 'date' || c.type === 'past_date' ? ('date' as const) : ('text' as const));
const columnWidth = (c: ColumnDef) => c.width ?? Math.max(10, c.zh.length * 2 + 4);

/**
 * Start the data sheet of a kind as templates, exports and reports share it: widths, text and date formats,
 * drop-down lists on enum columns for `listRows` rows, and the header row (bold, frozen, required columns marked
 * with a star, each header with a note saying what goes in the column).
 */
export async function startDataSheet(w: XlsxWriter, def: KindDefinition, opts: { extraColumns?: string[]; listRows?: number } = {}): Promise<void> {
  const last = (opts.listRows ?? IMPORT_MAX_ROWS) + 1;
  const validations = def.columns.flatMap((c, i) => {
    if (c.type !== 'enum' || !c.options) return [];
    const letter = columnLetter(i);
    const values = c.options.map((o) => o.label.zh);
    return [{ range: `${letter}2:${letter}${last}`, values, allowBlank: !c.required, title: c.zh, error: `请从下拉列表中选择：${values.join('、')}` }];
  });
  await w.startSheet(
    def.sheet.zh,
    [...def.columns.map((c) => ({ width: columnWidth(c), style: columnStyle(c) })), ...(opts.extraColumns ?? []).map(() => ({ width: 40, style: 'wrap' as const }))],
    { frozenHeader: true, validations },
  );
  // A plain star marks required columns: rich text in inline strings is lost by some readers (exceljs among them).
  const header: CellOut[] = def.columns.map((c) => ({ value: c.required ? `${c.zh}*` : c.zh, style: 'header', note: c.help.zh }));
  for (const h of opts.extraColumns ?? []) header.push({ value: h, style: 'header' });
  w.row(header, 1);
}

/** The example row, in grey italics, its first cell marked so an import skips it. */
export function exampleRow(w: XlsxWriter, def: KindDefinition): void {
  w.row(
    def.columns.map((c, i) => ({
      value: i === 0 ? `${EXAMPLE_MARKER}${c.example ?? ''}` : (c.example ?? null),
      style: 'example',
      ...(i === 0 ? { note: '示例行：导入时自动跳过，可保留或删除。Example row: skipped on import.' } : {}),
    })),
    2,
  );
}

/** The instructions sheet: the rules for the whole file, then what each column takes. */
export async function instructionsSheet(w: XlsxWriter, def: KindDefinition): Promise<void> {
  await w.startSheet('填写说明', [
    { width: 18, style: 'wrap' },
    { width: 10, style: 'wrap' },
    { width: 70, style: 'wrap' },
    { width: 40, style: 'wrap' },
  ]);
  const general = [
    `填写说明：${def.sheet.zh}`,
    `1. 在第一个工作表“${def.sheet.zh}”中从第 2 行起逐行填写，不要修改表头。列名后带 * 的为必填。`,
    `2. 模板第 2 行为示例(第一格以“${EXAMPLE_MARKER}”开头)，导入时自动跳过，可保留或删除。`,
    '3. 日期可写成 2024-03-07、2024/3/7 或 Excel 日期。身份证号、电话请保持“文本”格式，否则 Excel 会改掉末几位。',
    '4. 带下拉列表的列请从列表中选择。',
    '5. 已登记的记录再次导入时，空白单元格表示“保持原值不变”；同一文件重复导入不会产生重复记录。',
    `6. 导入前系统会先逐行检查，有错误的行不会导入；可下载带“${REPORT_COLUMN.zh}”的报告，改正标红的单元格后整份文件重新导入。`,
    ...def.notes.map((n, i) => `${i + 7}. ${n}`),
  ];
  for (const line of general) w.row([{ value: line, style: 'general' }]);
  w.row([]);
  w.row(['列名', '是否必填', '说明', '可选值 / 示例'].map((h) => ({ value: h, style: 'header' as const })));
  for (const c of def.columns) {
    const choices = c.options ? c.options.map((o) => o.label.zh).join('、') : (c.example ?? '');
    w.row([{ value: c.zh }, { value: c.required ? '必填' : '选填' }, { value: c.help.zh }, { value: choices }]);
  }
  await w.endSheet();
}

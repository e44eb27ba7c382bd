import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { GENESIS_HASH, LEDGER_CHAIN_VERSION, type ChainLine, type ChainRecord } from '@gongzhi/shared';

/**
 * The two export formats of a community's posted chain, written by the server and read back by `ledger verify`
 * (no database, no network). Both carry every hashed field of every entry, both hashes, and the chain head.
 */

export const EXPORT_FORMAT = 'gongzhi-ledger-chain';

export interface ChainExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  communityId: string;
  communityName: string;
  exportedAt: string;
  genesis: string;
  head: { seq: number; entryHash: string };
  entries: ChainRecord[];
}

export type ChainExportHeader = Omit<ChainExport, 'entries'>;

export function exportHeader(meta: { communityId: string; communityName: string; exportedAt: string }, head: { seq: number; entryHash: string }): ChainExportHeader {
  return { format: EXPORT_FORMAT, version: LEDGER_CHAIN_VERSION, ...meta, genesis: GENESIS_HASH, head };
}

/** The JSON export as text chunks: the header's fields, then one entry per line (the same object JSON.parse reads). */
export async function* chainJsonChunks(header: ChainExportHeader, batches: AsyncIterable<ChainRecord[]>): AsyncGenerator<string> {
  const top = JSON.stringify(header, null, 1); // ends with "\n}"
  yield `${top.slice(0, -2)},\n "entries": [`;
  let first = true;
  for await (const b of batches) {
    let chunk = '';
    for (const r of b) {
      chunk += `${first ? '\n  ' : ',\n  '}${JSON.stringify(r)}`;
      first = false;
    }
    yield chunk;
  }
  yield '\n ]\n}\n';
}

/** An .xlsx sheet holds at most 1,048,576 rows, the header row included. */
export const XLSX_MAX_ENTRIES = 1_048_575;

/** The entry sheet's columns: Chinese header, the field, and how a cell is read back. */
const columns: { header: string; key: keyof ChainRecord; width: number }[] = [
  { header: '序号', key: 'seq', width: 8 },
  { header: '编号', key: 'id', width: 38 },
  { header: '社区编号', key: 'communityId', width: 38 },
  { header: '类型', key: 'kind', width: 10 },
  { header: '记账日期', key: 'date', width: 12 },
  { header: '金额（分）', key: 'amount', width: 12 },
  { header: '对方', key: 'counterparty', width: 20 },
  { header: '对方类型', key: 'counterpartyKind', width: 12 },
  { header: '类别', key: 'category', width: 12 },
  { header: '用途', key: 'purpose', width: 30 },
  { header: '分录', key: 'lines', width: 40 },
  { header: '凭证SHA-256', key: 'receipts', width: 40 },
  { header: '冲正原账目', key: 'reverses', width: 38 },
  { header: '冲正原因', key: 'reason', width: 20 },
  { header: '入账时间', key: 'postedAt', width: 26 },
  { header: '录入人', key: 'authorId', width: 38 },
  { header: '审核人', key: 'approverId', width: 38 },
  { header: '内容哈希', key: 'contentHash', width: 66 },
  { header: '前一哈希', key: 'prevHash', width: 66 },
  { header: '链哈希', key: 'entryHash', width: 66 },
];

const cellOf = (r: ChainRecord, key: keyof ChainRecord): string | number => {
  const v = r[key];
  if (key === 'lines' || key === 'receipts') return JSON.stringify(v);
  return v === null ? '' : (v as string | number);
};

/** Write the .xlsx export to `out` row by row (ExcelJS's streaming writer), so a long chain is never held whole. */
export async function writeChainWorkbook(out: Writable, header: ChainExportHeader, batches: AsyncIterable<ChainRecord[]>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('账目');
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for await (const b of batches) for (const r of b) sheet.addRow(columns.map((c) => cellOf(r, c.key))).commit();
  sheet.commit();
  const meta = wb.addWorksheet('说明');
  meta.columns = [{ width: 16 }, { width: 70 }];
  const rows: [string, string | number][] = [
    ['格式', header.format],
    ['版本', header.version],
    ['社区编号', header.communityId],
    ['社区', header.communityName],
    ['导出时间', header.exportedAt],
    ['创世哈希', header.genesis],
    ['链头序号', header.head.seq],
    ['链头哈希', header.head.entryHash],
    ['校验方法', 'npm run gongzhi -- ledger verify 本文件 --head 链头哈希（见 docs/ledger-verification.md）'],
  ];
  for (const r of rows) meta.addRow(r).commit();
  meta.commit();
  await wb.commit();
}

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return String(v);
};

/** Read an .xlsx export back: the entries (by their Chinese headers) and the head from the metadata sheet. */
export async function readChainWorkbook(data: Buffer): Promise<{ entries: ChainRecord[]; head: string | null }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('账目');
  if (!sheet) throw new Error('no sheet 账目 / no entry sheet');
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => at.set(text(cell.value), col));
  const entries: ChainRecord[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (header: string) => text(row.getCell(at.get(header) ?? 0).value);
    const rec: Record<string, unknown> = {};
    for (const c of columns) {
      const v = get(c.header);
      if (c.key === 'seq' || c.key === 'amount') rec[c.key] = Number(v);
      else if (c.key === 'lines') rec[c.key] = JSON.parse(v || '[]') as ChainLine[];
      else if (c.key === 'receipts') rec[c.key] = JSON.parse(v || '[]') as string[];
      else if (c.key === 'reverses' || c.key === 'approverId') rec[c.key] = v === '' ? null : v;
      else rec[c.key] = v;
    }
    entries.push(rec as unknown as ChainRecord);
  });
  let head: string | null = null;
  wb.getWorksheet('说明')?.eachRow((row) => {
    if (text(row.getCell(1).value) === '链头哈希') head = text(row.getCell(2).value);
  });
  return { entries, head };
}

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { idNumberCheckChar, type ImportJobView, type TransferKind } from '@gongzhi/shared';
import type { Session } from '../../../test/fixtures.js';
import { kinds } from '../kinds/index.js';
import { ZipStreamWriter } from '../xlsx/zip-stream.js';

/** A valid ID number: region 110101, the given birth date (YYYYMMDD), a sequence whose parity sets the gender. */
export function idNumber(birth: string, seq: number, gender: 'male' | 'female' = 'male'): string {
  const s = seq * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `110101${birth}${String(s % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with a wrong check character. */
export function badChecksum(id: string): string {
  const c = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + c;
}

/** The Chinese headers of a kind, in template order. */
export const headers = (kind: TransferKind) => kinds[kind].columns.map((c) => c.zh);

/** A row of a kind's sheet from values by column key. */
export function rowOf(kind: TransferKind, values: Record<string, unknown>): unknown[] {
  return kinds[kind].columns.map((c) => values[c.key] ?? null);
}

/** An .xlsx with one sheet: the given rows, the first being the header. ID-number columns are typed as text. */
export async function xlsx(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ReadSheet {
  name: string;
  rows: Map<number, { values: unknown[]; notes: (string | null)[]; red: boolean[] }>;
}

/** Read every sheet back: values (1-based columns dropped to 0-based), notes and which cells are filled red. */
export async function readXlsx(data: Buffer): Promise<ReadSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows = new Map<number, { values: unknown[]; notes: (string | null)[]; red: boolean[] }>();
    ws.eachRow((row, n) => {
      const values: unknown[] = [];
      const notes: (string | null)[] = [];
      const red: boolean[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value as unknown;
        values[col - 1] = v && typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('') : v;
        const note = cell.note as unknown;
        notes[col - 1] = typeof note === 'string' ? note : note ? (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('') : null;
        const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
        red[col - 1] = fill?.fgColor?.argb === 'FFFFC7CE';
      });
      rows.set(n, { values, notes, red });
    });
    return { name: ws.name, rows };
  });
}

/** A multipart body with one file field. */
export function multipart(data: Buffer, fileName = 'upload.xlsx', field = 'file') {
  const boundary = '----gongzhi-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Upload a file for checking; answers the raw response. */
export function upload(app: FastifyInstance, s: Session, kind: TransferKind, communityId: string, data: Buffer, fileName = 'upload.xlsx', locale?: string) {
  const body = multipart(data, fileName);
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports?kind=${kind}&communityId=${communityId}`,
    headers: { ...s.headers, 'content-type': body.contentType, ...(locale ? { 'accept-language': locale } : {}) },
    payload: body.payload,
  });
}

/** Commit a job and poll until it has ended. */
export async function commitAndWait(app: FastifyInstance, s: Session, jobId: string): Promise<ImportJobView> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/imports/${jobId}/commit`, headers: s.headers });
  if (res.statusCode !== 202) throw new Error(`commit answered ${res.statusCode}: ${res.body}`);
  for (let i = 0; i < 600; i++) {
    const job = (await app.inject({ url: `/api/v1/imports/${jobId}`, headers: s.headers })).json() as ImportJobView;
    if (job.status !== 'importing') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not end');
}

/** Upload, expect it validated, commit and wait. */
export async function importFile(app: FastifyInstance, s: Session, kind: TransferKind, communityId: string, data: Buffer) {
  const res = await upload(app, s, kind, communityId, data);
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  const validated = res.json() as ImportJobView;
  return { validated, done: await commitAndWait(app, s, validated.id) };
}

export const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

/** A zip of the given files (for uploads that are zips but not workbooks). */
export async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const zip = new ZipStreamWriter(out);
  for (const [name, text] of Object.entries(files)) await zip.add(name, text);
  await zip.finish();
  return Buffer.concat(chunks);
}

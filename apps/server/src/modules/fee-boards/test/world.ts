import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { FeeBoardLineInput, FeeBoardView } from '@gongzhi/shared';
import { sessionFor, type testApp } from '../../../test/fixtures.js';
import { multipart } from '../../requests/test/factories.js';

/** Helpers for the fee-board suites: sessions by role, JSON calls, and .xlsx files built with exceljs. */

export type T = Awaited<ReturnType<typeof testApp>>;
export const errCode = (res: LightMyRequestResponse): string => (res.json() as { error: { code: string } }).error.code;

export function ok<R>(res: LightMyRequestResponse, what: string): R {
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as R;
}

export async function api(t: T, userId: string) {
  const s = await sessionFor(t.app, userId);
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown = {}) => call('POST', url, body),
    put: (url: string, body: unknown) => call('PUT', url, body),
    del: (url: string) => call('DELETE', url),
    upload: (url: string, data: Buffer, fileName = 'fees.xlsx') => {
      const m = multipart(data, fileName);
      return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...s.headers, 'content-type': m.contentType }, payload: m.payload });
    },
  };
}
export type Api = Awaited<ReturnType<typeof api>>;

/** A month's lines: property fee, streetlight, garbage, water (with a quantity), parking and e-bike charging. */
export const sampleLines = (): FeeBoardLineInput[] => [
  { item: 'property_fee', collectedFen: 12_345_60, spentFen: 8_000_00, note: '含保洁、保安人员工资' },
  { item: 'streetlight_fee', collectedFen: 1_200_00, spentFen: 980_50 },
  { item: 'garbage_fee', collectedFen: 2_400_00, spentFen: 2_400_00 },
  { item: 'water_usage', collectedFen: 5_678_90, spentFen: 5_678_90, quantity: '1234.5', unit: 'm³' },
  { item: 'parking', collectedFen: 6_000_00, spentFen: 1_500_00, quantity: '40', unit: '个' },
  { item: 'ev_charging', collectedFen: 860_00, spentFen: 700_00 },
];

export const saveDraft = async (a: Api, estateId: string, month: string, lines = sampleLines(), correctionReason?: string): Promise<FeeBoardView> =>
  ok<FeeBoardView>(await a.put('/fee-boards/drafts', { estateId, month, lines, ...(correctionReason ? { correctionReason } : {}) }), 'save draft');

/** A workbook whose first sheet has these rows (the first is the header). */
export async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收费公示');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const header = ['小区', '月份', '项目', '收取金额(元)', '支出金额(元)', '用量', '单位', '备注'];

import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { CellValue, ColumnDef } from '../transfer/kinds/types.js';
import { readSheet } from '../transfer/xlsx/read-sheet.js';
import { sheetRows } from '../transfer/xlsx/sheet-xml.js';
import { readZip } from '../transfer/xlsx/zip.js';
import { buildApp } from '../../app.js';
import { AppError } from '../../lib/app-error.js';
import { actorFromToken, openSession } from '../auth/auth.service.js';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { insertRequest, seedCategories } from './analysis-factory.js';
import { analysisRoutes } from './analysis.routes.js';
import { monthlyReport } from './monthly-report.service.js';

const DAY = 86_400_000;
const headers = ['编号', '受理时间', '答复时间', '办结时间', '分类', '地点', '状态', '渠道', '紧急程度', '逾期', '评价', '是否解决'];
const columns: ColumnDef[] = headers.map((h) => ({ key: h, zh: h, en: h, type: 'text', help: { zh: '', en: '' } }));

/** Rows of the n-th sheet (1-based), as plain values. */
function sheet(data: Buffer, n: number): CellValue[][] {
  const part = readZip(data, { maxEntries: 100, maxBytes: 50_000_000 }, (name) => name === `xl/worksheets/sheet${n}.xml`)[0]!;
  return [...sheetRows(part.data.toString('utf8'), [], new Set(), false)].map((r) => r.cells);
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(dialects)('analysis export and monthly report (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let staff: Session;
  const numbers: string[] = [];

  beforeAll(async () => {
    t = await testApp(dialect);
    const w = t.world;
    const now = t.clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const cats = await seedCategories(t.deps.db, w.a.id, ago(100));
    const add = async (s: Parameters<typeof insertRequest>[1]) => numbers.push((await insertRequest(t.deps.db, s, dialect)).number);
    // November 2026 (local) in community A; one request in B and one in October, neither in A's November.
    await add({ communityId: w.a.id, place: w.g1.dwelling, createdAt: ago(3), categoryId: cats.repair, status: 'closed', channel: 'phone', respondedAfter: 10, repliedAfter: 30, closedAfter: 60, rating: 'satisfied', resolved: 1, tokens: '电梯 故障' });
    await add({ communityId: w.a.id, place: w.g2.dwelling, createdAt: ago(4), categoryId: cats.noise, status: 'in_progress', respondedAfter: 90, replyDueMinutes: 120, tokens: '噪音 扰民' });
    await add({ communityId: w.a.id, place: w.g1.building, createdAt: ago(5), categoryId: cats.repair, status: 'replied', respondedAfter: 5, repliedAfter: 2000, replyDueMinutes: 1440, tokens: '电梯 维修' });
    await insertRequest(t.deps.db, { communityId: w.b.id, place: w.gb.dwelling, createdAt: ago(3), status: 'received', tokens: '乙' }, dialect);
    await insertRequest(t.deps.db, { communityId: w.a.id, place: w.g1.dwelling, createdAt: ago(60), status: 'closed', tokens: '停车' }, dialect);
    staff = await sessionFor(t.app, w.users.community_staff);
  });
  afterAll(() => t.close());

  it('exports the period as .xlsx that the project reader opens, without names or phones', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analysis/export.xlsx', headers: staff.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="requests-analysis-/);
    const data = res.rawPayload;
    const { rows } = await readSheet(data, columns, 1000);
    expect(rows.map((r) => r.cells[0]).sort()).toEqual([...numbers].sort());
    const byNumber = new Map(rows.map((r) => [r.cells[0], r.cells]));
    expect(byNumber.get(numbers[0]!)).toEqual([numbers[0], expect.stringMatching(/^2026-11-22 16:00$/), '2026-11-22 16:30', '2026-11-22 17:00', '维修', '第一网格 第一网格小区 1栋 1单元 101室', '已办结', '电话', '一般', '否', '满意', '是']);
    expect(byNumber.get(numbers[1]!)?.[9]).toBe('是'); // in progress past its reply deadline
    expect(byNumber.get(numbers[2]!)?.[9]).toBe('是'); // replied after the deadline
    const all = JSON.stringify(sheet(data, 1));
    expect(all).not.toContain('不应导出的姓名');
    expect(all).not.toContain('5678');
    const categories = sheet(data, 2);
    expect(categories[0]).toEqual(['分类', '受理量', '办结量', '响应率(%)', '解决率(%)', '满意率(%)']);
    expect(categories.slice(1)).toContainEqual(['维修', 2, 1, 100, 100, 100]);
    const grids = sheet(data, 3);
    expect(grids.slice(1).map((r) => [r[0], r[1]])).toEqual([['第一网格', 2], ['第二网格', 1]]);
  });

  it('writes the monthly report with pages, the Chinese title in its text layer and page numbers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analysis/monthly-report.pdf?month=2026-11', headers: staff.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe('甲社区 2026年11月 接诉即办月报');
    if (hasPdftotext()) {
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
      expect(text).toContain('甲社区 2026年11月 接诉即办月报');
      expect(text).toContain('响应率');
      expect(text).toContain(numbers[1]!); // the overdue list
      // pdftotext drops the spaces it cannot see between glyphs.
      expect(text.replace(/\s+/g, '')).toContain(`第1页/共${doc.getPageCount()}页`);
    } else {
      // No poppler-utils: check the font is embedded as a subset TrueType with a ToUnicode map (extractable text).
      const fonts = doc.context.enumerateIndirectObjects().map(([, o]) => o).filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
      expect(fonts.length).toBe(1);
      expect(fonts[0]!.has(PDFName.of('ToUnicode'))).toBe(true);
    }
  });

  it('answers 503 naming the Debian package when the font is missing', async () => {
    const { token } = await openSession(t.deps, t.world.users.community_staff);
    const ctx = { actor: (await actorFromToken(t.deps, token))!, requestId: 'test', ip: null };
    const err = await monthlyReport(t.deps, ctx, { month: '2026-11' }, { fontPath: '/nonexistent/wqy-microhei.ttc' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 503, code: 'service_unavailable', details: { debianPackage: 'fonts-wqy-microhei', font: '/nonexistent/wqy-microhei.ttc' } });
    // The same through HTTP, with the routes given another font path.
    const app = await buildApp(t.deps, { logger: false, webDir: null });
    await app.register(analysisRoutes, { prefix: '/api/v1/no-font', reportFontPath: '/nonexistent/wqy-microhei.ttc' });
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/no-font/analysis/monthly-report.pdf', headers: staff.headers });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'service_unavailable', details: { debianPackage: 'fonts-wqy-microhei' } } });
    } finally {
      await app.close();
    }
  });
});

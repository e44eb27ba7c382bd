import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { FeeBoardView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { api, ok, saveDraft, type Api, type T } from './test/world.js';

const pdftotext = (bytes: Buffer): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
/** pdftotext drops or adds spaces where it sees none between glyphs; compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.each(dialects)('fee board poster (%s)', (dialect) => {
  let t: T;
  let admin: Api;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await api(t, t.world.users.community_admin);
  });
  afterAll(() => t.close());
  const poster = (id: string, size?: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/fee-boards/${id}/poster.pdf${size ? `?size=${size}` : ''}` });

  it('answers 404 for a draft and an unknown board, 400 for an unknown size', async () => {
    const draft = await saveDraft(admin, t.world.g2.estate.id, '2026-07');
    expect((await poster(draft.id)).statusCode).toBe(404);
    expect((await poster('no-such-board')).statusCode).toBe(404);
    expect((await poster(draft.id, 'A5')).statusCode).toBe(400);
  });

  it('prints the estate, the month, every amount, the totals, the hash and the QR URL, in A3 and A4', async () => {
    const draft = await saveDraft(admin, t.world.g1.estate.id, '2026-10');
    const board = ok<FeeBoardView>(await admin.post(`/fee-boards/${draft.id}/publish`), 'publish');
    const res = await poster(board.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBe(1);
    expect(Math.round(doc.getPage(0).getWidth())).toBe(842);
    const text = squeeze(pdftotext(res.rawPayload));
    for (const s of ['甲社区', '第一网格小区', '2026年10月收费公示', '物业费', '12,345.60', '8,000.00', '用水量', '1234.5m³', '合计', '28,484.50', '19,259.40', '结余9,225.10', '用*', board.contentHash!, `http://127.0.0.1:8080/fee-boards/${board.id}`]) {
      expect(text).toContain(s);
    }
    const a4 = await poster(board.id, 'A4');
    expect(Math.round((await PDFDocument.load(a4.rawPayload)).getPage(0).getWidth())).toBe(595);
    expect(squeeze(pdftotext(a4.rawPayload))).toContain('第一网格小区2026年10月收费公示');
  });
});

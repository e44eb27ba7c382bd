import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { Measure, toChineseNumeral, wrapText } from '../analysis/poster-layout.js';
import { insertCovenant, type T } from './test/world.js';

const pdftotext = (bytes: Buffer): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
/** pdftotext drops or adds spaces where it sees none between glyphs; compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Embedded PNG images (the QR code): image XObjects decoded with FlateDecode from a PNG. */
function imageCount(doc: PDFDocument): number {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')).length;
}

/** An article of about 90 characters, different for each number. */
const longArticle = (i: number) => `第${i}项：居民应当自觉遵守本条约定，爱护小区公共设施和绿化环境，积极参加社区组织的志愿服务和邻里互助活动，共同营造整洁、安全、和谐、文明的居住环境。`;

describe('poster layout helpers', () => {
  it('writes Chinese numerals for chapters and articles', () => {
    expect([1, 9, 10, 11, 20, 23, 99, 100, 105, 110, 230].map(toChineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三', '九十九', '一百', '一百零五', '一百一十', '二百三十']);
  });
});

describe.each(dialects)('covenant poster (%s)', (dialect) => {
  let t: T;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const poster = (id: string, size?: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/covenants/${id}/poster.pdf${size ? `?size=${size}` : ''}` });

  it('answers 404 before publication and for an unknown covenant, without a login', async () => {
    const { id } = await insertCovenant(t, { communityId: t.world.a.id, phase: 'publication', published: false });
    expect((await poster(id)).statusCode).toBe(404);
    expect((await poster('no-such-covenant')).statusCode).toBe(404);
    expect((await poster(id, 'A5')).statusCode).toBe(400);
  });

  it('prints the title, the articles, the adoption, the QR code and its URL on one A3 page', async () => {
    const { id } = await insertCovenant(t, { communityId: t.world.a.id, title: '幸福里居民公约' });
    const res = await poster(id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual([841.89, 1190.55]);
    expect(doc.getTitle()).toBe('甲社区 幸福里居民公约');
    expect(imageCount(doc)).toBe(1);
    const text = squeeze(pdftotext(bytes));
    expect(text).toContain('幸福里居民公约');
    expect(text).toContain('甲社区');
    expect(text).toContain('第一章总则');
    expect(text).toContain('第三条文明饲养宠物，出门牵绳，及时清理宠物粪便。');
    expect(text).toContain('2026年11月5日居民代表会议表决通过');
    expect(text).toContain('备案号：街民备〔2026〕12号');
    expect(text).toContain('已有0户家庭签字承诺');
    expect(text).toContain(`http://127.0.0.1:8080/covenants/${id}`);
  });

  it('fits a 30-article covenant on one page, in A3 and A4', async () => {
    const articles = Array.from({ length: 30 }, (_, i) => longArticle(i + 1));
    const { id } = await insertCovenant(t, { communityId: t.world.a.id, articles });
    for (const size of ['A3', 'A4']) {
      const bytes = (await poster(id, size)).rawPayload;
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
      const text = squeeze(pdftotext(bytes));
      expect(text).toContain('第三十条');
      expect(text).toContain('第三章第3部分');
    }
    expect(Math.round((await PDFDocument.load((await poster(id, 'A4')).rawPayload)).getPage(0).getWidth())).toBe(595);
  });

  it('continues a very long covenant on a second page', async () => {
    const articles = Array.from({ length: 80 }, (_, i) => longArticle(i + 1).repeat(3));
    const { id } = await insertCovenant(t, { communityId: t.world.a.id, articles });
    const bytes = (await poster(id, 'A4')).rawPayload;
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const text = squeeze(pdftotext(bytes));
    expect(text).toContain('第八十条');
    expect(text).toContain('（续）');
  });

  it('breaks CJK text anywhere but keeps a URL whole when it fits', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont('Helvetica');
    expect(wrapText(new Measure(font), 'see https://example.org/a now', 10, 120)).toEqual(['see https://example.org/a', 'now']);
  });
});

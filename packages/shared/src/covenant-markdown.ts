/**
 * Splits a covenant's Markdown into chapters and articles. The server stores a version with it and the console
 * editor previews with it, so both agree exactly on what "第三条" is.
 *
 * Rules:
 * - A heading (`#` or `##`) or a line `第X章 标题` starts a chapter. A chapter with no article under it (such as
 *   the document's title at the top) is not kept. A chapter written `第X章` keeps X as its number; other headings
 *   are numbered by their order among the kept chapters.
 * - A line starting with `第X条` (X in Chinese numerals or digits; optionally bold `**第X条**` or as a heading
 *   `### 第X条`) starts an article, which runs until the next article or chapter. Other `###` headings and text
 *   are part of the article's body.
 * - Text before the first article is the preamble: it is not an article (numbers stay those the text shows) and
 *   is kept only in the Markdown and in `preamble`.
 * - Article numbers must run 1, 2, 3… in order across the whole text (chapters do not restart them).
 * - A text without a single `第X条` marker is split by blank lines: each paragraph that is not a heading becomes an
 *   article, numbered in order.
 */

export interface CovenantChapter {
  number: number;
  title: string;
}

export interface CovenantArticle {
  /** Order in the version, from 1. */
  position: number;
  chapterNumber: number | null;
  chapterTitle: string | null;
  number: number;
  body: string;
}

export interface ParsedCovenant {
  chapters: CovenantChapter[];
  articles: CovenantArticle[];
  preamble: string;
}

export const covenantMarkdownErrors = ['no_articles', 'article_numbers', 'empty_article', 'article_too_long', 'chapter_title_too_long'] as const;
export type CovenantMarkdownError = (typeof covenantMarkdownErrors)[number];

export interface CovenantMarkdownFailure {
  error: CovenantMarkdownError;
  /** 1-based line of the text where the problem is. */
  line: number;
  /** For article_numbers: the number expected and the one found. */
  expected?: number;
  found?: number;
}

/** Limits of the table columns (migration 0018). */
export const covenantArticleMaxLength = 4000;
export const covenantChapterTitleMaxLength = 200;

const numeral = '[零〇一二两三四五六七八九十百千\\d０-９]+';
// Groups: the number, what separates it from the text (empty in "第三条规定…"), the text.
const articleLine = new RegExp(`^(?:#{1,6}\\s*)?(?:\\*\\*)?\\s*第(${numeral})条(\\s*(?:\\*\\*)?[\\s\\u3000:：、.．]*)(.*)$`);
const chapterLine = new RegExp(`^(?:#{1,6}\\s*)?(?:\\*\\*)?\\s*第(${numeral})章\\s*(?:\\*\\*)?[\\s\\u3000:：、.．]*(.*?)\\s*(?:\\*\\*)?$`);
const headingLine = /^#{1,2}\s+(.*?)\s*#*$/;

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一…九千九百九十九 and digits (also full-width) to a number; NaN when it is not a number. */
export function chineseNumeral(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in digits) {
      digit = digits[ch] ?? 0;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (!unit) return Number.NaN;
    // 十 alone (十一) means one ten.
    total += (digit ?? 1) * unit;
    digit = null;
  }
  return total + (digit ?? 0);
}

interface RawChapter {
  explicit: number | null;
  title: string;
  line: number;
  used: boolean;
}

interface RawArticle {
  chapter: RawChapter | null;
  number: number;
  line: number;
  lines: string[];
}

function chapterOf(line: string, lineNo: number): RawChapter | null {
  const c = chapterLine.exec(line);
  if (c) {
    const n = chineseNumeral(c[1] ?? '');
    const title = (c[2] ?? '').trim();
    return { explicit: Number.isNaN(n) ? null : n, title: title || line.replace(/^#+\s*/, '').trim(), line: lineNo, used: false };
  }
  const h = headingLine.exec(line);
  if (h) return { explicit: null, title: (h[1] ?? '').replace(/\*\*/g, '').trim(), line: lineNo, used: false };
  return null;
}

export function parseCovenantMarkdown(markdown: string): ParsedCovenant | CovenantMarkdownFailure {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const marked = lines.some((l) => articleLine.test(l.trim()));
  const raws: RawArticle[] = [];
  const preamble: string[] = [];
  let chapter: RawChapter | null = null;
  let current: RawArticle | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const lineNo = i + 1;
    const a = marked ? articleLine.exec(line) : null;
    // Inside an article, "第三条规定…" (no separator, not the next number) is the article's text citing another.
    const citation = a !== null && current !== null && !a[2] && Boolean(a[3]) && chineseNumeral(a[1] ?? '') !== raws.length + 1;
    if (a && !citation) {
      current = { chapter, number: chineseNumeral(a[1] ?? ''), line: lineNo, lines: [a[3] ?? ''] };
      raws.push(current);
      continue;
    }
    const c = chapterOf(line, lineNo);
    if (c) {
      chapter = c;
      current = null;
      continue;
    }
    if (marked) {
      if (current) current.lines.push(lines[i] ?? '');
      // Text between a chapter heading and its first article stays only in the Markdown.
      else if (raws.length === 0) preamble.push(lines[i] ?? '');
      continue;
    }
    // Without markers, blank lines end a paragraph-article.
    if (!line) current = null;
    else if (current) current.lines.push(lines[i] ?? '');
    else {
      current = { chapter, number: raws.length + 1, line: lineNo, lines: [line] };
      raws.push(current);
    }
  }
  const first = raws[0];
  if (!first) return { error: 'no_articles', line: 1 };

  const articles: CovenantArticle[] = [];
  const chapters: CovenantChapter[] = [];
  const numbers = new Map<RawChapter, number>();
  for (const [i, raw] of raws.entries()) {
    if (raw.number !== i + 1) return { error: 'article_numbers', line: raw.line, expected: i + 1, found: raw.number };
    const body = raw.lines.join('\n').trim();
    if (!body) return { error: 'empty_article', line: raw.line };
    if (body.length > covenantArticleMaxLength) return { error: 'article_too_long', line: raw.line };
    let chapterNumber: number | null = null;
    if (raw.chapter) {
      const ch = raw.chapter;
      if (!numbers.has(ch)) {
        if (ch.title.length > covenantChapterTitleMaxLength) return { error: 'chapter_title_too_long', line: ch.line };
        numbers.set(ch, ch.explicit ?? chapters.length + 1);
        chapters.push({ number: numbers.get(ch) ?? 0, title: ch.title });
      }
      chapterNumber = numbers.get(ch) ?? null;
    }
    articles.push({ position: i + 1, chapterNumber, chapterTitle: raw.chapter?.title ?? null, number: raw.number, body });
  }
  return { chapters, articles, preamble: preamble.join('\n').trim() };
}

export function isCovenantMarkdownFailure(r: ParsedCovenant | CovenantMarkdownFailure): r is CovenantMarkdownFailure {
  return 'error' in r;
}

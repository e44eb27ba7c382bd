import i18n from '../../i18n/index.js';

/** A planned day (`2026-12-10`) as people say it: 12月10日 / December 10, no year, no time zone shift. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric' }).format(d);
}

/** A calendar day (`2026-12-01`) with its year, in the UI's language, without a time zone shift. */
export function formatFullDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(d);
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1…999 in Chinese numerals, as a covenant writes its articles and chapters (第十二条). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let s = '';
  if (hundreds) s += `${digits[hundreds]}百`;
  if (tens) s += `${hundreds || tens > 1 ? digits[tens] : ''}十`;
  else if (hundreds && ones) s += '零';
  if (ones) s += digits[ones];
  return s;
}

/** 第三条 / Article 3. */
export function articleLabel(n: number): string {
  return i18n.language === 'en-US' ? `Article ${n}` : `第${chineseNumber(n)}条`;
}

/** 第一章 总则 / Chapter 1: General. */
export function chapterLabel(n: number | null, title: string | null): string {
  if (n === null) return title ?? '';
  const head = i18n.language === 'en-US' ? `Chapter ${n}` : `第${chineseNumber(n)}章`;
  return title ? `${head}${i18n.language === 'en-US' ? ': ' : ' '}${title}` : head;
}

export interface ChapterGroup<A> {
  key: string;
  number: number | null;
  title: string | null;
  articles: A[];
}

/** Articles (already in order) grouped under their chapters, keeping the order of first appearance. */
export function groupByChapter<A extends { chapterNumber: number | null; chapterTitle: string | null }>(articles: A[]): ChapterGroup<A>[] {
  const groups: ChapterGroup<A>[] = [];
  for (const a of articles) {
    const key = `${a.chapterNumber ?? ''}|${a.chapterTitle ?? ''}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.articles.push(a);
    else groups.push({ key, number: a.chapterNumber, title: a.chapterTitle, articles: [a] });
  }
  return groups;
}


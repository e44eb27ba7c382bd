import { describe, expect, it } from 'vitest';
import { chineseNumeral, isCovenantMarkdownFailure, parseCovenantMarkdown, type ParsedCovenant } from './covenant-markdown.js';

function parsed(md: string): ParsedCovenant {
  const r = parseCovenantMarkdown(md);
  if (isCovenantMarkdownFailure(r)) throw new Error(`unexpected ${r.error} at line ${r.line}`);
  return r;
}

describe('chineseNumeral', () => {
  it('reads Chinese numerals and digits', () => {
    expect(chineseNumeral('一')).toBe(1);
    expect(chineseNumeral('十')).toBe(10);
    expect(chineseNumeral('十一')).toBe(11);
    expect(chineseNumeral('二十')).toBe(20);
    expect(chineseNumeral('九十九')).toBe(99);
    expect(chineseNumeral('一百')).toBe(100);
    expect(chineseNumeral('一百零五')).toBe(105);
    expect(chineseNumeral('一百二十三')).toBe(123);
    expect(chineseNumeral('两')).toBe(2);
    expect(chineseNumeral('12')).toBe(12);
    expect(chineseNumeral('１２')).toBe(12);
    expect(Number.isNaN(chineseNumeral('甲'))).toBe(true);
  });
});

describe('parseCovenantMarkdown', () => {
  it('splits chapters and articles, keeping the title and preamble out', () => {
    const r = parsed(
      [
        '# 幸福里社区居民公约',
        '',
        '为了建设和谐社区，制定本公约。',
        '',
        '## 第一章 总则',
        '第一条 本公约适用于本社区全体居民。',
        '',
        '**第二条** 居民应当遵守法律法规。',
        '续行内容。',
        '## 第二章 环境卫生',
        '### 第三条 垃圾分类投放。',
        '第四条：爱护公共绿地。',
      ].join('\n'),
    );
    expect(r.preamble).toBe('为了建设和谐社区，制定本公约。');
    expect(r.chapters).toEqual([
      { number: 1, title: '总则' },
      { number: 2, title: '环境卫生' },
    ]);
    expect(r.articles.map((a) => [a.position, a.number, a.chapterNumber, a.chapterTitle])).toEqual([
      [1, 1, 1, '总则'],
      [2, 2, 1, '总则'],
      [3, 3, 2, '环境卫生'],
      [4, 4, 2, '环境卫生'],
    ]);
    expect(r.articles[1]?.body).toBe('居民应当遵守法律法规。\n续行内容。');
    expect(r.articles[3]?.body).toBe('爱护公共绿地。');
  });

  it('accepts chapters written without a heading mark and numbers plain headings in order', () => {
    const r = parsed(['第一章 总则', '第1条 甲乙丙。', '## 邻里', '第2条 丁戊己。'].join('\n'));
    expect(r.chapters).toEqual([
      { number: 1, title: '总则' },
      { number: 2, title: '邻里' },
    ]);
    expect(r.articles.map((a) => a.chapterNumber)).toEqual([1, 2]);
  });

  it('counts articles past ten in Chinese numerals', () => {
    const md = Array.from({ length: 12 }, (_, i) => `第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}条 内容${i + 1}`).join('\n');
    expect(parsed(md).articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('makes each paragraph an article when there are no markers', () => {
    const r = parsed(['# 文明公约', '', '爱护环境，', '不乱扔垃圾。', '', '', '邻里互助。'].join('\n'));
    expect(r.articles.map((a) => [a.number, a.body, a.chapterTitle])).toEqual([
      [1, '爱护环境，\n不乱扔垃圾。', '文明公约'],
      [2, '邻里互助。', '文明公约'],
    ]);
  });

  it('reads a line citing another article inside an article as its text, not as a new article', () => {
    const r = parseCovenantMarkdown('第一条 居民爱护公共设施。\n第三条规定的奖励由居民会议决定。\n第二条 邻里互助。');
    expect(isCovenantMarkdownFailure(r)).toBe(false);
    if (isCovenantMarkdownFailure(r)) return;
    expect(r.articles.map((a) => [a.number, a.body])).toEqual([
      [1, '居民爱护公共设施。\n第三条规定的奖励由居民会议决定。'],
      [2, '邻里互助。'],
    ]);
    // A marker with a separator is still an article, so a real gap is still reported.
    expect(parseCovenantMarkdown('第一条 甲。\n第三条 乙。')).toMatchObject({ error: 'article_numbers', line: 2 });
  });

  it('refuses a numbering gap with its line', () => {
    expect(parseCovenantMarkdown(['第一条 甲。', '第三条 乙。'].join('\n'))).toEqual({ error: 'article_numbers', line: 2, expected: 2, found: 3 });
    expect(parseCovenantMarkdown(['序言', '第二条 乙。'].join('\n'))).toMatchObject({ error: 'article_numbers', line: 2 });
  });

  it('refuses a text without articles and an empty article', () => {
    expect(parseCovenantMarkdown('# 标题\n\n## 第一章 总则\n')).toEqual({ error: 'no_articles', line: 1 });
    expect(parseCovenantMarkdown('第一条 甲。\n第二条\n\n第三条 丙。')).toEqual({ error: 'empty_article', line: 2 });
    expect(parseCovenantMarkdown(`第一条 ${'长'.repeat(4001)}`)).toMatchObject({ error: 'article_too_long', line: 1 });
  });

  it('handles Windows line ends', () => {
    expect(parsed('第一条 甲。\r\n第二条 乙。\r\n').articles.map((a) => a.body)).toEqual(['甲。', '乙。']);
  });
});

import { describe, expect, it } from 'vitest';
import { diffArticles, type DiffArticle } from './diff.js';

const arts = (...bodies: string[]): DiffArticle[] => bodies.map((body, i) => ({ articleId: `a${i + 1}-${body.length}`, number: i + 1, chapterTitle: null, body }));

describe('article diff', () => {
  it('keeps same articles, pairs a reworded one as changed with character runs, and lists removed and added', () => {
    const rows = diffArticles(
      arts('本公约适用于全体居民。', '居民应当遵守法律法规，维护社区秩序。', '爱护公共绿地，不毁绿种菜。'),
      arts('本公约适用于全体居民。', '居民应当自觉遵守法律法规，共同维护社区秩序。', '文明养犬，出门拴绳。', '邻里互助。'),
    );
    expect(rows.map((r) => r.change)).toEqual(['same', 'changed', 'removed', 'added', 'added']);
    const changed = rows[1]!;
    expect(changed.parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['自觉', '共同']);
    expect(changed.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe('居民应当遵守法律法规，维护社区秩序。');
    expect(changed.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(changed.to?.body);
  });

  it('shows renumbering alone as same, and an article moved word for word as moved', () => {
    const rows = diffArticles(arts('甲条内容。', '乙条内容很长很长。', '丙条内容。'), arts('乙条内容很长很长。', '丙条内容。', '甲条内容。'));
    expect(rows.map((r) => [r.change, r.from?.number ?? null, r.to?.number ?? null])).toEqual([
      ['same', 2, 1],
      ['same', 3, 2],
      ['moved', 1, 3],
    ]);
  });

  it('handles empty sides', () => {
    expect(diffArticles([], arts('新增。')).map((r) => r.change)).toEqual(['added']);
    expect(diffArticles(arts('删除。'), []).map((r) => r.change)).toEqual(['removed']);
  });
});

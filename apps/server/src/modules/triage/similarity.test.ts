import { describe, expect, it } from 'vitest';
import { tokenize } from '../../classifier/index.js';
import { clusterRequests, hotspotPlaceId } from './proactive.js';
import type { CandidateRow } from './similar.repository.js';
import { cosine, idfOf, placesCompatible, searchTerms, vectorOf } from './similarity.js';

const row = (id: string, text: string, placePath = '/s/c/', categoryId: string | null = null): CandidateRow => ({
  id,
  number: id,
  title: text,
  status: 'received',
  category_id: categoryId,
  place_id: null,
  place_path: placePath,
  community_id: 'c',
  tokens: tokenize(text).join(' '),
  created_at: `2026-11-0${id.length}T00:00:00.000Z`,
});

describe('similarity (pure)', () => {
  it('scores identical texts 1, disjoint ones 0, and stays within [0, 1]', () => {
    const docs = [['电梯', '坏', '维修'], ['电梯', '坏', '维修'], ['广场舞', '噪音'], ['电梯', '噪音']];
    const idf = idfOf(docs);
    const v = docs.map((d) => vectorOf(d, idf));
    expect(cosine(v[0]!, v[1]!)).toBeCloseTo(1, 10);
    expect(cosine(v[0]!, v[2]!)).toBe(0);
    const partial = cosine(v[0]!, v[3]!);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
    expect(cosine(vectorOf([], idf), v[0]!)).toBe(0);
  });

  it('searches the longer words first, each once', () => {
    expect(searchTerms(['坏', '电梯', '坏', '下楼', '栋', '维修'], 3)).toEqual(['电梯', '下楼', '维修']);
  });

  it('treats flats of one building as the same place and other buildings as different', () => {
    const flat1 = '/s/c/g/e/b1/u1/d1/';
    const flat2 = '/s/c/g/e/b1/u2/d9/';
    expect(placesCompatible(flat1, flat2)).toBe(true);
    expect(placesCompatible(flat1, '/s/c/')).toBe(true);
    expect(placesCompatible(flat1, '/s/c/g/e/b2/')).toBe(false);
    expect(hotspotPlaceId(flat1)).toBe('b1');
    expect(hotspotPlaceId('/s/c/g/e/')).toBe('e');
    expect(hotspotPlaceId('/s/c/g/')).toBeNull();
  });

  it('clusters by category and building, then by words, and leaves loners out', () => {
    const rows = [
      row('a', '楼道灯不亮', '/s/c/g/e/b1/u1/d1/', 'k1'),
      row('bb', '单元门禁坏了', '/s/c/g/e/b1/', 'k1'),
      row('ccc', '楼顶漏雨', '/s/c/g/e/b1/u2/', 'k1'),
      row('dddd', '垃圾桶满了没人清理，垃圾溢出发臭', '/s/c/g/e/b2/', 'k2'),
      row('eeeee', '垃圾桶满了好几天没人清理，垃圾溢出', '/s/c/g/e/b3/', 'k3'),
      row('ffffff', '咨询老年卡怎么办理'),
    ];
    const clusters = clusterRequests(rows, 2);
    expect(clusters.map((c) => [c.kind, c.requests.map((r) => r.id).sort().join()])).toEqual([
      ['place', 'a,bb,ccc'],
      ['text', 'dddd,eeeee'],
    ]);
    expect(clusters[0]).toMatchObject({ categoryId: 'k1', placeId: 'b1' });
    // Two categories, one each: no majority names the cluster's category; they share only the estate.
    expect(clusters[1]).toMatchObject({ categoryId: null, placeId: 'e' });
    expect(clusters[1]!.terms).toContain('垃圾桶');
    expect(clusterRequests(rows, 4)).toEqual([]);
  });
});

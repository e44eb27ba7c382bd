import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from './default-taxonomy.js';
import { seedExamples } from './seed-examples.js';
import { syntheticRequests } from './synthetic.js';

describe('defaultTaxonomy and seedExamples', () => {
  it('has unique codes and 15–25 seed phrasings for every category', () => {
    const codes = defaultTaxonomy.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('other');
    for (const code of codes) {
      const n = seedExamples.filter((e) => e.label === code).length;
      expect(n, code).toBeGreaterThanOrEqual(15);
      expect(n, code).toBeLessThanOrEqual(25);
    }
    expect(seedExamples.every((e) => codes.includes(e.label) && e.text.length > 3)).toBe(true);
  });
});

describe('syntheticRequests', () => {
  it('is deterministic by seed and varied', () => {
    const a = syntheticRequests(500, 7);
    expect(syntheticRequests(500, 7)).toEqual(a);
    expect(syntheticRequests(500, 8)).not.toEqual(a);
    expect(new Set(a.map((e) => e.text)).size).toBeGreaterThan(400);
    expect(new Set(a.map((e) => e.label)).size).toBe(defaultTaxonomy.length);
  });

  it('keeps to the categories asked for and refuses unknown codes', () => {
    const some = syntheticRequests(200, 's', ['noise', 'pets']);
    expect(new Set(some.map((e) => e.label))).toEqual(new Set(['noise', 'pets']));
    expect(() => syntheticRequests(10, 's', ['nope'])).toThrow(/nope/);
    expect(syntheticRequests(0, 's')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { measureCovenant, readNames, targetsMet } from './covenant.js';

// Keeps the benchmark from rotting: a tiny covenant and topic on both databases must still seed over the demo
// community, answer every page (staff, resident, public) through the app, and capture and replay each page's SQL.
describe('covenant benchmark', () => {
  it('measures every page beside its SQL on SQLite and PostgreSQL at a tiny scale', async () => {
    const lines: string[] = [];
    const figures = await measureCovenant({ households: 150, comments: 300, pledges: 90, commenters: 25, seconds: 0.2, warmup: 0, rounds: 1, log: (l) => lines.push(l) });
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const f = figures[dialect]!;
      expect(f.data).toMatchObject({ comments: 300, topicComments: 300, pledges: 90 });
      expect(f.data.households).toBeGreaterThan(90);
      for (const name of readNames) {
        const read = f.reads[name];
        expect(read.statements, name).toBeGreaterThan(0);
        for (const m of [read.http, read.sql]) {
          expect(m.n, name).toBeGreaterThan(0);
          expect(m.p99_ms).toBeGreaterThanOrEqual(m.p50_ms);
        }
      }
    }
    const target = targetsMet(figures);
    expect(typeof target.pages_met).toBe('boolean');
    expect(typeof target.coverage_building_met).toBe('boolean');
    expect(lines.some((l) => l.startsWith('[postgres] round 1/1 resident_pledge.sql'))).toBe(true);
  }, 300_000);
});

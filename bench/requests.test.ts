import { describe, expect, it } from 'vitest';
import { measureRequests, targetsMet } from './requests.js';

// Keeps the benchmark from rotting: a tiny history on both databases must still seed, log in as community staff
// and a subdistrict admin, capture and replay the SQL of every read, and create requests through the intake route.
describe('requests benchmark', () => {
  it('measures reads and intake on SQLite and PostgreSQL at a tiny scale', async () => {
    const lines: string[] = [];
    const figures = await measureRequests({ requests: 2000, communities: 2, poolSize: 300, seconds: 0.2, warmup: 0, rounds: 1, intakeSeconds: 1, intakeConnections: 2, log: (l) => lines.push(l) });
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const f = figures[dialect]!;
      expect(f.data).toMatchObject({ communities: 2, requests: 2000 });
      for (const read of [f.list, f.search_common, f.search_rare, f.summary_community, f.summary_subdistrict]) {
        expect(read.statements).toBeGreaterThan(0);
        for (const m of [read.http, read.sql]) {
          expect(m.n).toBeGreaterThan(0);
          expect(m.p99_ms).toBeGreaterThanOrEqual(m.p50_ms);
        }
      }
      expect(f.intake.intake.rps).toBeGreaterThan(0);
      expect(f.intake.created).toBeGreaterThan(0);
      expect(f.intake.bare.rps).toBeGreaterThan(0);
    }
    const target = targetsMet(figures);
    expect(typeof target.summary_met).toBe('boolean');
    expect(typeof target.intake_met).toBe('boolean');
    expect(lines.some((l) => l.startsWith('[postgres] round 1/1 summary_subdistrict.sql'))).toBe(true);
  }, 240_000);
});

import { describe, expect, it } from 'vitest';
import { measureLedger, SUMMARY_TARGET_MS, targetsMet, VERIFY_TARGET_S } from './ledger.js';

// Keeps the benchmark from rotting: a small bulk-seeded chain on both databases must verify intact from the
// database, take appends through the service, and answer the public summary beside its replayed SQL.
describe('ledger benchmark', () => {
  it('seeds a real chain, verifies it, appends and measures the public summary on SQLite and PostgreSQL at a tiny scale', async () => {
    const lines: string[] = [];
    const figures = await measureLedger({ entries: 3_000, appendSeconds: 0.3, seconds: 0.2, warmup: 0, rounds: 1, log: (l) => lines.push(l) });
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const f = figures[dialect]!;
      expect(f.verify.ok).toBe(true);
      // The demo's own entries come first in the chain; the seeded ones follow them.
      expect(f.verify.entries).toBeGreaterThan(3_000);
      expect(f.data.headSeq).toBe(f.verify.entries);
      expect(f.appends.service_per_s).toBeGreaterThan(0);
      expect(f.appends.raw_insert_per_s).toBeGreaterThan(0);
      expect(f.summary.statements).toBeGreaterThan(0);
      for (const m of [f.summary.http, f.summary.sql, f.summary.bare]) expect(m.n).toBeGreaterThan(0);
    }
    // The verdict follows the figures it was given, and says nothing when there are none.
    const runs = Object.values(figures);
    expect(targetsMet(figures)).toMatchObject({
      summary_met: runs.every((f) => f.summary.http.p99_ms < SUMMARY_TARGET_MS),
      verify_met: runs.every((f) => f.verify.ok && f.verify.seconds < VERIFY_TARGET_S),
    });
    expect(targetsMet({})).toMatchObject({ summary_met: null, verify_met: null });
    expect(lines.some((l) => l.startsWith('[postgres] verify:'))).toBe(true);
  }, 300_000);
});

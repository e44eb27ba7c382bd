import { describe, expect, it } from 'vitest';
import { measureLedger, targetsMet } from './ledger.js';

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
    expect(typeof targetsMet(figures).summary_met).toBe('boolean');
    expect(lines.some((l) => l.startsWith('[postgres] verify:'))).toBe(true);
  }, 300_000);
});

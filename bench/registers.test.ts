import { describe, expect, it } from 'vitest';
import { measureRegisters, targetsMet } from './registers.js';

// Keeps the benchmark from rotting: a tiny subdistrict on both databases must still seed, log in as a social
// worker and a grid worker, capture and replay the SQL, export in a child process and import a file.
describe('registers benchmark', () => {
  it('measures reads, export and import on SQLite and PostgreSQL at a tiny scale', async () => {
    const lines: string[] = [];
    const figures = await measureRegisters({
      residents: 1200,
      communities: 2,
      importRows: 150,
      seconds: 0.2,
      warmup: 0,
      rounds: 1,
      log: (l) => lines.push(l),
    });
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const f = figures[dialect]!;
      expect(f.data.communities).toBe(2);
      expect(f.data.residents_living).toBeGreaterThan(1000);
      for (const read of [f.community_staff.list, f.community_staff.search, f.grid_worker.list, f.grid_worker.search]) {
        expect(read.statements).toBeGreaterThan(0);
        for (const m of [read.http, read.sql]) {
          expect(m.n).toBeGreaterThan(0);
          expect(m.p50_ms).toBeGreaterThan(0);
          expect(m.p99_ms).toBeGreaterThanOrEqual(m.p50_ms);
        }
        expect(read.sql_page).not.toBeNull();
      }
      expect(f.grid_worker.list.url).toContain('tag=party_member');
      // The subdistrict export holds every living resident; one community's is a part of it.
      expect(f.export.subdistrict.rows).toBe(f.data.residents_living);
      expect(f.export.community.rows).toBeGreaterThan(0);
      expect(f.export.community.rows).toBeLessThan(f.export.subdistrict.rows);
      expect(f.export.subdistrict.peak_rss_mb).toBeGreaterThan(0);
      expect(f.export.subdistrict.bytes).toBeGreaterThan(10_000);
      expect(f.import).toMatchObject({ created: f.import.rows, error_rows: 0 });
      expect(f.import.rows).toBeGreaterThan(100);
      expect(f.import.seconds).toBeGreaterThan(0);
    }
    const target = targetsMet(figures);
    expect(typeof target.list_search_met).toBe('boolean');
    expect(typeof target.export_met).toBe('boolean');
    expect(lines.some((l) => l.startsWith('[postgres] round 1/1 grid_worker.search.sql'))).toBe(true);
  }, 240_000); // ~60 s alone on two busy cores, mostly starting export children and seeding twice
});

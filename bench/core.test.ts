import { describe, expect, it } from 'vitest';
import { measureCore } from './core.js';

// Keeps the benchmark from rotting: a short SQLite-only run must still log in, hit both routes and produce figures.
describe('core benchmark', () => {
  it('measures /api/v1/me and the bare route on SQLite', async () => {
    const lines: string[] = [];
    const figures = await measureCore({ dialects: ['sqlite'], seconds: 0.5, warmup: 0.2, rounds: 1, log: (l) => lines.push(l) });
    const sqlite = figures.sqlite!;
    expect(figures.postgres).toBeUndefined();
    for (const route of [sqlite.bare, sqlite.me]) {
      expect(route.rps).toBeGreaterThan(0);
      expect(Number.isFinite(route.p50_ms)).toBe(true);
      expect(route.p99_ms).toBeGreaterThanOrEqual(route.p50_ms);
    }
    expect(Number.isFinite(sqlite.ratio)).toBe(true);
    expect(sqlite.ratio).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('[sqlite] round 1/1 me'))).toBe(true);
  }, 30_000); // ~5 s alone (mostly migrating and seeding); room for a busy CI machine running other files in parallel
});

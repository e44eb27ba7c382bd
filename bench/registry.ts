import type { Benchmark } from './lib/benchmark.js';

/**
 * The explicit list of benchmarks. Each is loaded only when asked for, so listing them is instant and a broken
 * one does not stop the others. To add one: write `bench/<name>.ts` exporting a `Benchmark`, then add it here.
 */
export const registry: Record<string, { description: string; load: () => Promise<Benchmark> }> = {
  core: {
    description: 'req/s and p50/p99 of an authenticated GET /api/v1/me vs a bare Fastify route, on SQLite and PostgreSQL',
    load: async () => (await import('./core.js')).core,
  },
  'me-breakdown': {
    description: 'GET /api/v1/me layer by layer (plugins, session lookup, route, statement cache) vs bare Fastify',
    load: async () => (await import('./me-breakdown.js')).meBreakdown,
  },
};

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
  registers: {
    description: 'residents list/search p50/p99 (HTTP vs raw SQL), 10,000-row import, 250,000-row streamed export, on 250,000 residents',
    load: async () => (await import('./registers.js')).registers,
  },
  requests: {
    description: 'requests list/search/dashboard p50/p99 (HTTP vs raw SQL) and intake creates/s, on 1,000,000 generated requests',
    load: async () => (await import('./requests.js')).requests,
  },
  covenant: {
    description: 'covenant, topic, coverage and public pages p50/p99 (HTTP vs raw SQL), on 5,000 comments and 3,000 pledges',
    load: async () => (await import('./covenant.js')).covenant,
  },
  'me-breakdown': {
    description: 'GET /api/v1/me layer by layer (plugins, session lookup, route, statement cache) vs bare Fastify',
    load: async () => (await import('./me-breakdown.js')).meBreakdown,
  },
  classifier: {
    description: 'request classifier vs char 1–2-gram TF-IDF SVM: train s on 10,000 messages, msgs/s, memory, model size; CV macro-F1 on --file',
    load: async () => (await import('./classifier.js')).classifier,
  },
  ledger: {
    description: 'ledger on 1,000,000 entries: appends/s (service vs raw insert), whole-chain verify s (vs raw read), public monthly summary p50/p99 (HTTP vs SQL vs bare)',
    load: async () => (await import('./ledger.js')).ledger,
  },
};

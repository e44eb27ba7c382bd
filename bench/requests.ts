// The requests benchmark: a generated history of 1,000,000 requests (30 communities × ~33,000, two years), on
// SQLite and PostgreSQL.
//
//  - Reads through the real HTTP app, one request at a time (latency): a community staff member's queue (the
//    requests in handling, by reply deadline), full-text search for a common and a rare term, and the analysis
//    dashboard summary for a community and for the whole subdistrict. Beside each, the baseline: the SQL that very
//    request ran (captured from the app) replayed straight on the same database.
//  - Intake throughput: creates per second through POST /api/v1/requests with concurrent connections, beside a
//    bare Fastify POST route that parses the same JSON body, in the same process.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { defaultTaxonomy, syntheticRequests, tokenize } from '../apps/server/src/classifier/index.js';
import type { HistoryText as PoolText } from '../apps/server/src/demo/request-history.js';
import { BenchError, progress, type Benchmark } from './lib/benchmark.js';
import { measureLatencies, type LatencyFigures, type LatencyTarget } from './lib/latency.js';
import { measureAlternating, type RouteFigures } from './lib/measure.js';
import { benchOptions, defaultHttpOptions, describeSettings, httpUsage, parseHttpArgs, settingsOf, validateOptions, type HttpBenchOptions } from './lib/options.js';
import { perDialect, type DialectRun } from './lib/per-dialect.js';
import { seedRequestHistory, type HistoryResult } from './lib/request-history.js';
import { baseUrl, loginAs, type Dialect } from './lib/servers.js';
import { captureRequests, replay, type Replay } from './lib/sql-capture.js';
import { median, round } from './lib/stats.js';

/** The product's targets (issue 4). */
export const LIST_SEARCH_P99_MS = 50;
export const SUMMARY_MS = 200;
export const INTAKE_SQLITE_RPS = 1000;

export interface RequestsOptions extends HttpBenchOptions {
  requests: number;
  communities: number;
  /** Distinct synthetic texts the history draws from. */
  poolSize: number;
  intakeSeconds: number;
  intakeConnections: number;
}

export const defaultRequestsOptions: RequestsOptions = {
  ...defaultHttpOptions,
  seconds: 4,
  warmup: 1,
  rounds: 4,
  connections: 1,
  requests: 1_000_000,
  communities: 30,
  poolSize: 6_000,
  intakeSeconds: 8,
  intakeConnections: 10,
};

interface ReadFigures {
  url: string;
  http: LatencyFigures;
  sql: LatencyFigures;
  statements: number;
  /** Too slow for autocannon's slices: timed with fetch from this process, one at a time. */
  slow?: true;
  /** Statements the read wrote (left out of the SQL baseline). */
  writes?: number;
}

/** One GET that must answer 200. */
async function get(url: string, cookie: string): Promise<void> {
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
}

export interface DialectFigures {
  data: { communities: number; requests: number; places: number; seed_s: number; common_term: string; rare_term: string };
  list: ReadFigures;
  search_common: ReadFigures;
  search_rare: ReadFigures;
  summary_community: ReadFigures;
  summary_subdistrict: ReadFigures;
  intake: { bare: RouteFigures; intake: RouteFigures; ratio: number; created: number };
}

/** Synthetic texts with their tokens, and a common and a rare search term among them. */
export function textPool(size: number): { pool: PoolText[]; common: string; rare: string } {
  const pool = syntheticRequests(size, 'bench-requests').map((s) => ({ text: s.text, label: s.label, tokens: tokenize(s.text).join(' ') }));
  const df = new Map<string, number>();
  for (const p of pool) for (const t of new Set(p.tokens.split(' '))) if ([...t].length >= 2) df.set(t, (df.get(t) ?? 0) + 1);
  const ranked = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const common = ranked[0]?.[0];
  // Rare: in one text of the pool (~ requests / pool size rows in all), and a query jieba cuts back to itself.
  const rare = ranked.filter(([t, n]) => n === 1 && /^\p{Script=Han}+$/u.test(t) && tokenize(t).join(' ') === t).map(([t]) => t)[0];
  if (!common || !rare) throw new BenchError('the synthetic pool has no common or no rare term');
  return { pool, common, rare };
}

/** A bare Fastify POST route parsing the same JSON body: the floor for intake. */
async function startBarePost(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify();
  bare.post('/bare', async (_req, reply) => reply.status(201).send({ id: 'x', number: 'GZ-0000-000000' }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${baseUrl(bare)}/bare`, close: () => bare.close() };
}

/** Log in and fetch the CSRF token the app wants on writes. */
async function sessionOf(appUrl: string, account: string): Promise<{ cookie: string; csrf: string }> {
  const cookie = await loginAs(appUrl, account);
  const me = (await (await fetch(`${appUrl}/api/v1/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

async function measureReads(run: DialectRun, seeded: HistoryResult, terms: { common: string; rare: string }, opts: RequestsOptions) {
  const { gz, dialect } = run;
  const staff = await loginAs(gz.url, seeded.accounts.communityStaff);
  const subdistrict = await loginAs(gz.url, seeded.accounts.subdistrictAdmin);
  const reads = {
    list: { cookie: staff, url: '/api/v1/requests?status=received,dispatched,in_progress,returned,objection&sort=reply_due_at&order=asc&limit=20' },
    search_common: { cookie: staff, url: `/api/v1/requests?q=${encodeURIComponent(terms.common)}&limit=20` },
    search_rare: { cookie: staff, url: `/api/v1/requests?q=${encodeURIComponent(terms.rare)}&limit=20` },
    summary_community: { cookie: staff, url: '/api/v1/analysis/summary' },
    summary_subdistrict: { cookie: subdistrict, url: '/api/v1/analysis/summary' },
  };
  const targets: LatencyTarget[] = [];
  const replays: Replay[] = [];
  const counts: Record<string, number> = {};
  const slow = new Set<string>();
  const writes: Record<string, number> = {};
  try {
    const captured = await captureRequests(gz, Object.values(reads));
    for (const [i, [name, r]] of Object.entries(reads).entries()) {
      // The baseline replays what the read read: a write some route makes on the way (it would collide on replay,
      // and is not the query being compared) is counted, not replayed.
      const statements = captured[i]!.filter((st) => /^\s*(select|with)\b/i.test(st.sql));
      writes[name] = captured[i]!.length - statements.length;
      if (statements.length === 0) throw new Error(`${name}: the request ran no SQL`);
      counts[name] = statements.length;
      const all = replay(gz, statements);
      replays.push(all);
      // A route slower than a quarter of a slice would leave autocannon's slice without a single answer: such a
      // one is timed by a loop of fetches from this process instead (flagged `slow` in the figures).
      const url = `${gz.url}${r.url}`;
      const t0 = performance.now();
      await get(url, r.cookie);
      if (performance.now() - t0 > (opts.seconds / opts.rounds / 4) * 1000) {
        slow.add(name);
        targets.push({ name, run: () => get(url, r.cookie) });
      } else targets.push({ name, url, headers: { cookie: r.cookie } });
      targets.push({ name: `${name}.sql`, run: all.run });
    }
    opts.log(`[${dialect}] queue, search “${terms.common}” and “${terms.rare}”, summary of a community and of the subdistrict`);
    const f = await measureLatencies(run.load, targets, { ...opts, label: `[${dialect}]` });
    const read = (name: keyof typeof reads): ReadFigures => ({ url: reads[name].url, http: f[name]!, sql: f[`${name}.sql`]!, statements: counts[name]!, ...(writes[name] ? { writes: writes[name] } : {}), ...(slow.has(name) ? { slow: true } : {}) });
    return { list: read('list'), search_common: read('search_common'), search_rare: read('search_rare'), summary_community: read('summary_community'), summary_subdistrict: read('summary_subdistrict') };
  } finally {
    for (const r of replays) await r.close();
  }
}

async function measureIntake(run: DialectRun, seeded: HistoryResult, bareUrl: string, opts: RequestsOptions) {
  const { gz, dialect } = run;
  const { cookie, csrf } = await sessionOf(gz.url, seeded.accounts.communityStaff);
  const place = await gz.deps.db.selectFrom('places').select('id').where('kind', '=', 'dwelling').where('community_id', '=', seeded.communityIds[0]!).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const body = JSON.stringify({ text: '3号楼电梯又坏了，老人上下楼很不方便，请尽快安排维修。', kind: 'help', channel: 'phone', contactName: '王先生', placeId: place.id });
  const headers = { 'content-type': 'application/json' };
  // One intake first: it must succeed, and it trains the community's fallback classifier (once per process).
  const first = await fetch(`${gz.url}/api/v1/requests`, { method: 'POST', body, headers: { ...headers, cookie, 'x-csrf-token': csrf } });
  if (first.status !== 201) throw new Error(`[${dialect}] POST /api/v1/requests answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
  const before = await countRequests(run);
  const m = await measureAlternating(
    run.load,
    [
      { name: 'bare', url: bareUrl, method: 'POST', body, headers },
      { name: 'intake', url: `${gz.url}/api/v1/requests`, method: 'POST', body, headers: { ...headers, cookie, 'x-csrf-token': csrf } },
    ],
    { ...opts, seconds: opts.intakeSeconds, connections: opts.intakeConnections, label: `[${dialect}] intake` },
  );
  const created = (await countRequests(run)) - before;
  return { bare: m.figures.bare!, intake: m.figures.intake!, ratio: round(median(m.ratios.intake!), 3), created };
}

async function countRequests(run: DialectRun): Promise<number> {
  const r = await run.gz.deps.db.selectFrom('requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Seed the history on each database and measure; throws a BenchError when PostgreSQL is asked for but down. */
export async function measureRequests(options: Partial<RequestsOptions> = {}): Promise<Partial<Record<Dialect, DialectFigures>>> {
  const opts: RequestsOptions = { ...defaultRequestsOptions, ...options };
  validateOptions(opts);
  if (!(opts.requests >= 100 && opts.communities >= 1 && opts.poolSize >= 100)) throw new BenchError('--requests (≥ 100), --communities and --pool must be positive');
  const { pool, common, rare } = textPool(opts.poolSize);
  const taxonomy = defaultTaxonomy.map((t) => ({ code: t.code, zh: t.zh, en: t.en, urgency: t.urgency }));
  const seeded: Partial<Record<Dialect, HistoryResult>> = {};
  const seeder = (dialect: Dialect) => async (deps: Parameters<typeof seedRequestHistory>[0]) => {
    opts.log(`[${dialect}] seeding ${opts.requests} requests in ${opts.communities} communities…`);
    seeded[dialect] = await seedRequestHistory(deps, { communities: opts.communities, requests: opts.requests, pool, taxonomy, log: (l) => opts.log(`[${dialect}] ${l.trim()}`) });
    // The steady state of a live database: PostgreSQL's visibility map set (index-only scans), as autovacuum does.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(deps.db);
    opts.log(`[${dialect}] seeded in ${seeded[dialect]!.seconds} s`);
  };
  const bare = await startBarePost();
  try {
    return await perDialect(
    opts,
    async (run) => {
      const s = seeded[run.dialect]!;
      const reads = await measureReads(run, s, { common, rare }, opts);
      const intake = await measureIntake(run, s, bare.url, opts);
      opts.log(`[${run.dialect}] intake: ${intake.intake.rps}/s (bare POST ${intake.bare.rps}/s), ${intake.created} created`);
      return { data: { communities: opts.communities, requests: s.requests, places: s.places, seed_s: s.seconds, common_term: common, rare_term: rare }, ...reads, intake };
    },
    seeder,
    );
  } finally {
    await bare.close();
  }
}

/** Which targets the figures meet (null: not measured). */
export function targetsMet(figures: Partial<Record<Dialect, DialectFigures>>) {
  const all = Object.values(figures) as DialectFigures[];
  return {
    list_search_p99_ms: LIST_SEARCH_P99_MS,
    summary_ms: SUMMARY_MS,
    intake_sqlite_rps: INTAKE_SQLITE_RPS,
    list_search_met: all.length ? all.every((f) => [f.list, f.search_common, f.search_rare].every((r) => r.http.p99_ms < LIST_SEARCH_P99_MS)) : null,
    summary_met: all.length ? all.every((f) => [f.summary_community, f.summary_subdistrict].every((r) => r.http.p99_ms < SUMMARY_MS)) : null,
    intake_met: figures.sqlite ? figures.sqlite.intake.intake.rps >= INTAKE_SQLITE_RPS : null,
  };
}

const usage =
  httpUsage('requests', ' [--requests 1000000] [--communities 30] [--pool 6000] [--intake-seconds 8] [--intake-connections 10] [--strict]') +
  '\n  --requests     requests in the generated history (a quick look: --requests 50000 --communities 4)' +
  `\n  --strict       exit 2 when a target is missed (list/search p99 < ${LIST_SEARCH_P99_MS} ms, summary p99 < ${SUMMARY_MS} ms, SQLite intake ≥ ${INTAKE_SQLITE_RPS}/s)` +
  '\n  Defaults here: --seconds 4 --warmup 1 --rounds 4 --connections 1 (reads one at a time: latency).';

export const requests: Benchmark = {
  name: 'requests',
  description: 'requests list/search/dashboard p50/p99 (HTTP vs raw SQL) and intake creates/s, on 1,000,000 generated requests',
  async run(args) {
    const extra = { requests: { type: 'string' }, communities: { type: 'string' }, pool: { type: 'string' }, 'intake-seconds': { type: 'string' }, 'intake-connections': { type: 'string' }, strict: { type: 'boolean' } } as const;
    const { opts: http, values } = parseHttpArgs(args, usage, extra);
    if (values.help) {
      progress(usage);
      return { result: { usage }, exitCode: 0 };
    }
    const d = defaultRequestsOptions;
    const { shared, int } = benchOptions(http, values, d, usage);
    const opts: RequestsOptions = {
      ...shared,
      requests: int('requests', d.requests),
      communities: int('communities', d.communities),
      poolSize: int('pool', d.poolSize),
      intakeSeconds: int('intake-seconds', d.intakeSeconds),
      intakeConnections: int('intake-connections', d.intakeConnections),
    };
    opts.log(`${describeSettings('requests', opts)}; ${opts.requests} requests in ${opts.communities} communities`);
    const figures = await measureRequests(opts);
    const target = targetsMet(figures);
    const missed = target.list_search_met === false || target.summary_met === false || target.intake_met === false;
    return { result: { ...settingsOf(opts), requests: opts.requests, communities: opts.communities, ...figures, target }, exitCode: values.strict && missed ? 2 : 0 };
  },
};

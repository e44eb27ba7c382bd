// A generated request history for the requests benchmark: a subdistrict of N communities with grids, estates,
// buildings, entrances and dwellings, the three accounts the benchmark logs in as, a taxonomy per community, and
// M requests over two years written with batched multi-row inserts (and their FTS rows on SQLite).
import { defaultRequestSettings, type Urgency } from '@gongzhi/shared';
import type { AppDeps } from '../../apps/server/src/deps.js';
import type { Database, PlaceRow } from '../../apps/server/src/db/database.js';
import type { RequestsTable } from '../../apps/server/src/db/request-tables.js';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/seed-demo.js';
import { insertMany, releaseStatements } from '../../apps/server/src/demo/bulk-insert.js';
import { newId } from '../../apps/server/src/lib/ids.js';
import { createUser } from '../../apps/server/src/modules/users/users.service.js';
import { rebuildDailyStats } from '../../apps/server/src/modules/analysis/index.js';
import { sql } from 'kysely';
import { communityPlaces } from './history-places.js';

/** A text of the synthetic pool with its label (a taxonomy code) and its tokens joined by spaces. */
export interface PoolText {
  text: string;
  label: string;
  tokens: string;
}
export interface TaxonomyEntry {
  code: string;
  zh: string;
  en: string;
  urgency: string;
}

export interface HistoryOptions {
  communities: number;
  requests: number;
  pool: PoolText[];
  taxonomy: TaxonomyEntry[];
  log: (line: string) => void;
}

export interface HistoryResult {
  communityIds: string[];
  /** The first community's first grid: the grid worker's. */
  gridId: string;
  places: number;
  requests: number;
  seconds: number;
  accounts: { subdistrictAdmin: string; communityStaff: string; gridWorker: string };
}

const DAY = 86_400_000;

/** mulberry32: a small, fast, seeded PRNG (the history is the same every run). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
function weighted<T extends string>(table: [T, number][]): (r: Rand) => T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r() * total;
    for (const [v, w] of table) if ((x -= w) < 0) return v;
    return table[table.length - 1]![0];
  };
}
const channel = weighted([['app', 45], ['phone', 20], ['visit', 12], ['walk_in', 8], ['wechat_group', 6], ['hotline', 5], ['meeting', 2], ['mailbox', 1], ['qq_group', 1]]);
const kind = weighted([['help', 40], ['complaint', 25], ['inquiry', 20], ['suggestion', 10], ['report', 5]]);
const fresh = weighted([['received', 25], ['dispatched', 25], ['in_progress', 30], ['replied', 12], ['closed', 5], ['withdrawn', 3]]);
const recent = weighted([['received', 2], ['dispatched', 2], ['in_progress', 10], ['returned', 1], ['objection', 1], ['replied', 20], ['rated', 15], ['closed', 45], ['merged', 2], ['withdrawn', 2]]);
const old = weighted([['closed', 89], ['rated', 2], ['replied', 0.5], ['merged', 3], ['withdrawn', 3], ['received', 0.2], ['dispatched', 0.2], ['in_progress', 0.3], ['objection', 0.1]]);
const rating = weighted([['satisfied', 75], ['basically_satisfied', 17], ['dissatisfied', 8]]);

/** Without the real-typed columns left empty (lat, lng, confidence): PostgreSQL's unnest batches type an all-null column as text. */
type RequestRow = Omit<RequestsTable, 'lat' | 'lng' | 'category_confidence'>;

function requestRow(r: Rand, o: { id: string; number: string; community: string; target: { place: PlaceRow; grid: PlaceRow | null }; created: number; now: number; text: PoolText; categoryId: string | null; urgency: Urgency }): RequestRow {
  const age = o.now - o.created;
  const status = age < 2 * DAY ? fresh(r) : age < 15 * DAY ? recent(r) : old(r);
  const dispatchMin = defaultRequestSettings.dispatchMinutes[o.urgency];
  const replyMin = defaultRequestSettings.replyMinutes[o.urgency];
  const at = (ms: number) => new Date(Math.min(o.now, ms)).toISOString();
  const selfResolved = status === 'closed' && r() < 0.08;
  const responded = status !== 'received' && status !== 'merged' && status !== 'withdrawn' && status !== 'dispatched';
  const respondedMs = selfResolved ? o.created + 20 * 60_000 : o.created + (r() < 0.9 ? r() : 1 + r() * 2) * dispatchMin * 60_000;
  const repliedState = ['replied', 'rated', 'closed'].includes(status);
  const repliedMs = selfResolved ? respondedMs : respondedMs + (r() < 0.9 ? r() * 0.8 : 0.8 + r()) * replyMin * 60_000;
  const rated = status === 'rated' || (status === 'closed' && !selfResolved && r() < 0.7);
  const rate = rated ? rating(r) : null;
  const resolved = rate === null ? null : rate === 'satisfied' ? (r() < 0.95 ? 1 : 0) : rate === 'basically_satisfied' ? (r() < 0.8 ? 1 : 0) : r() < 0.3 ? 1 : 0;
  const ratedMs = repliedMs + r() * 2 * DAY;
  const closedMs = selfResolved ? repliedMs : ratedMs + r() * DAY;
  const created = new Date(o.created).toISOString();
  return {
    id: o.id,
    number: o.number,
    community_id: o.community,
    place_id: o.target.place.id,
    place_path: o.target.place.path,
    grid_id: o.target.grid?.id ?? null,
    household_id: null,
    resident_id: null,
    submitted_by: null,
    entered_by: null,
    contact_name: null,
    phone_cipher: null,
    phone_index: null,
    phone_tail: null,
    kind: kind(r),
    channel: channel(r),
    urgency: o.urgency,
    title: o.text.text.length > 30 ? `${o.text.text.slice(0, 29)}…` : o.text.text,
    text: o.text.text,
    tokens: o.text.tokens,
    anonymous: 0,
    address_text: null,
    category_id: o.categoryId,
    category_source: 'model',
    model_id: null,
    status,
    merged_into_id: null,
    self_resolved: selfResolved ? 1 : 0,
    dispatch_due_at: new Date(o.created + dispatchMin * 60_000).toISOString(),
    reply_due_at: new Date(o.created + replyMin * 60_000).toISOString(),
    dispatched_at: responded || status === 'dispatched' ? at(o.created + dispatchMin * 30_000) : null,
    responded_at: responded ? at(respondedMs) : null,
    replied_at: repliedState ? at(repliedMs) : null,
    rated_at: rated ? at(ratedMs) : null,
    closed_at: status === 'closed' ? at(closedMs) : null,
    reply_text: null,
    rating: rate,
    resolved,
    rating_comment: null,
    objection_count: status === 'objection' ? 1 : 0,
    escalation_level: 0,
    reminded_at: null,
    open311_client_id: null,
    created_at: created,
    updated_at: created,
  };
}

const BATCH = 10_000;

/**
 * The requests table's indexes other than its keys, and on SQLite its triggers (name, kind and CREATE statement).
 * PostgreSQL's triggers are off during the load anyway (session_replication_role = replica).
 */
async function secondaryIndexes(deps: AppDeps): Promise<{ name: string; type: string; sql: string }[]> {
  if (deps.handle.dialect === 'postgres') {
    const { rows } = await sql<{ name: string; type: string; sql: string }>`select indexname as name, 'index' as type, indexdef as sql from pg_indexes where tablename = 'requests' and indexdef not like 'CREATE UNIQUE%'`.execute(deps.db);
    return rows;
  }
  const { rows } = await sql<{ name: string; type: string; sql: string }>`select name, type, sql from sqlite_master where type in ('index', 'trigger') and tbl_name = 'requests' and sql is not null`.execute(deps.db);
  return rows;
}

/** Seed the history into an empty, migrated database. */
export async function seedRequestHistory(deps: AppDeps, opts: HistoryOptions): Promise<HistoryResult> {
  const started = performance.now();
  const raw = deps.handle.sqlite;
  // A bulk load into a throw-away database: a page cache that holds the indexes being filled, and no fsync per
  // batch (the benchmark measures the app afterwards with the production pragmas restored).
  const cacheSize = Number(raw?.pragma('cache_size', { simple: true }) ?? 0);
  raw?.pragma('cache_size = -524288');
  raw?.pragma('synchronous = OFF');
  // The generator's references are right by construction; checking three foreign keys per row is most of an insert.
  raw?.pragma('foreign_keys = OFF');
  try {
    return await seed(deps, opts, started);
  } finally {
    releaseStatements(raw);
    raw?.pragma(`cache_size = ${cacheSize}`);
    raw?.pragma('synchronous = FULL');
    raw?.pragma('foreign_keys = ON');
    raw?.pragma('shrink_memory');
  }
}

async function seed(deps: AppDeps, opts: HistoryOptions, started: number): Promise<HistoryResult> {
  const raw = deps.handle.sqlite;
  const nowMs = deps.clock.now().getTime();
  const now = new Date(nowMs).toISOString();
  const sdId = newId();
  const sd: PlaceRow = { id: sdId, kind: 'subdistrict', name: '基准街道', parent_id: null, community_id: null, path: `/${sdId}/`, retired_at: null, created_at: now, updated_at: now };
  const communities = Array.from({ length: opts.communities }, (_, c) => communityPlaces(sd, c, now));
  const places = [sd, ...communities.flatMap((c) => c.rows)];
  const categories = communities.map((c) =>
    opts.taxonomy.map((t, i) => ({ id: newId(), community_id: c.community.id, code: t.code, name_zh: t.zh, name_en: t.en, description: null, urgency: t.urgency, sort_order: i, retired_at: null, created_at: now, updated_at: now })),
  );
  await deps.db.transaction().execute(async (trx) => {
    await insertMany(trx, 'places', places, raw);
    await insertMany(trx, 'request_categories', categories.flat(), raw);
  });
  const first = communities[0]!;
  const account = async (username: string, displayName: string, role: 'subdistrict_admin' | 'community_admin' | 'community_staff' | 'grid_worker', placeId: string) =>
    (await createUser(deps, null, { displayName, username, password: DEMO_PASSWORD, roles: [{ role, placeId }] })).user.id;
  await account('jiedao', '街道管理员', 'subdistrict_admin', sd.id);
  await account('shegong', '社工', 'community_staff', first.community.id);
  // The benchmark harness logs in as the demo community admin.
  await account('shuji', '书记', 'community_admin', first.community.id);
  await account('wanggeyuan', '网格员', 'grid_worker', first.grids[0]!.id);
  opts.log(`  ${places.length} places, ${opts.taxonomy.length} categories per community, accounts jiedao / shuji / shegong / wanggeyuan`);

  // Secondary indexes (and SQLite's daily-rollup triggers) are dropped for the load and made again after it, then
  // the rollup is counted once: sorting once is far quicker than keeping a dozen indexes in order row by row. Their
  // definitions come from the database, so they are the migrations'.
  const indexes = await secondaryIndexes(deps);
  for (const ix of indexes) await sql.raw(`drop ${ix.type} "${ix.name}"`).execute(deps.db);
  const r = prng(20261126);
  const byCode = categories.map((cs) => new Map(cs.map((c) => [c.code, c])));
  const counters = new Map<string, number>();
  const start = nowMs - 730 * DAY;
  let written = 0;
  while (written < opts.requests) {
    const n = Math.min(BATCH, opts.requests - written);
    const rows: RequestRow[] = [];
    for (let i = 0; i < n; i++) {
      // Times increase through the history (ids and times both sort by arrival), with a little jitter.
      const created = Math.floor(start + ((written + i + r()) / opts.requests) * (nowMs - start - 60_000));
      const c = Math.floor(r() * communities.length);
      const text = opts.pool[Math.floor(r() * opts.pool.length)]!;
      const category = byCode[c]!.get(text.label) ?? null;
      const year = new Date(created + 8 * 3_600_000).toISOString().slice(0, 4);
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      rows.push(
        requestRow(r, {
          id: newId(),
          number: `GZ-${year}-${String(seq).padStart(6, '0')}`,
          community: communities[c]!.community.id,
          target: communities[c]!.pick(r),
          created,
          now: nowMs,
          text,
          categoryId: category?.id ?? null,
          urgency: (category?.urgency ?? 'general') as Urgency,
        }),
      );
    }
    await deps.db.transaction().execute(async (trx) => {
      // PostgreSQL: no foreign-key checks (the generator's references are right by construction) and no wait for
      // the WAL flush, for this throw-away load only.
      if (!raw) {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`set local synchronous_commit = off`.execute(trx);
      }
      await insertMany(trx, 'requests', rows, raw);
      if (raw) await insertMany(trx, 'requests_fts', rows.map((x) => ({ request_id: x.id, tokens: x.tokens })), raw);
    });
    written += n;
    if (written % 100_000 === 0 || written === opts.requests) opts.log(`  ${written} requests (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const t0 = performance.now();
  await deps.db.transaction().execute(async (trx) => {
    if (deps.handle.dialect === 'postgres') await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
    for (const ix of indexes) await sql.raw(ix.sql).execute(trx);
    // The daily rollup the triggers would have kept, counted once.
    await rebuildDailyStats<Database>(trx);
  });
  opts.log(`  ${indexes.length} indexes and triggers rebuilt, daily rollup counted, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  // Intake goes on from the generated numbers.
  await insertMany(deps.db, 'request_counters', [...counters].map(([year, last]) => ({ key: `GZ-${year}`, last })), raw);
  // Statistics now, so the first queries get good plans (SQLite samples: analysis_limit is set at connect).
  await sql`analyze`.execute(deps.db);
  return {
    communityIds: communities.map((c) => c.community.id),
    gridId: first.grids[0]!.id,
    places: places.length,
    requests: written,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    accounts: { subdistrictAdmin: 'jiedao', communityStaff: 'shegong', gridWorker: 'wanggeyuan' },
  };
}

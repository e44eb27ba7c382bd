// A generated request history for the requests benchmark: a subdistrict of N communities with grids, estates,
// buildings, entrances and dwellings, the three accounts the benchmark logs in as, a taxonomy per community, and
// M requests over two years. The requests are the demo's generator (apps/server/src/demo/request-history.ts,
// request-story.ts: statuses, times and ratings that fit each request's age) without the timelines; what is
// the benchmark's own is the bulk load: indexes and triggers dropped, replica role, search rows, one recount.
import type { RequestChannel, Urgency } from '@gongzhi/shared';
import type { AppDeps } from '../../apps/server/src/deps.js';
import type { Database, PlaceRow, RequestsTable } from '../../apps/server/src/db/database.js';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/seed-demo.js';
import { insertMany, releaseStatements } from '../../apps/server/src/demo/bulk-insert.js';
import { Random, WeightedTable } from '../../apps/server/src/demo/prng.js';
import { historyRow, kindTable, Numbering, writeHistory, type HistoryText } from '../../apps/server/src/demo/request-history.js';
import { requestStory } from '../../apps/server/src/demo/request-story.js';
import { newId } from '../../apps/server/src/lib/ids.js';
import { createUser } from '../../apps/server/src/modules/users/users.service.js';
import { rebuildDailyStats } from '../../apps/server/src/modules/analysis/index.js';
import { sql } from 'kysely';
import { communityPlaces } from './history-places.js';

export interface TaxonomyEntry {
  code: string;
  zh: string;
  en: string;
  urgency: string;
}

export interface HistoryOptions {
  communities: number;
  requests: number;
  /** Synthetic texts with their labels and tokens (bench/requests.ts textPool). */
  pool: HistoryText[];
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

/** Residents here also submit from the app (the demo's community only has staff-entered requests). */
const channelTable = new WeightedTable<RequestChannel>([['app', 45], ['phone', 20], ['visit', 12], ['walk_in', 8], ['wechat_group', 6], ['hotline', 5], ['meeting', 2], ['mailbox', 1], ['qq_group', 1]]);

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
  const r = new Random('bench-requests/history');
  const byCode = categories.map((cs) => new Map(cs.map((c) => [c.code, c])));
  const numbering = new Numbering();
  const start = nowMs - 730 * DAY;
  let written = 0;
  while (written < opts.requests) {
    const n = Math.min(BATCH, opts.requests - written);
    const rows: RequestsTable[] = [];
    for (let i = 0; i < n; i++) {
      // Times increase through the history (ids and times both sort by arrival), with a little jitter.
      const created = Math.floor(start + ((written + i + r.next()) / opts.requests) * (nowMs - start - 60_000));
      const c = Math.floor(r.next() * communities.length);
      const text = opts.pool[Math.floor(r.next() * opts.pool.length)]!;
      const category = byCode[c]!.get(text.label) ?? null;
      const urgency = (category?.urgency ?? 'general') as Urgency;
      const target = communities[c]!.pick(r);
      const story = requestStory(r, { created, now: nowMs, urgency });
      const request = {
        id: newId(),
        number: numbering.next(created),
        communityId: communities[c]!.community.id,
        place: { id: target.place.id, path: target.place.path },
        gridId: target.grid?.id ?? null,
        kind: kindTable.draw(r),
        channel: channelTable.draw(r),
        urgency,
        text,
        category: category && { id: category.id, source: 'model' as const, confidence: null },
      };
      rows.push(historyRow(request, story));
    }
    await deps.db.transaction().execute(async (trx) => {
      // PostgreSQL: no foreign-key checks (the generator's references are right by construction) and no wait for
      // the WAL flush, for this throw-away load only.
      if (!raw) {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`set local synchronous_commit = off`.execute(trx);
      }
      await writeHistory(trx, { requests: rows }, raw);
      // The search rows the dropped SQLite trigger would have written (migration 0011).
      if (raw) await insertMany(trx, 'request_search', rows.map((x) => ({ request_id: x.id, community: x.community_id.replaceAll('-', ''), tokens: x.tokens })), raw);
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
  await insertMany(deps.db, 'request_counters', numbering.counters(), raw);
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

// The registers benchmark: a subdistrict of 30 communities and 250,000 residents, on SQLite and PostgreSQL.
//
//  - Reads through the real HTTP app, one request at a time (latency, not throughput), as a community social
//    worker (`shegong`) and as the first grid's grid worker (`wanggeyuan`): a 50-row residents page filtered by
//    grid and tag, and a name search. Beside each, the baseline: the SQL statements that very request ran
//    (captured from the app) replayed straight on the same database, and the page statement alone.
//  - A streamed export of the whole subdistrict's residents (one workbook, ~250,000 rows) and of one community
//    through `writeExport`, each in a child process so its peak memory is its own.
//  - An import of 10,000 residents into a community that has only its places: `validateImport`, then
//    `commitImport` (the transfer module's service API, as the upload and commit routes call it).
import { progress, type Benchmark } from './lib/benchmark.js';
import { runExportChild, type ExportFigures } from './lib/export-run.js';
import { importFixture } from './lib/import-file.js';
import { measureLatencies, type LatencyFigures, type LatencyTarget } from './lib/latency.js';
import { benchOptions, describeSettings, httpUsage, parseHttpArgs, settingsOf, validateOptions, defaultHttpOptions, type HttpBenchOptions } from './lib/options.js';
import { perDialect } from './lib/per-dialect.js';
import { loginAs, type Dialect, type Gongzhi } from './lib/servers.js';
import { captureRequests, replay, type Replay } from './lib/sql-capture.js';
import { MEAN_HOUSEHOLD_SIZE } from '../apps/server/src/demo/household-shapes.js';
import { seedDemo, type SeedResult } from '../apps/server/src/demo/seed-demo.js';
import { commitImport, validateImport } from '../apps/server/src/modules/transfer/imports.service.js';
import { BenchError } from './lib/benchmark.js';

/** The product's targets. */
export const LIST_P99_SQLITE_MS = 20;
export const EXPORT_PEAK_RSS_MB = 300;

export interface RegistersOptions extends HttpBenchOptions {
  /** Residents living in the subdistrict. */
  residents: number;
  communities: number;
  /** Rows of the import file. */
  importRows: number;
}

export const defaultRegistersOptions: RegistersOptions = {
  ...defaultHttpOptions,
  seconds: 4,
  warmup: 1,
  rounds: 4,
  connections: 1,
  residents: 250_000,
  communities: 30,
  importRows: 10_000,
};

interface ReadFigures {
  url: string;
  http: LatencyFigures;
  /** Every statement of the request, replayed on the database directly. */
  sql: LatencyFigures;
  /** The page statement alone (the residents rows of the page). */
  sql_page: LatencyFigures | null;
  statements: number;
}

export interface DialectFigures {
  data: { communities: number; households: number; residents_living: number; residents_in_register: number; places: number; seed_s: number };
  community_staff: { list: ReadFigures; search: ReadFigures };
  grid_worker: { list: ReadFigures; search: ReadFigures };
  export: { subdistrict: ExportFigures; community: ExportFigures };
  import: { rows: number; validate_s: number; commit_s: number; seconds: number; created: number; error_rows: number };
}

const secondsSince = (t: number) => Math.round((performance.now() - t) / 10) / 100;

/** The first community (where the demo accounts work), its first two grids, and a name fragment to search for. */
async function subjects(gz: Gongzhi) {
  const db = gz.deps.db;
  const community = await db.selectFrom('places').select(['id', 'path']).where('kind', '=', 'community').orderBy('id').executeTakeFirstOrThrow();
  const grids = await db.selectFrom('places').select(['id', 'path']).where('kind', '=', 'grid').where('community_id', '=', community.id).orderBy('id').limit(2).execute();
  // What a worker types: the surname and first given character of someone in the first grid (matches a dozen or so).
  const names = await db.selectFrom('residents').select('name').where('place_path', '>=', grids[0]!.path).where('place_path', '<', grids[0]!.path.slice(0, -1) + '0').where('status', '=', 'living').orderBy('id').limit(200).execute();
  const counts = new Map<string, number>();
  for (const { name } of names) if (name.length === 3) counts.set(name.slice(0, 2), (counts.get(name.slice(0, 2)) ?? 0) + 1);
  const q = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? names[0]!.name.slice(0, 2);
  return { community, grids, q };
}

async function measureReads(run: { dialect: Dialect; gz: Gongzhi; load: Parameters<typeof measureLatencies>[0] }, opts: RegistersOptions) {
  const { gz, dialect } = run;
  const { community, grids, q } = await subjects(gz);
  const staff = await loginAs(gz.url, 'shegong');
  const worker = await loginAs(gz.url, 'wanggeyuan');
  const second = grids[1] ?? grids[0]!;
  const reads = {
    'community_staff.list': { cookie: staff, url: `/api/v1/residents?placeId=${second.id}&tag=party_member&limit=50` },
    'community_staff.search': { cookie: staff, url: `/api/v1/residents?q=${encodeURIComponent(q)}&limit=50` },
    'grid_worker.list': { cookie: worker, url: `/api/v1/residents?placeId=${grids[0]!.id}&tag=party_member&limit=50` },
    'grid_worker.search': { cookie: worker, url: `/api/v1/residents?q=${encodeURIComponent(q)}&limit=50` },
  };
  const targets: LatencyTarget[] = [];
  const replays: Replay[] = [];
  const counts: Record<string, number> = {};
  try {
    const captured = await captureRequests(gz, Object.values(reads));
    for (const [i, [name, r]] of Object.entries(reads).entries()) {
      const statements = captured[i]!;
      if (statements.length === 0) throw new Error(`${name}: the request ran no SQL`);
      counts[name] = statements.length;
      const all = replay(gz, statements);
      replays.push(all);
      targets.push({ name, url: `${gz.url}${r.url}`, headers: { cookie: r.cookie } }, { name: `${name}.sql`, run: all.run });
      const page = statements.find((s) => /from "residents"/.test(s.sql) && /\blimit\b/i.test(s.sql) && !/count\(/i.test(s.sql));
      if (page) {
        const one = replay(gz, [page]);
        replays.push(one);
        targets.push({ name: `${name}.sql_page`, run: one.run });
      }
    }
    opts.log(`[${dialect}] community ${community.id}: list by grid and tag 党员, search “${q}”`);
    const f = await measureLatencies(run.load, targets, { ...opts, label: `[${dialect}]` });
    const read = (name: keyof typeof reads): ReadFigures => ({ url: reads[name].url, http: f[name]!, sql: f[`${name}.sql`]!, sql_page: f[`${name}.sql_page`] ?? null, statements: counts[name]! });
    return {
      community_staff: { list: read('community_staff.list'), search: read('community_staff.search') },
      grid_worker: { list: read('grid_worker.list'), search: read('grid_worker.search') },
    };
  } finally {
    for (const r of replays) await r.close();
  }
}

async function measureImport(gz: Gongzhi, communities: number, rows: number, log: (l: string) => void, label: string) {
  const fixture = await importFixture(gz.deps, communities, rows);
  log(`${label} import: ${fixture.rows} residents of ${fixture.communityName} in a ${(fixture.data.length / 1048576).toFixed(1)} MB .xlsx`);
  const t0 = performance.now();
  const job = await validateImport(gz.deps, null, { kind: 'residents', communityId: fixture.communityId, fileName: 'residents.xlsx', data: fixture.data });
  const validated = secondsSince(t0);
  if (job.errorRows > 0) throw new BenchError(`${label} the import file has ${job.errorRows} bad rows, e.g. ${JSON.stringify(job.errors.slice(0, 3))}`);
  log(`${label} import: validated in ${validated} s (${job.createdRows} to create)`);
  const t1 = performance.now();
  let last = 0;
  const done = await commitImport(gz.deps, null, job.id, {
    onProgress: ({ processed, total }) => {
      if (processed - last >= 2000 || processed === total) log(`${label} import: ${processed}/${total}`);
      if (processed - last >= 2000) last = processed;
    },
  });
  const committed = secondsSince(t1);
  if (done.status !== 'done') throw new Error(`${label} import ended ${done.status}: ${JSON.stringify(done.errors.slice(0, 3))}`);
  return { rows: fixture.rows, validate_s: validated, commit_s: committed, seconds: Math.round((validated + committed) * 100) / 100, created: done.createdRows, error_rows: done.errorRows };
}

/** Build the subdistrict on each database and measure; throws a BenchError when PostgreSQL is asked for but down. */
export async function measureRegisters(options: Partial<RegistersOptions> = {}): Promise<Partial<Record<Dialect, DialectFigures>>> {
  const opts: RegistersOptions = { ...defaultRegistersOptions, ...options };
  validateOptions(opts);
  if (!(opts.residents >= 10 && opts.communities >= 1 && opts.importRows >= 1)) throw new BenchError('--residents, --communities and --import-rows must be positive');
  const households = Math.max(10, Math.round(opts.residents / opts.communities / MEAN_HOUSEHOLD_SIZE));
  const seeded: Partial<Record<Dialect, SeedResult>> = {};
  const seeder = (dialect: Dialect) => async (deps: Parameters<typeof seedDemo>[0]) => {
    opts.log(`[${dialect}] seeding ${opts.communities} communities of ${households} households…`);
    seeded[dialect] = await seedDemo(deps, { communities: opts.communities, households, log: (l) => opts.log(`[${dialect}] ${l.trim()}`) });
    opts.log(`[${dialect}] seeded in ${seeded[dialect]!.seconds} s`);
  };
  return perDialect(
    opts,
    async (run) => {
      const label = `[${run.dialect}]`;
      const s = seeded[run.dialect]!;
      const reads = await measureReads(run, opts);
      const subdistrict = await runExportChild(run.db, 'subdistrict');
      opts.log(`${label} export of the subdistrict: ${subdistrict.rows} rows in ${subdistrict.seconds} s, peak RSS ${subdistrict.peak_rss_mb} MB`);
      const first = await subjects(run.gz);
      const community = await runExportChild(run.db, 'community', first.community.id);
      opts.log(`${label} export of one community: ${community.rows} rows in ${community.seconds} s, peak RSS ${community.peak_rss_mb} MB`);
      const imported = await measureImport(run.gz, opts.communities, opts.importRows, opts.log, label);
      opts.log(`${label} import: ${imported.rows} rows in ${imported.seconds} s`);
      return {
        data: { communities: opts.communities, households: s.households, residents_living: s.living, residents_in_register: s.residents, places: s.places, seed_s: s.seconds },
        ...reads,
        export: { subdistrict, community },
        import: imported,
      };
    },
    seeder,
  );
}

const usage =
  httpUsage('registers', ' [--residents 250000] [--communities 30] [--import-rows 10000] [--strict]') +
  '\n  --residents    residents living in the subdistrict (a quick run: --residents 20000 --communities 4)' +
  `\n  --strict       exit 2 when a target is missed (SQLite list/search p99 < ${LIST_P99_SQLITE_MS} ms, export peak RSS < ${EXPORT_PEAK_RSS_MB} MB)` +
  '\n  Defaults here: --seconds 4 --warmup 1 --rounds 4 --connections 1 (one request at a time: latency).';

/** Which targets the figures meet (null: not measured). */
export function targetsMet(figures: Partial<Record<Dialect, DialectFigures>>) {
  const sqlite = figures.sqlite;
  const p99s = sqlite ? [sqlite.community_staff.list, sqlite.community_staff.search, sqlite.grid_worker.list, sqlite.grid_worker.search].map((r) => r.http.p99_ms) : [];
  const peaks = Object.values(figures).map((f) => f!.export.subdistrict.peak_rss_mb);
  return {
    list_search_p99_sqlite_ms: LIST_P99_SQLITE_MS,
    export_peak_rss_mb: EXPORT_PEAK_RSS_MB,
    list_search_met: sqlite ? p99s.every((p) => p < LIST_P99_SQLITE_MS) : null,
    export_met: peaks.length ? peaks.every((p) => p < EXPORT_PEAK_RSS_MB) : null,
  };
}

export const registers: Benchmark = {
  name: 'registers',
  description: 'residents list/search p50/p99 (HTTP vs raw SQL), 10,000-row import, 250,000-row streamed export, on 250,000 residents',
  async run(args) {
    const { opts: http, values } = parseHttpArgs(args, usage, { residents: { type: 'string' }, communities: { type: 'string' }, 'import-rows': { type: 'string' }, strict: { type: 'boolean' } });
    if (values.help) {
      progress(usage);
      return { result: { usage }, exitCode: 0 };
    }
    const d = defaultRegistersOptions;
    const { shared, int } = benchOptions(http, values, d, usage);
    const opts: RegistersOptions = {
      ...shared,
      residents: int('residents', d.residents),
      communities: int('communities', d.communities),
      importRows: int('import-rows', d.importRows),
    };
    opts.log(`${describeSettings('registers', opts)}; ${opts.residents} residents in ${opts.communities} communities, import ${opts.importRows} rows`);
    const figures = await measureRegisters(opts);
    const target = targetsMet(figures);
    const missed = target.list_search_met === false || target.export_met === false;
    return {
      result: { ...settingsOf(opts), residents: opts.residents, communities: opts.communities, import_rows: opts.importRows, ...figures, target },
      exitCode: values.strict && missed ? 2 : 0,
    };
  },
};

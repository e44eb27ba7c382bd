import { sql, type Kysely } from 'kysely';

const isPostgres = <T>(db: Kysely<T>): boolean => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

/** Every column the analysis aggregates read, after the (community, received) key the queries range over. */
const covered = ['status', 'category_id', 'grid_id', 'channel', 'place_id', 'self_resolved', 'responded_at', 'dispatch_due_at', 'rating', 'resolved'];
const counters = ['received', 'counted', 'responded_in_time', 'rated', 'resolved', 'satisfied', 'open', 'replied', 'closed'];
const handling = `'received', 'dispatched', 'in_progress', 'returned', 'objection'`;

/**
 * One request's contribution to each counter, as SQL over the row alias `x` (new, old or r), times `sign`.
 * The definitions are those of packages/shared/src/schemas/analysis.ts (the three rates).
 */
function contributions(pg: boolean, x: string, sign: string): string[] {
  const n = (cond: string) => (pg ? `${sign} * (coalesce(${cond}, false))::int` : `${sign} * coalesce(${cond}, 0)`);
  const counted = `${x}.status not in ('merged', 'withdrawn')`;
  return [
    sign,
    n(counted),
    n(`${counted} and (${x}.self_resolved = 1 or coalesce(${x}.responded_at <= ${x}.dispatch_due_at, ${pg ? 'false' : '0'}))`),
    n(`${x}.rating is not null`),
    n(`${x}.rating is not null and ${x}.resolved = 1`),
    n(`${x}.rating in ('satisfied', 'basically_satisfied')`),
    n(`${x}.status in (${handling})`),
    n(`${x}.status in ('replied', 'rated', 'closed')`),
    n(`${x}.status = 'closed'`),
  ];
}

/** The local (UTC+8) day a request was received. */
const dayOf = (pg: boolean, x: string) => (pg ? `to_char(${x}.created_at::timestamp + interval '8 hours', 'YYYY-MM-DD')` : `date(${x}.created_at, '+8 hours')`);
/** The four dimensions a request is counted under, with its key in each ('' for none). */
const dims = (x: string) => [
  ['category', `coalesce(${x}.category_id, '')`],
  ['channel', `${x}.channel`],
  ['grid', `coalesce(${x}.grid_id, '')`],
  ['status', `${x}.status`],
];
/** A SELECT of the row's four contribution rows (one per dimension). */
const contributionRows = (pg: boolean, x: string, sign: string) =>
  dims(x)
    .map(([dim, key]) => `select ${x}.community_id as community_id, ${dayOf(pg, x)} as day, '${dim}' as dim, ${key} as key, ${contributions(pg, x, sign).map((c, i) => `${c} as ${counters[i]}`).join(', ')}`)
    .join(' union all ');
const upsertSet = (table: string) => counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
const columns = ['community_id', 'day', 'dim', 'key', ...counters].join(', ');

/**
 * The analysis dashboard at the size of a subdistrict (bench/requests.ts: 1,000,000 requests):
 *
 * - `request_daily_stats`: per community, local day, dimension (category, channel, grid, status) and key, the
 *   counters the totals and the three rates are made of. Kept by triggers on `requests`, so every writer (intake,
 *   lifecycle, timers, imports, a place move) keeps it right inside its own transaction without calling anything;
 *   the analysis module reads whole days from it and only the partial days at a period's edges from `requests`.
 *   Ordered (community, dimension, day, key) so one dimension of a period is one range per community.
 * - A covering index for what still reads requests (period edges, grid and building scopes, places), and one
 *   for the overdue count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  if (pg) {
    await sql`create index requests_analysis_idx on requests (community_id, created_at) include (${sql.join(covered.map((c) => sql.ref(c)))})`.execute(db);
  } else {
    await db.schema.createIndex('requests_analysis_idx').on('requests').columns(['community_id', 'created_at', ...covered]).execute();
  }
  // Overdue now (handling status, reply deadline passed) per community, read from the index alone: the
  // (status, reply_due_at) index would visit every overdue request of the installation to find a community's.
  await db.schema.createIndex('requests_overdue_idx').on('requests').columns(['community_id', 'status', 'reply_due_at']).execute();
  let table = db.schema
    .createTable('request_daily_stats')
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('dim', 'varchar(16)', (col) => col.notNull())
    .addColumn('day', 'varchar(10)', (col) => col.notNull())
    .addColumn('key', 'varchar(64)', (col) => col.notNull());
  for (const c of counters) table = table.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('request_daily_stats_pk', ['community_id', 'dim', 'day', 'key']).execute();

  const watched = ['community_id', 'created_at', ...covered.filter((c) => c !== 'place_id')];
  if (pg) {
    // An insert adds one row per dimension (locked in dimension order); an update moves counts between keys in one
    // statement whose rows are in key order, so concurrent writers lock counter rows in the same order (no
    // deadlock). Updates that change nothing counted (a note, a reminder, updated_at) do not call it at all.
    await sql
      .raw(
        `create function request_daily_stats_apply() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            insert into request_daily_stats as s (${columns}) ${contributionRows(true, 'new', '1')}
            on conflict (community_id, dim, day, key) do update set ${upsertSet('s')};
          elsif tg_op = 'DELETE' then
            insert into request_daily_stats as s (${columns}) ${contributionRows(true, 'old', '-1')}
            on conflict (community_id, dim, day, key) do update set ${upsertSet('s')};
          else
            insert into request_daily_stats as s (${columns})
            select community_id, day, dim, key, ${counters.map((c) => `sum(${c})`).join(', ')}
            from (${contributionRows(true, 'old', '-1')} union all ${contributionRows(true, 'new', '1')}) c
            group by community_id, dim, day, key order by community_id, dim, day, key
            on conflict (community_id, dim, day, key) do update set ${upsertSet('s')};
          end if;
          return null;
        end $$`,
      )
      .execute(db);
    const changed = watched.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
    await sql.raw(`create trigger request_daily_stats_insert after insert on requests for each row execute function request_daily_stats_apply()`).execute(db);
    await sql.raw(`create trigger request_daily_stats_update after update on requests for each row when (${changed}) execute function request_daily_stats_apply()`).execute(db);
    await sql.raw(`create trigger request_daily_stats_delete after delete on requests for each row execute function request_daily_stats_apply()`).execute(db);
  } else {
    const upsert = (x: string, sign: string) => `insert into request_daily_stats (${columns}) ${contributionRows(false, x, sign)} where true on conflict (community_id, dim, day, key) do update set ${upsertSet('request_daily_stats')};`;
    await sql.raw(`create trigger request_daily_stats_insert after insert on requests begin ${upsert('new', '1')} end`).execute(db);
    await sql.raw(`create trigger request_daily_stats_update after update of ${watched.join(', ')} on requests begin ${upsert('old', '-1')} ${upsert('new', '1')} end`).execute(db);
    await sql.raw(`create trigger request_daily_stats_delete after delete on requests begin ${upsert('old', '-1')} end`).execute(db);
  }
  // Requests already there (a database that had them before this migration).
  await rebuildDailyStats(db);
}

/**
 * Recount `request_daily_stats` from the requests (what the triggers keep, computed afresh): the migration's
 * backfill, and for bulk loads that ran with the triggers off. Run it inside a transaction to swap atomically.
 */
export async function rebuildDailyStats<T>(db: Kysely<T>): Promise<void> {
  const pg = isPostgres(db);
  await sql`delete from request_daily_stats`.execute(db);
  for (const [dim, key] of dims('r')) {
    await sql
      .raw(
        `insert into request_daily_stats (${columns}) select r.community_id, ${dayOf(pg, 'r')}, '${dim}', ${key}, ${contributions(pg, 'r', '1').map((c) => `sum(${c})`).join(', ')}
         from requests r group by r.community_id, ${dayOf(pg, 'r')}, ${key}`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const t of ['insert', 'update', 'delete']) await sql.raw(`drop trigger request_daily_stats_${t}${pg ? ' on requests' : ''}`).execute(db);
  if (pg) await sql`drop function request_daily_stats_apply()`.execute(db);
  await db.schema.dropTable('request_daily_stats').execute();
  await db.schema.dropIndex('requests_overdue_idx').execute();
  await db.schema.dropIndex('requests_analysis_idx').execute();
}

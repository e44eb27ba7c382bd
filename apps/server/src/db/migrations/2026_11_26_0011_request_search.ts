import { sql, type Kysely } from 'kysely';

const isPostgres = <T>(db: Kysely<T>): boolean => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

/**
 * Full-text search that stays fast for a word half the requests contain (小区), not only for rare ones.
 *
 * - SQLite: `request_search` replaces `requests_fts`. Its rows arrive in the requests' arrival order, so the
 *   newest matches come first by rowid and a page stops after twenty; the community is an indexed column, so a
 *   community's search never walks the other communities' matches; prefix indexes of 1–3 characters answer the
 *   `word*` queries (search matches words as prefixes) from one index entry instead of merging every longer
 *   word's list. A trigger writes the row inside the insert of the request, so no writer can forget it.
 * - PostgreSQL: the tsvector is stored (`search_vector`, generated from `tokens`) instead of recomputed from the
 *   text for every row a scan checks, which cost ~30 µs a row; the GIN index moves onto it.
 * - Both: an index on `created_at` alone. A subdistrict's list (and search) is a range of place paths over every
 *   community, newest first: without it that sorted a million rows (PostgreSQL: 3.5 s for 小区, then 0.2 ms).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('requests_created_idx').on('requests').column('created_at').execute();
  if (isPostgres(db)) {
    await sql`alter table requests add column search_vector tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(db);
    await sql`create index requests_search_idx on requests using gin (search_vector)`.execute(db);
    await sql`drop index requests_tokens_fts_idx`.execute(db);
    return;
  }
  await sql`create virtual table request_search using fts5(request_id unindexed, community, tokens, prefix = '1 2 3', tokenize = 'unicode61')`.execute(db);
  // One token per community: its id without the hyphens unicode61 would split it at.
  await sql`insert into request_search (request_id, community, tokens)
    select id, replace(community_id, '-', ''), tokens from requests order by created_at, id`.execute(db);
  await sql`create trigger requests_search_insert after insert on requests begin
    insert into request_search (request_id, community, tokens) values (new.id, replace(new.community_id, '-', ''), new.tokens);
  end`.execute(db);
  await sql`drop table requests_fts`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('requests_created_idx').execute();
  if (isPostgres(db)) {
    await sql`create index requests_tokens_fts_idx on requests using gin (to_tsvector('simple', tokens))`.execute(db);
    await sql`drop index requests_search_idx`.execute(db);
    await sql`alter table requests drop column search_vector`.execute(db);
    return;
  }
  await sql`create virtual table requests_fts using fts5(request_id unindexed, tokens, tokenize = 'unicode61')`.execute(db);
  await sql`insert into requests_fts (request_id, tokens) select id, tokens from requests order by created_at, id`.execute(db);
  await sql`drop trigger requests_search_insert`.execute(db);
  await sql`drop table request_search`.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * Covenant opinions, comments and pledges copy a person's or organisation's name, which the registers hold in up
 * to 100 characters; 0018 gave these copies 60, so PostgreSQL refused a longer name (SQLite does not enforce a
 * varchar length, so there is nothing to change there).
 */
const columns = [
  ['covenant_opinions', 'author_name'],
  ['covenant_comments', 'author_name'],
  ['covenant_pledges', 'signer_name'],
] as const;

const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of columns) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type varchar(100)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, column] of columns) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type varchar(60)`.execute(db);
  }
}

import type { Kysely } from 'kysely';

/** Whether a migration runs on PostgreSQL (Kysely names its adapter class after the dialect). */
export const isPostgres = <T>(db: Kysely<T>): boolean => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

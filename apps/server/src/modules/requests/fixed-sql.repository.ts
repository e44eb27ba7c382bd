import { CompiledQuery, SqliteAdapter } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Fixed SQL texts for intake's hot path, built once per dialect. Intake must sustain a thousand requests a
 * second; building and compiling a query through the builder costs more than running these one-row statements,
 * and a fixed text is also what SQLite's statement cache (db/connect.ts) keys on.
 */

/** SQLite keeps the full-text index in a separate FTS5 table; PostgreSQL indexes the column itself. */
export const isSqlite = (db: Db): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

const texts = new Map<string, string>();

/** The SQL text for `key` in this database's placeholder style (`?` or `$n`), built on first use. */
export function fixedText(db: Db, key: string, build: (p: (i: number) => string) => string): string {
  const sqlite = isSqlite(db);
  const k = `${sqlite ? 's' : 'p'}:${key}`;
  let t = texts.get(k);
  if (!t) {
    t = build(sqlite ? () => '?' : (i) => `$${i + 1}`);
    texts.set(k, t);
  }
  return t;
}

/** Run a fixed text with its parameters; rows come back as the driver gives them. */
export async function runFixed<R>(db: Db, sqlText: string, params: unknown[]): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(sqlText, params))).rows;
}

import type { Insertable } from 'kysely';
import type { Db, RequestsTable, RequestStepsTable } from '../../db/database.js';
import { fixedText as text, runFixed } from './fixed-sql.repository.js';

/** Intake's writes as fixed SQL texts (fixed-sql.repository.ts says why). */

const run = (db: Db, sqlText: string, params: unknown[]) => runFixed(db, sqlText, params);

const requestColumns = [
  'id', 'number', 'community_id', 'place_id', 'place_path', 'grid_id', 'household_id', 'resident_id', 'submitted_by', 'entered_by',
  'contact_name', 'phone_cipher', 'phone_index', 'phone_tail', 'kind', 'channel', 'urgency', 'title', 'text', 'tokens', 'anonymous',
  'category_id', 'category_confidence', 'category_source', 'model_id', 'status', 'dispatch_due_at', 'reply_due_at', 'open311_client_id',
  'created_at', 'updated_at',
] as const satisfies readonly (keyof RequestsTable)[];
/** What intake sets; every other column starts at its default (null, or 0 for the counters and flags). */
export type NewRequest = { [K in (typeof requestColumns)[number]]: Insertable<RequestsTable>[K] };

export async function insertNewRequest(db: Db, row: NewRequest): Promise<void> {
  const t = text(db, 'request', (p) => `insert into requests (${requestColumns.join(', ')}) values (${requestColumns.map((_, i) => p(i)).join(', ')})`);
  await run(db, t, requestColumns.map((c) => row[c] ?? null));
}

/**
 * The next readable number of the year, in the caller's transaction: an upsert that returns the new value, so
 * two intakes never share a number and a rolled-back intake leaves the counter as it was.
 */
export async function bumpCounter(db: Db, key: string): Promise<number> {
  const t = text(db, 'counter', (p) => `insert into request_counters (key, last) values (${p(0)}, 1) on conflict (key) do update set last = request_counters.last + 1 returning last`);
  const [r] = await runFixed<{ last: number | string }>(db, t, [key]);
  return Number(r!.last);
}

const stepColumns = [
  'id', 'request_id', 'action', 'from_status', 'to_status', 'actor_user_id', 'actor_name', 'on_behalf_of', 'message', 'data_json', 'public', 'created_at',
] as const satisfies readonly (keyof RequestStepsTable)[];

/** Steps in one statement (one text per number of rows). */
export async function insertStepRows(db: Db, rows: Insertable<RequestStepsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  const n = stepColumns.length;
  const t = text(db, `steps:${rows.length}`, (p) => {
    const tuples = rows.map((_, r) => `(${stepColumns.map((_, c) => p(r * n + c)).join(', ')})`);
    return `insert into request_steps (${stepColumns.join(', ')}) values ${tuples.join(', ')}`;
  });
  await run(db, t, rows.flatMap((row) => stepColumns.map((c) => row[c] ?? null)));
}

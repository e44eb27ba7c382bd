import type { Db } from '../../db/database.js';

/** Candidate rows for the request timers (Kysely only); the service filters by each community's settings. */

const columns = ['id', 'number', 'title', 'community_id', 'place_path', 'status', 'reply_due_at', 'replied_at'] as const;

/** Open requests whose reply deadline is still ahead but within `until`, not yet reminded. */
export function remindCandidates(db: Db, handling: readonly string[], now: string, until: string, limit: number) {
  return db
    .selectFrom('requests')
    .select(columns)
    .where('status', 'in', [...handling])
    .where('reminded_at', 'is', null)
    .where('reply_due_at', '>', now)
    .where('reply_due_at', '<=', until)
    .orderBy('reply_due_at')
    .limit(limit)
    .execute();
}

/** Open requests at an escalation level whose reply deadline passed before `before`. */
export function escalationCandidates(db: Db, handling: readonly string[], level: number, before: string, limit: number) {
  return db
    .selectFrom('requests')
    .select(columns)
    .where('status', 'in', [...handling])
    .where('escalation_level', '=', level)
    .where('reply_due_at', '<', before)
    .orderBy('reply_due_at')
    .limit(limit)
    .execute();
}

/** Answered requests nobody rated since before `before`. */
export function autoCloseCandidates(db: Db, before: string, limit: number) {
  return db
    .selectFrom('requests')
    .select(columns)
    .where('status', '=', 'replied')
    .where('replied_at', '<=', before)
    .orderBy('replied_at')
    .limit(limit)
    .execute();
}

/** Dedupe keys already in the outbox (so a repeated run counts only what it newly sent). */
export async function existingKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('notifications').select('dedupe_key').where('dedupe_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.dedupe_key));
}

/** Active assignments of requests (for the handlers a reminder goes to). */
export function activeAssignmentsOf(db: Db, requestId: string) {
  return db
    .selectFrom('request_assignments')
    .select(['user_id', 'organisation_id'])
    .where('request_id', '=', requestId)
    .where('status', '=', 'active')
    .execute();
}

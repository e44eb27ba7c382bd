import type { AuditRow, Db } from '../../db/database.js';
import { pathInScope } from '../../lib/scope.js';

/** The log is append-only: this module has an insert and selects, and the database refuses the rest. */
export async function insertAuditEntry(db: Db, row: AuditRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  scope: string[];
  actorUserId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  before?: string;
  limit: number;
}

/** Newest first, keyset-paginated by id (ids sort by time). */
export function listAuditEntries(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select('u.display_name as actor_name')
    .where(pathInScope('a.scope_path', f.scope));
  if (f.actorUserId) q = q.where('a.actor_user_id', '=', f.actorUserId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.targetType) q = q.where('a.target_type', '=', f.targetType);
  if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<=', f.to);
  if (f.before) q = q.where('a.id', '<', f.before);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}

/** Distinct actions seen in scope, for the console's filter. */
export async function listAuditActions(db: Db, scope: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .select('a.action')
    .distinct()
    .where(pathInScope('a.scope_path', scope))
    .orderBy('a.action')
    .execute();
  return rows.map((r) => r.action);
}

import type { AppDeps } from '../../deps.js';
import { adminRoles } from '@gongzhi/shared';
import { scopePrefixes } from '../../lib/scope.js';
import type { AuditRow, Db } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { maskForAudit } from '../../lib/personal-data.js';
import { insertAuditEntry, listAuditActions, listAuditEntries, type AuditFilter } from './audit.repository.js';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string | null;
  communityId: string | null;
  /** Path of the place the target belongs to; decides who may read the entry. */
  scopePath: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Record a write. Call it inside the same transaction as the write, so there is never a change without its
 * entry nor an entry without its change. Personal data is masked before it is stored.
 */
export async function recordAudit(db: Db, ctx: RequestContext | null, clock: Clock, input: AuditInput): Promise<void> {
  await insertAuditEntry(db, auditEntry(ctx, clock, input));
}

/** The row recordAudit writes; bulk writers (imports) build a batch of these and insert them with their rows. */
export function auditEntry(ctx: RequestContext | null, clock: Clock, input: AuditInput): AuditRow {
  return {
    id: newId(),
    at: clock.now().toISOString(),
    actor_user_id: ctx?.actor.userId ?? null,
    on_behalf_of_user_id: ctx?.actor.onBehalfOf?.id ?? null,
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId,
    community_id: input.communityId,
    scope_path: input.scopePath,
    before_json: input.before === undefined ? null : JSON.stringify(maskForAudit(input.before)),
    after_json: input.after === undefined ? null : JSON.stringify(maskForAudit(input.after)),
    request_id: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
  };
}

const parseJson = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** Entries the actor may read, newest first, with a cursor for the next page. */
export async function browseAudit(deps: AppDeps, actor: Actor, q: Omit<AuditFilter, 'scope'>) {
  const rows = await listAuditEntries(deps.db, { ...q, scope: scopePrefixes(actor, adminRoles) });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      onBehalfOfUserId: r.on_behalf_of_user_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      communityId: r.community_id,
      before: parseJson(r.before_json),
      after: parseJson(r.after_json),
      requestId: r.request_id,
    })),
    nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
  };
}

export const auditActions = (deps: AppDeps, actor: Actor) => listAuditActions(deps.db, scopePrefixes(actor, adminRoles));

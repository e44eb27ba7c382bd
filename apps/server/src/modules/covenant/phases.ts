import { covenantPhases, defaultCovenantPermissions, phasePermissionsSchema, type CovenantPhase, type PhasePermissions } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/app-error.js';
import * as repo from './covenant.repository.js';

/** The order of a covenant's phases and the one way a covenant moves between them. */

export function nextPhase(phase: string): CovenantPhase | null {
  const i = covenantPhases.indexOf(phase as CovenantPhase);
  return i >= 0 && i + 1 < covenantPhases.length ? covenantPhases[i + 1]! : null;
}

/** The permissions stored for a phase (the defaults when the row is missing or unreadable). */
export function permissionsOf(rows: repo.PhaseRow[], phase: string): PhasePermissions {
  const row = rows.find((r) => r.phase === phase);
  const parsed = row ? phasePermissionsSchema.safeParse(JSON.parse(row.permissions)) : null;
  return parsed?.success ? parsed.data : defaultCovenantPermissions[phase as CovenantPhase];
}

/** Permissions of the covenant's current phase, read from the database. */
export async function currentPermissions(db: Db, c: repo.CovenantRow): Promise<PhasePermissions> {
  return permissionsOf(await repo.listPhases(db, c.id), c.phase);
}

/** Refuses with 409 `wrong_phase` unless the covenant is in one of the phases. */
export function requirePhase(c: { phase: string }, ...phases: CovenantPhase[]): void {
  if (!phases.includes(c.phase as CovenantPhase)) throw new AppError('wrong_phase', 409, { phase: c.phase, expected: phases });
}

/**
 * Move the covenant from its phase to `to` inside `trx`, stamping the end of the old phase and the start of the
 * new one, with extra columns set in the same update. 409 `wrong_phase` when someone moved it meanwhile.
 */
export async function movePhase(trx: Db, c: { id: string; phase: string }, to: CovenantPhase, at: string, patch: Parameters<typeof repo.updateCovenant>[3] = {}): Promise<void> {
  if (!(await repo.updateCovenant(trx, c.id, c.phase, { ...patch, phase: to, updated_at: at }))) throw new AppError('wrong_phase', 409, { phase: c.phase });
  await repo.updatePhase(trx, c.id, c.phase, { ended_at: at });
  // A phase entered again (revision after a return) starts afresh; the audit log keeps the earlier dates.
  await repo.updatePhase(trx, c.id, to, { started_at: at, ended_at: null });
}

export interface PhaseFacts {
  lastReview: { version_id: string; decision: string } | undefined;
  lastVote: { result: string } | undefined;
}

/**
 * Why the covenant cannot move to `to` now: `order` (not the next phase), or what is missing; null when it can.
 * Besides the next phase, a covenant whose vote was rejected may go back to revision.
 */
export function unmetCondition(c: repo.CovenantRow, to: CovenantPhase, f: PhaseFacts): string | null {
  if (c.phase === 'vote' && to === 'revision') return f.lastVote?.result === 'rejected' ? null : 'rejected_vote';
  if (nextPhase(c.phase) !== to) return 'order';
  if (to === 'consultation' && !c.current_version_id) return 'version';
  if (to === 'vote' && !(f.lastReview?.decision === 'approved' && f.lastReview.version_id === c.current_version_id)) return 'approval';
  if (to === 'filing' && !c.adopted_version_id) return 'adoption';
  if (to === 'publication' && !c.filed_on) return 'filing';
  if (to === 'pledging' && !c.published_at) return 'publication';
  return null;
}

/** The phases a manager may move the covenant to now. */
export function advanceTargets(c: repo.CovenantRow, f: PhaseFacts): CovenantPhase[] {
  const candidates = [nextPhase(c.phase), c.phase === 'vote' ? ('revision' as const) : null].filter((p): p is CovenantPhase => p !== null);
  return candidates.filter((p) => unmetCondition(c, p, f) === null);
}

import { dataOfficerRoles, registerManagerRoles, registerViewerRoles, revealRoles, revealableFields, type RevealableField, type Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { anyUser, definePolicy, rolesPolicy } from '../../lib/policy.js';
import { inScope } from '../../lib/scope.js';

export { dataOfficerRoles, registerManagerRoles, registerViewerRoles };

/** Anyone who may reveal at least one field somewhere; the field and the record are checked in the service. */
const anyRevealRoles: readonly Role[] = [...new Set(revealableFields.flatMap((f) => revealRoles[f]))];

export const canViewRegisters = rolesPolicy('registers.view', registerViewerRoles);
export const canManageRegisters = rolesPolicy('registers.manage', registerManagerRoles);
export const canRevealSomething = rolesPolicy('registers.reveal', anyRevealRoles);
/** Correction requests, one person's export and resident accounts: the community office's data officers. */
export const canHandlePersonalData = rolesPolicy('registers.personal_data', dataOfficerRoles);
/** A resident's own data: any account, answered 404 resident_not_linked when no record is linked to it. */
export const canReadOwnData = definePolicy('registers.own_data', anyUser);

/** Record-level checks on a register row's `place_path`. */
export const canSeeRecord = (actor: Actor, path: string): boolean => inScope(actor, path, registerViewerRoles);
export const canEditRecord = (actor: Actor, path: string): boolean => inScope(actor, path, registerManagerRoles);
export const canRevealField = (actor: Actor, path: string, field: RevealableField): boolean => inScope(actor, path, revealRoles[field]);
export const isDataOfficerFor = (actor: Actor, path: string): boolean => inScope(actor, path, dataOfficerRoles);
/** The fields this actor may reveal on a record at `path`, in a stable order. */
export const revealableFor = (actor: Actor, path: string): RevealableField[] => revealableFields.filter((f) => canRevealField(actor, path, f));

/**
 * A record the actor wants to change: invisible ones answer 404 like missing ones; visible but outside the
 * actor's writing scope (a building leader, a subdistrict admin) 403.
 */
export function assertEditable(actor: Actor, path: string): void {
  if (!canSeeRecord(actor, path) && !canEditRecord(actor, path)) throw notFound();
  if (!canEditRecord(actor, path)) throw new AppError('forbidden', 403);
}

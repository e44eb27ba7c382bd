import { visitRoles, visitViewerRoles, type Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { rolesPolicy } from '../../lib/policy.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';

/**
 * Who sees and writes visits, plans, meetings and coverage, written once. Writers (visitRoles) work where their
 * role is held: staff in the community, a grid worker in their grid, a building leader in their building.
 * Readers are the writers plus subdistrict admins, each in their own subtree. Anything outside answers 404.
 */

/** Roles that see every plan of their communities, whatever its targets. */
const communityWideRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
/** Roles that keep a community's plans: change or cancel any of them. */
const planKeeperRoles: readonly Role[] = ['community_admin', 'community_staff'];

export const canViewVisits = rolesPolicy('visits.view', visitViewerRoles);
export const canRecordVisits = rolesPolicy('visits.record', visitRoles);

/** Path prefixes whose records the actor reads. */
export const readPrefixes = (actor: Actor): string[] => scopePrefixes(actor, visitViewerRoles);
export const canReadAt = (actor: Actor, path: string): boolean => inScope(actor, path, visitViewerRoles);
export const canWriteAt = (actor: Actor, path: string): boolean => inScope(actor, path, visitRoles);

/** What decides plan visibility: community-wide readers by community path, others through targets or by name. */
export interface PlanScope {
  userId: string;
  communityPrefixes: string[];
  targetPrefixes: string[];
}
export const planScope = (actor: Actor): PlanScope => ({
  userId: actor.userId ?? '',
  communityPrefixes: scopePrefixes(actor, communityWideRoles),
  targetPrefixes: scopePrefixes(actor, ['grid_worker', 'building_leader']),
});
/** Targets of a plan the actor sees: all of them for community-wide readers, those in their grid or building else. */
export const targetPrefixesFor = (actor: Actor, communityPath: string): string[] | null =>
  inScope(actor, communityPath, communityWideRoles) ? null : readPrefixes(actor);

/** A plan is kept by its community's staff and by whoever made it. */
export const canKeepPlan = (actor: Actor, plan: { created_by: string }, communityPath: string): boolean =>
  plan.created_by === actor.userId || inScope(actor, communityPath, planKeeperRoles);

/** Visible but not the actor's to change: 403; invisible records were already answered 404. */
export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden', 403);
}

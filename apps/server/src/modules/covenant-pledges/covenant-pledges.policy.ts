import { deliberationManagerRoles, deliberationViewerRoles, pledgeRecorderRoles, type Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { publicAccess, rolesPolicy } from '../../lib/policy.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';

/**
 * Who may call the pledge routes, and the part of a covenant's community each caller sees. Signing online is
 * open to every signed-in account at the route; the pledging phase's participant groups decide. Paper pledges
 * are recorded door to door by staff, grid workers and building leaders, each within their own places; the
 * same people plus the subdistrict follow coverage. Nominating an exemplary household is the community's call.
 */

/** Who follows pledges and coverage: the recorders and the subdistrict over the community. */
export const pledgeViewerRoles: readonly Role[] = ['subdistrict_admin', ...pledgeRecorderRoles];
/** Who sees signers' names whole: the community's office (others see "张*"). */
const nameReaderRoles: readonly Role[] = ['community_admin', 'community_staff'];

export const canOpenPledges = rolesPolicy('covenant_pledges.mine', deliberationViewerRoles);
export const canViewPledges = rolesPolicy('covenant_pledges.view', pledgeViewerRoles);
export const canRecordPledges = rolesPolicy('covenant_pledges.record', pledgeRecorderRoles);
export const canNominate = rolesPolicy('covenant_pledges.nominate', deliberationManagerRoles);
export const canReadPoster = publicAccess;

/**
 * The actor's prefixes through `roles`, narrowed to one community: a scope above the community (a subdistrict)
 * becomes the community's path, a scope inside it (a grid, a building) stays as it is, other communities drop out.
 */
export function prefixesIn(actor: Actor, communityPath: string, roles: readonly Role[]): string[] {
  const out = new Set<string>();
  for (const p of scopePrefixes(actor, roles)) {
    if (p.startsWith(communityPath)) out.add(p);
    else if (communityPath.startsWith(p)) out.add(communityPath);
  }
  return [...out];
}

export const viewPrefixes = (actor: Actor, communityPath: string): string[] => prefixesIn(actor, communityPath, pledgeViewerRoles);
export const recordPrefixes = (actor: Actor, communityPath: string): string[] => prefixesIn(actor, communityPath, pledgeRecorderRoles);
export const canRecordAt = (actor: Actor, path: string): boolean => inScope(actor, path, pledgeRecorderRoles);
export const canNominateIn = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, deliberationManagerRoles);
export const readsNamesIn = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, nameReaderRoles);

/** Whether the actor holds some role in (or above) the community: who may learn that its covenant exists. */
export const belongsTo = (actor: Actor, communityPath: string): boolean => prefixesIn(actor, communityPath, deliberationViewerRoles).length > 0;

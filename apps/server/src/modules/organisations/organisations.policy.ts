import { organisationManagerRoles, organisationViewerRoles, registerViewerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes } from '../../lib/scope.js';

export { organisationManagerRoles, organisationViewerRoles };

export const canViewOrganisations = rolesPolicy('organisations.view', organisationViewerRoles);
export const canManageOrganisations = rolesPolicy('organisations.manage', organisationManagerRoles);
/** A person's page reads the resident register, so it follows the register's readers. */
export const canViewPeople = rolesPolicy('people.view', registerViewerRoles);

/**
 * Organisations, posts and the roster belong to a community as a whole: a grid worker or building leader reads
 * those of the community their grid or building lies in, a subdistrict admin those of every community below.
 */
export const viewerCommunityPrefixes = (actor: Actor): string[] => communityPrefixes(actor, organisationViewerRoles);
export const managerCommunityPrefixes = (actor: Actor): string[] => communityPrefixes(actor, organisationManagerRoles);

const covers = (prefixes: string[], communityPath: string) => prefixes.some((p) => communityPath.startsWith(p));

export const canSeeCommunity = (actor: Actor, communityPath: string): boolean => covers(viewerCommunityPrefixes(actor), communityPath);
export const canManageCommunity = (actor: Actor, communityPath: string): boolean => covers(managerCommunityPrefixes(actor), communityPath);

/** Check a write in a community: outside what the actor sees it answers 404, seen but not kept 403. */
export function assertManages(actor: Actor, communityPath: string | undefined, field?: string): void {
  if (!communityPath || !canSeeCommunity(actor, communityPath)) throw field ? new AppError('not_found', 404, { field }) : notFound();
  if (!canManageCommunity(actor, communityPath)) throw new AppError('forbidden', 403);
}

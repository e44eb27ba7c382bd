import { deliberationManagerRoles, deliberationViewerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes, inScope, scopePrefixes } from '../../lib/scope.js';

/**
 * Who may open and who may run meetings. Community staff run their community's meetings; everyone else with a
 * role in a community (residents, grid workers, org representatives, subdistrict admins above it) reads its
 * published meetings. Records outside answer 404.
 */
export const canViewMeetings = rolesPolicy('meetings.view', deliberationViewerRoles);
export const canManageMeetings = rolesPolicy('meetings.manage', deliberationManagerRoles);

/** The community (or subdistrict) prefixes whose meetings the actor reads. */
export const readPrefixes = (actor: Actor): string[] => communityPrefixes(actor, deliberationViewerRoles);
export const canReadCommunity = (actor: Actor, communityPath: string): boolean => readPrefixes(actor).some((p) => communityPath.startsWith(p));
export const canManageCommunity = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, deliberationManagerRoles);
/** Where the actor runs meetings (and so sees drafts). */
export const managePrefixes = (actor: Actor): string[] => scopePrefixes(actor, deliberationManagerRoles);

import { deliberationViewerRoles, electionManagerRoles, opennessViewerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { publicAccess, rolesPolicy } from '../../lib/policy.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';

/**
 * Who may call the election routes. The election committee's office (community staff and the subdistrict over
 * it) runs the election; tellers are staff accounts named on the election, checked by the service; every
 * signed-in account may open its own registration, file an objection and vote, the register deciding whether it
 * counts; the public reads the notice, the candidates and the tally.
 */
export const canViewElections = rolesPolicy('elections.view', opennessViewerRoles);
export const canManageElections = rolesPolicy('elections.manage', electionManagerRoles);
export const canTakePart = rolesPolicy('elections.take_part', deliberationViewerRoles);
export const canReadPublic = publicAccess;

/** Prefixes of the places the actor reads elections in. */
export const viewPrefixes = (actor: Actor): string[] => scopePrefixes(actor, opennessViewerRoles);
export const managesIn = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, electionManagerRoles);
export const viewsIn = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, opennessViewerRoles);
/** Staff roles whose accounts may be named tellers. */
export const tellerRoles = ['community_admin', 'community_staff'] as const;

import { placeManagerRoles, placeViewerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';
import { inScope, isAncestorOfScope } from '../../lib/scope.js';

export { placeManagerRoles, placeViewerRoles };

export const canViewPlaces = rolesPolicy('places.view', placeViewerRoles);
export const canManagePlaces = rolesPolicy('places.manage', placeManagerRoles);

/**
 * A place is visible inside the actor's scope. Places above it are named only in the breadcrumb of a visible
 * place and as the root of a tree request; their details (siblings, counts, history) stay hidden.
 */
export const canSeePlace = (actor: Actor, path: string): boolean => inScope(actor, path, placeViewerRoles);
export const isAboveScope = (actor: Actor, path: string): boolean => isAncestorOfScope(actor, path, placeViewerRoles);

/** Only places strictly inside the scope may change: nobody edits the node that defines their own scope. */
export const canChangePlace = (actor: Actor, path: string): boolean =>
  actor.roles.some((r) => placeManagerRoles.includes(r.role) && path.startsWith(r.placePath) && path !== r.placePath);

/** A child may be added under any place in scope, the scope place included. */
export const canAddUnder = (actor: Actor, parentPath: string): boolean => inScope(actor, parentPath, placeManagerRoles);

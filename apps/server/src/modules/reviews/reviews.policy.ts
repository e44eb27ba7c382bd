import { deliberationViewerRoles, opennessViewerRoles, reviewManagerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { publicAccess, rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes } from '../../lib/scope.js';

/**
 * Who reads and runs democratic reviews. Staff of a community (and the subdistrict, of its communities) read its
 * rounds and results and run them; anyone signed in may open the phone's form pages, where the service checks that
 * they hold a current representative post; the published results are public.
 */
export const canViewReviews = rolesPolicy('reviews.view', opennessViewerRoles);
export const canManageReviews = rolesPolicy('reviews.manage', reviewManagerRoles);
export const canRateReviews = rolesPolicy('reviews.rate', deliberationViewerRoles);
export const canReadPublishedReviews = publicAccess;

const covers = (prefixes: string[], path: string) => prefixes.some((p) => path.startsWith(p));

export const viewerPrefixes = (actor: Actor): string[] => communityPrefixes(actor, opennessViewerRoles);
export const canSeeRound = (actor: Actor, communityPath: string): boolean => covers(viewerPrefixes(actor), communityPath);
export const canManageAt = (actor: Actor, communityPath: string): boolean => covers(communityPrefixes(actor, reviewManagerRoles), communityPath);

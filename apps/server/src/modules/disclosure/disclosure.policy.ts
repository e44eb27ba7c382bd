import { disclosureEditorRoles, opennessViewerRoles, roles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { publicAccess, rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes } from '../../lib/scope.js';

/**
 * Who reads and keeps the catalogue and publications. The catalogue and every draft belong to a whole community:
 * its admins and staff keep them, the subdistrict reads its communities'. Anyone signed in to a community may
 * object to its notices and ask about its publications; what is published is public.
 */

export const canViewDisclosure = rolesPolicy('disclosure.view', opennessViewerRoles);
export const canEditDisclosure = rolesPolicy('disclosure.edit', disclosureEditorRoles);
export const canTakePart = rolesPolicy('publications.take_part', roles);
export const canReadPublished = publicAccess;

const covers = (prefixes: string[], path: string) => prefixes.some((p) => path.startsWith(p));

export const viewPrefixes = (actor: Actor): string[] => communityPrefixes(actor, opennessViewerRoles);
export const editPrefixes = (actor: Actor): string[] => communityPrefixes(actor, disclosureEditorRoles);
export const canViewAt = (actor: Actor, communityPath: string): boolean => covers(viewPrefixes(actor), communityPath);
export const canEditAt = (actor: Actor, communityPath: string): boolean => covers(editPrefixes(actor), communityPath);
/** Whether the actor holds any role in (or above) the community: who may object or ask there. */
export const belongsTo = (actor: Actor, communityPath: string): boolean => covers(communityPrefixes(actor), communityPath);

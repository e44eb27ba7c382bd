import { deliberationManagerRoles, deliberationViewerRoles, type Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { definePolicy, rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes } from '../../lib/scope.js';

/**
 * Who opens and runs covenants. A covenant belongs to a whole community: everyone signed in with a role in it
 * reads it (the subdistrict: all of its communities); community admins and staff run it. What a person may do
 * inside a phase (propose, comment, review) is decided by the phase's participant groups, not here.
 */
export const canViewCovenants = rolesPolicy('covenants.view', deliberationViewerRoles);
export const canManageCovenants = rolesPolicy('covenants.manage', deliberationManagerRoles);
/** The public portal reads published covenants without a login. */
export const canReadPublicCovenants = definePolicy('covenants.public', () => true);

/** Office holders see every author's name whole; residents and organisations see others' names masked. */
const officeRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];

const covers = (prefixes: string[], path: string) => prefixes.some((p) => path.startsWith(p));

export const canSeeAt = (actor: Actor, communityPath: string): boolean => covers(communityPrefixes(actor, deliberationViewerRoles), communityPath);
export const isOfficeAt = (actor: Actor, communityPath: string): boolean => covers(communityPrefixes(actor, officeRoles), communityPath);
export const canManageAt = (actor: Actor, communityPath: string): boolean => covers(communityPrefixes(actor, deliberationManagerRoles), communityPath);

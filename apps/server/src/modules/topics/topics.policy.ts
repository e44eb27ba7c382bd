import { deliberationManagerRoles, deliberationViewerRoles, type Role } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes } from '../../lib/scope.js';

/**
 * Who sees and runs topics. A topic belongs to a whole community, so scope is by community (a grid worker sees
 * every topic of their community, not only their grid's). Office holders see every topic; residents and
 * organisation representatives see topics once they are on the agenda, and their own proposals before that.
 */

export const canViewTopics = rolesPolicy('topics.view', deliberationViewerRoles);
export const canManageTopics = rolesPolicy('topics.manage', deliberationManagerRoles);

/** Roles that see proposed and declined topics of their communities (the subdistrict: of its communities). */
const officeRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];
const memberRoles: readonly Role[] = ['resident', 'org_representative'];

const covers = (prefixes: string[], path: string) => prefixes.some((p) => path.startsWith(p));

export const officePrefixes = (actor: Actor): string[] => communityPrefixes(actor, officeRoles);
export const memberPrefixes = (actor: Actor): string[] => communityPrefixes(actor, memberRoles);

/** Whether the actor sees everything of a community's topics (and names unmasked). */
export const isOffice = (actor: Actor, communityPath: string): boolean => covers(officePrefixes(actor), communityPath);

export function canSeeTopic(actor: Actor, t: { community_path: string; status: string; proposer_user_id: string }): boolean {
  if (isOffice(actor, t.community_path)) return true;
  if (!covers(memberPrefixes(actor), t.community_path)) return false;
  return (t.status !== 'proposed' && t.status !== 'declined') || t.proposer_user_id === actor.userId;
}

/** Community admins and staff of the topic's community run it: agenda, decisions, tasks, report-back. */
export const canManageAt = (actor: Actor, communityPath: string): boolean => covers(communityPrefixes(actor, deliberationManagerRoles), communityPath);

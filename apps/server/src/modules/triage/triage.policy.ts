import {
  requestAnalystRoles,
  requestDispatcherRoles,
  requestSettingsRoles,
  requestViewerRoles,
  type Role,
} from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';
import { communityPrefixes, scopePrefixes } from '../../lib/scope.js';

/** Everyone who reads requests also reads the taxonomy: residents pick a category, Open311 lists it. */
export const canViewCategories = rolesPolicy('triage.categories.view', requestViewerRoles);
/** Taxonomy, routing rules and the classifier belong to the community's settings. */
export const canManageTriage = rolesPolicy('triage.settings', requestSettingsRoles);
/**
 * Similar requests while typing: whoever submits or enters requests. Organisation representatives do not enter
 * requests, so they do not get a window onto the community's other requests.
 */
export const similarRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'resident'];
export const canFindSimilar = rolesPolicy('triage.similar', similarRoles);
/** The category, handler and duplicate suggestions serve the dispatch decision. */
export const canSuggest = rolesPolicy('triage.suggestions', requestDispatcherRoles);
/** Proactive suggestions and cases are read like the analysis dashboard, each within their scope. */
export const canViewProactive = rolesPolicy('triage.proactive.view', requestAnalystRoles);
/** Opening and updating a proactive case is a dispatcher's decision for the community. */
export const canManageCases = rolesPolicy('triage.proactive.manage', requestDispatcherRoles);

/** Staff roles of `similarRoles`: they see similar requests within their own scope. */
const similarStaffRoles: readonly Role[] = similarRoles.filter((r) => r !== 'resident');

/** Community (or subdistrict) path prefixes whose settings the actor keeps. */
export const settingsPrefixes = (actor: Actor): string[] => communityPrefixes(actor, requestSettingsRoles);
/** Community prefixes whose taxonomy the actor reads (a grid worker reads their whole community's taxonomy). */
export const categoryViewerPrefixes = (actor: Actor): string[] => communityPrefixes(actor, requestViewerRoles);
/** Where the actor may look for similar requests as staff (their scope; empty for residents). */
export const similarStaffPrefixes = (actor: Actor): string[] => scopePrefixes(actor, similarStaffRoles);
/** The communities a resident belongs to through their resident role(s). */
export const residentCommunityIds = (actor: Actor): string[] => [
  ...new Set(actor.roles.filter((r) => r.role === 'resident' && r.communityId).map((r) => r.communityId!)),
];
/** Requests a dispatcher may see suggestions for: their community's. */
export const dispatcherPrefixes = (actor: Actor): string[] => scopePrefixes(actor, requestDispatcherRoles);
/** Requests (and cases) an analyst reads: their scope. */
export const analystPrefixes = (actor: Actor): string[] => scopePrefixes(actor, requestAnalystRoles);

/** Whether `path` lies under one of `prefixes`. */
export const covers = (prefixes: string[], path: string): boolean => prefixes.some((p) => path.startsWith(p));

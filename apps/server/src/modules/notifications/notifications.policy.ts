import { requestSettingsRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { anyUser, rolesPolicy } from '../../lib/policy.js';

/** Everyone signed in has an inbox and a mail preference of their own. */
export const canUseInbox = anyUser;
/** Community endpoints (robots, webhooks, mail) are request settings: admins and staff of the community. */
export const canManageEndpoints = rolesPolicy('notifications.endpoints', requestSettingsRoles);

/** The communities whose request settings (endpoints, Open311 keys) the actor keeps. */
export function settingsCommunities(actor: Actor): Set<string> {
  return new Set(actor.roles.filter((r) => requestSettingsRoles.includes(r.role) && r.communityId).map((r) => r.communityId!));
}

/** Whether the actor keeps the settings of this community; otherwise its records answer 404. */
export const keepsSettingsOf = (actor: Actor, communityId: string): boolean => settingsCommunities(actor).has(communityId);

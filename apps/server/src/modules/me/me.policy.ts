import { onBehalfRoles } from '@gongzhi/shared';
import { anyUser, rolesPolicy } from '../../lib/policy.js';

export const canReadMe = anyUser;
export const canUpdatePreferences = anyUser;
/** Staff who serve residents face to face may act on their behalf (for example, enter a request for them). */
export const canActOnBehalf = rolesPolicy('me.act_on_behalf', onBehalfRoles);

import { anyUser, publicAccess } from '../../lib/policy.js';

/** Anyone may try to log in or claim an account; the service decides. */
export const canLogin = publicAccess;
export const canClaim = publicAccess;
export const canLogout = anyUser;
export const canChangePassword = anyUser;

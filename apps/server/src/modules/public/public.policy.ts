import { publicAccess } from '../../lib/policy.js';

/** The public portal needs no login. */
export const canReadPublic = publicAccess;

import { roles, type Role } from '@gongzhi/shared';
import { anyUser, rolesPolicy } from '../../lib/policy.js';

/** Everyone who writes requests, notes or replies uploads photos; a subdistrict admin only reads. */
export const photoUploaderRoles: readonly Role[] = roles.filter((r) => r !== 'subdistrict_admin');
export const canUploadPhotos = rolesPolicy('files.upload', photoUploaderRoles);
/** Any account; the file's owner decides (404 for anyone who may not see it). */
export const canDownloadFiles = anyUser;

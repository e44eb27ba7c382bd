import type { RoleOrPublic } from '@gongzhi/shared';

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const organisationsAuthz: Record<string, RoleOrPublic[]> = {};

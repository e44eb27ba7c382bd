import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const signedIn: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const editors: RoleOrPublic[] = ['community_admin', 'community_staff'];
const everyone: RoleOrPublic[] = ['public', ...signedIn];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const feeBoardsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/fee-boards/estates': viewers,
  'GET /api/v1/fee-boards': viewers,
  'GET /api/v1/fee-boards/:id': viewers,
  'PUT /api/v1/fee-boards/drafts': editors,
  'POST /api/v1/fee-boards/:id/publish': editors,
  'DELETE /api/v1/fee-boards/:id': editors,
  'GET /api/v1/fee-boards/template.xlsx': editors,
  'POST /api/v1/fee-boards/import': editors,
  'GET /api/v1/public/communities/:communityId/fee-boards': everyone,
  'GET /api/v1/public/fee-boards/:id': everyone,
  'GET /api/v1/public/fee-boards/:id/poster.pdf': everyone,
};

import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const signedIn: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const recorders: RoleOrPublic[] = ['community_admin', 'community_staff', 'grid_worker', 'building_leader'];
const viewers: RoleOrPublic[] = ['subdistrict_admin', ...recorders];
const office: RoleOrPublic[] = ['community_admin', 'community_staff'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const covenantPledgesAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/covenants/:id/pledges/mine': signedIn,
  'POST /api/v1/covenants/:id/pledges/mine': signedIn,
  'POST /api/v1/covenants/:id/pledges': recorders,
  'POST /api/v1/covenants/:id/pledges/:pledgeId/revoke': recorders,
  'GET /api/v1/covenants/:id/pledges': viewers,
  'GET /api/v1/covenants/:id/pledge-households': recorders,
  'GET /api/v1/covenants/:id/coverage': viewers,
  'GET /api/v1/covenants/:id/coverage/unreached': viewers,
  'GET /api/v1/covenants/:id/nominations': viewers,
  'POST /api/v1/covenants/:id/nominations': office,
  'GET /api/v1/public/covenants/:id/poster.pdf': ['public', ...signedIn],
};

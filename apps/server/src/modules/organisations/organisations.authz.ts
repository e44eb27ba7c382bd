import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative'];
const managers: RoleOrPublic[] = ['community_admin', 'community_staff'];
/** A person's page reads the resident register: its readers, not organisation representatives. */
const registerReaders: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const organisationsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/organisations': viewers,
  'POST /api/v1/organisations': managers,
  'GET /api/v1/organisations/:id': viewers,
  'PATCH /api/v1/organisations/:id': managers,
  'POST /api/v1/organisations/:id/retire': managers,
  'GET /api/v1/memberships': viewers,
  'POST /api/v1/memberships': managers,
  'POST /api/v1/memberships/:id/end': managers,
  'GET /api/v1/party-members': viewers,
  'POST /api/v1/party-members': managers,
  'GET /api/v1/party-members/:id': viewers,
  'PATCH /api/v1/party-members/:id': managers,
  'GET /api/v1/people/:residentId/roles': registerReaders,
};

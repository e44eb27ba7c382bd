import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const everyone: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const settings: RoleOrPublic[] = ['community_admin', 'community_staff'];
const typing: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'resident'];
const dispatchers: RoleOrPublic[] = ['community_admin', 'community_staff'];
const analysts: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const triageAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/request-categories': everyone,
  'POST /api/v1/request-categories': settings,
  'PATCH /api/v1/request-categories/:id': settings,
  'POST /api/v1/request-categories/:id/retire': settings,
  'GET /api/v1/routing-rules': settings,
  'POST /api/v1/routing-rules': settings,
  'DELETE /api/v1/routing-rules/:id': settings,
  'POST /api/v1/classifier/retrain': settings,
  'GET /api/v1/classifier/jobs': settings,
  'GET /api/v1/classifier/jobs/:id': settings,
  'GET /api/v1/classifier/models': settings,
  'POST /api/v1/classifier/models/:id/activate': settings,
  'GET /api/v1/requests/similar': typing,
  'GET /api/v1/requests/:id/suggestions': dispatchers,
  'GET /api/v1/proactive-suggestions': analysts,
  'GET /api/v1/proactive-cases': analysts,
  'POST /api/v1/proactive-cases': dispatchers,
  'PATCH /api/v1/proactive-cases/:id': dispatchers,
};

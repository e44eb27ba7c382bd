import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const managers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const signedIn: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const everyone: RoleOrPublic[] = ['public', ...signedIn];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const reviewsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/reviews': viewers,
  'POST /api/v1/reviews': managers,
  'GET /api/v1/reviews/:id': viewers,
  'PUT /api/v1/reviews/:id': managers,
  'POST /api/v1/reviews/:id/open': managers,
  'POST /api/v1/reviews/:id/close': managers,
  'POST /api/v1/reviews/:id/publish': managers,
  'GET /api/v1/reviews/:id/results': viewers,
  'GET /api/v1/reviews/:id/representatives': managers,
  'POST /api/v1/reviews/:id/paper-forms': managers,
  'GET /api/v1/my-reviews': signedIn,
  'GET /api/v1/my-reviews/:id': signedIn,
  'POST /api/v1/my-reviews/:id/form': signedIn,
  'GET /api/v1/public/communities/:id/reviews': everyone,
  'GET /api/v1/public/reviews/:id': everyone,
};

import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const signedIn: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const editors: RoleOrPublic[] = ['community_admin', 'community_staff'];
const everyone: RoleOrPublic[] = ['public', ...signedIn];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const disclosureAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/disclosure/items': viewers,
  'POST /api/v1/disclosure/items': editors,
  'PATCH /api/v1/disclosure/items/:id': editors,
  'POST /api/v1/disclosure/items/:id/retire': editors,
  'POST /api/v1/disclosure/items/:id/restore': editors,
  'POST /api/v1/disclosure/defaults': editors,
  'GET /api/v1/disclosure/overdue': viewers,
  'GET /api/v1/disclosure/owners': viewers,
  'GET /api/v1/publications': viewers,
  'POST /api/v1/publications': editors,
  'GET /api/v1/publications/:id': viewers,
  'PATCH /api/v1/publications/:id': editors,
  'POST /api/v1/publications/:id/submit': editors,
  'POST /api/v1/publications/:id/return': editors,
  'POST /api/v1/publications/:id/approve': editors,
  'POST /api/v1/publications/:id/publish': editors,
  'POST /api/v1/publications/:id/archive': editors,
  'POST /api/v1/publications/:id/close-notice': editors,
  'POST /api/v1/publications/:id/comments/:commentId/answer': editors,
  'POST /api/v1/publications/:id/objections': signedIn,
  'POST /api/v1/publications/:id/questions': signedIn,
  'GET /api/v1/public/communities/:communityId/publications': everyone,
  'GET /api/v1/public/communities/:communityId/disclosure-catalogue': everyone,
  'GET /api/v1/public/publications/:id': everyone,
  'GET /api/v1/public/publications/:id/poster.pdf': everyone,
  'GET /api/v1/publications/feed': signedIn,
};

import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const readers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];
const writers: RoleOrPublic[] = ['community_admin', 'community_staff', 'grid_worker', 'building_leader'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const visitsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/visit-plans': readers,
  'POST /api/v1/visit-plans': writers,
  'GET /api/v1/visit-plans/:id': readers,
  'PATCH /api/v1/visit-plans/:id': writers,
  'POST /api/v1/visit-plans/:id/cancel': writers,
  'GET /api/v1/visit-assignees': writers,
  'GET /api/v1/visits': readers,
  'POST /api/v1/visits': writers,
  'GET /api/v1/visits/:id': readers,
  'PATCH /api/v1/visits/:id': writers,
  'POST /api/v1/visits/:id/items/:itemId/request': writers,
  'GET /api/v1/consultation-meetings': readers,
  'POST /api/v1/consultation-meetings': writers,
  'GET /api/v1/consultation-meetings/:id': readers,
  'PATCH /api/v1/consultation-meetings/:id': writers,
  'POST /api/v1/consultation-meetings/:id/opinions': writers,
  'POST /api/v1/consultation-meetings/:id/opinions/:opinionId/request': writers,
  'GET /api/v1/visit-coverage': readers,
  'GET /api/v1/visit-coverage/unvisited': readers,
};

import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const managers: RoleOrPublic[] = ['community_admin', 'community_staff'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const topicsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/topics': viewers,
  'POST /api/v1/topics': viewers,
  'GET /api/v1/topics/:id': viewers,
  'POST /api/v1/topics/:id/agenda': managers,
  'POST /api/v1/topics/:id/decline': managers,
  'POST /api/v1/topics/:id/close-consultation': managers,
  'PUT /api/v1/topics/:id/permissions': managers,
  'POST /api/v1/topics/:id/decision': managers,
  'POST /api/v1/topics/:id/tasks': managers,
  'POST /api/v1/topics/:id/tasks/:taskId/done': viewers,
  'POST /api/v1/topics/:id/report-back': managers,
  'POST /api/v1/topics/:id/close': managers,
  'GET /api/v1/topics/:id/comments': viewers,
  'POST /api/v1/topics/:id/comments': viewers,
  'POST /api/v1/topics/:id/comments/:commentId/answer': managers,
};

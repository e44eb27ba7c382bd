import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const managers: RoleOrPublic[] = ['community_admin', 'community_staff'];
const everyone: RoleOrPublic[] = ['public', ...viewers];

/** Who may call each route of the covenant core at all; merged into the authorisation matrix. */
export const covenantAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/covenants': viewers,
  'POST /api/v1/covenants': managers,
  'GET /api/v1/covenants/:id': viewers,
  'PATCH /api/v1/covenants/:id': managers,
  'PUT /api/v1/covenants/:id/phases/:phase': managers,
  'POST /api/v1/covenants/:id/advance': managers,
  'POST /api/v1/covenants/:id/versions': managers,
  'GET /api/v1/covenants/:id/versions/:versionId': viewers,
  'GET /api/v1/covenants/:id/diff': viewers,
  // Review and filing are open by route to everyone signed in: the phase's `review` groups decide (403 not_open_to_you).
  'POST /api/v1/covenants/:id/reviews': viewers,
  'POST /api/v1/covenants/:id/filing': viewers,
  'POST /api/v1/covenants/:id/publish': managers,
  'GET /api/v1/covenants/:id/opinions': viewers,
  'POST /api/v1/covenants/:id/opinions': viewers,
  'POST /api/v1/covenants/:id/opinions/:opinionId/handling': managers,
  'GET /api/v1/covenants/:id/comments': viewers,
  'POST /api/v1/covenants/:id/comments': viewers,
  'POST /api/v1/covenants/:id/comments/:commentId/handling': managers,
  'PUT /api/v1/covenants/:id/articles/:articleId/stance': viewers,
  'GET /api/v1/covenants/:id/questions': viewers,
  'POST /api/v1/covenants/:id/questions': managers,
  'PUT /api/v1/covenants/:id/questions/:questionId/answer': viewers,
  'GET /api/v1/public/covenants/:id': everyone,
  'GET /api/v1/public/communities/:communityId/covenants': everyone,
};

import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const everyone: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const managers: RoleOrPublic[] = ['community_admin', 'community_staff'];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const meetingsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/deliberation-meetings': everyone,
  'POST /api/v1/deliberation-meetings': managers,
  'GET /api/v1/deliberation-meetings/:id': everyone,
  'PATCH /api/v1/deliberation-meetings/:id': managers,
  'POST /api/v1/deliberation-meetings/:id/notify': managers,
  'POST /api/v1/deliberation-meetings/:id/open': managers,
  'POST /api/v1/deliberation-meetings/:id/close': managers,
  'PUT /api/v1/deliberation-meetings/:id/minutes': managers,
  'GET /api/v1/deliberation-meetings/:id/minutes.pdf': managers,
  'GET /api/v1/meeting-rules': managers,
  'PUT /api/v1/meeting-rules/:kind': managers,
  'GET /api/v1/deliberation-meetings/:id/invitees': managers,
  'POST /api/v1/deliberation-meetings/:id/invitees': managers,
  'DELETE /api/v1/deliberation-meetings/:id/invitees/:inviteeId': managers,
  'POST /api/v1/deliberation-meetings/:id/invitees/:inviteeId/sign-in': managers,
  'POST /api/v1/deliberation-meetings/:id/invitees/:inviteeId/sign-out': managers,
  'GET /api/v1/deliberation-meetings/:id/sign-in-qr': managers,
  'POST /api/v1/deliberation-meetings/:id/sign-in': everyone,
  'GET /api/v1/deliberation-meetings/:id/my-invitation': everyone,
  'GET /api/v1/my-meetings': everyone,
  'POST /api/v1/deliberation-meetings/:id/speeches': managers,
  'POST /api/v1/deliberation-meetings/:id/speeches/:speechId/start': managers,
  'POST /api/v1/deliberation-meetings/:id/speeches/:speechId/stop': managers,
  'POST /api/v1/deliberation-meetings/:id/speeches/:speechId/withdraw': managers,
  'POST /api/v1/deliberation-meetings/:id/motions': managers,
  'POST /api/v1/deliberation-meetings/:id/motions/:motionId/votes': managers,
  'POST /api/v1/deliberation-meetings/:id/motions/:motionId/close': managers,
};

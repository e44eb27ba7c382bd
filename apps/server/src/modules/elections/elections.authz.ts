import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const signedIn: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const office: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const everyone: RoleOrPublic[] = ['public', ...signedIn];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const electionsAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/elections': office,
  'GET /api/v1/elections/tellers': office,
  'POST /api/v1/elections': office,
  'GET /api/v1/elections/:id': office,
  'POST /api/v1/elections/:id/phase': office,
  'GET /api/v1/elections/:id/voters': office,
  'POST /api/v1/elections/:id/voters/build': office,
  'POST /api/v1/elections/:id/voters': office,
  'POST /api/v1/elections/:id/voters/:voterId/remove': office,
  'POST /api/v1/elections/:id/representative': office,
  'GET /api/v1/elections/:id/objections': office,
  'POST /api/v1/elections/:id/objections/:objectionId/answer': office,
  'GET /api/v1/elections/:id/candidates': office,
  'POST /api/v1/elections/:id/candidates': office,
  'GET /api/v1/elections/:id/proxies': office,
  'POST /api/v1/elections/:id/proxies': office,
  'POST /api/v1/elections/:id/roll': office,
  'GET /api/v1/elections/:id/batches': office,
  'POST /api/v1/elections/:id/batches': office,
  'POST /api/v1/elections/:id/batches/:batchId/ballots': office,
  'GET /api/v1/elections/:id/ballots': office,
  'GET /api/v1/elections/:id/tally': office,
  'POST /api/v1/elections/:id/publish': office,
  'POST /api/v1/elections/:id/terms': office,
  'GET /api/v1/my/elections': signedIn,
  'GET /api/v1/my/elections/:id': signedIn,
  'POST /api/v1/my/elections/:id/ballot': signedIn,
  'POST /api/v1/my/elections/:id/objections': signedIn,
  'GET /api/v1/public/communities/:id/elections': everyone,
  'GET /api/v1/public/elections/:id': everyone,
  'GET /api/v1/public/elections/:id/voter-list': everyone,
};

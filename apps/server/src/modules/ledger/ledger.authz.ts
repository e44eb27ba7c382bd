import type { RoleOrPublic } from '@gongzhi/shared';

// Written out rather than derived from the role lists the policies use, so a change to either shows here.
const signedIn: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'];
const viewers: RoleOrPublic[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
const keepers: RoleOrPublic[] = ['community_admin', 'community_staff'];
const everyone: RoleOrPublic[] = ['public', ...signedIn];

/** Who may call each route of this module at all; merged into the authorisation matrix. */
export const ledgerAuthz: Record<string, RoleOrPublic[]> = {
  'GET /api/v1/communities/:id/ledger/accounts': viewers,
  'POST /api/v1/communities/:id/ledger/accounts': keepers,
  'POST /api/v1/communities/:id/ledger/accounts/default': keepers,
  'POST /api/v1/ledger/accounts/:id/retire': keepers,
  'GET /api/v1/communities/:id/ledger/entries': viewers,
  'POST /api/v1/communities/:id/ledger/verify': viewers,
  'POST /api/v1/communities/:id/ledger/entries': keepers,
  'GET /api/v1/ledger/entries/:id': viewers,
  'POST /api/v1/ledger/entries/:id/approve': keepers,
  'POST /api/v1/ledger/entries/:id/reject': keepers,
  'POST /api/v1/ledger/entries/:id/reverse': keepers,
  'POST /api/v1/ledger/receipts': keepers,
  'GET /api/v1/public/communities/:id/ledger': everyone,
  'GET /api/v1/public/communities/:id/ledger/entries': everyone,
  'GET /api/v1/public/communities/:id/ledger/export.json': everyone,
  'GET /api/v1/public/communities/:id/ledger/export.xlsx': everyone,
  'GET /api/v1/public/ledger/receipts/:id': everyone,
};

import { ledgerKeeperRoles, opennessViewerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { publicAccess, rolesPolicy } from '../../lib/policy.js';
import { inScope } from '../../lib/scope.js';

/**
 * Who may call the ledger routes, and in which communities. Keepers (community office) post and approve; the
 * subdistrict and the office read the console, pending entries included; the public reads posted entries only.
 * That an expense is approved by a keeper other than its author is the service's rule, not a role.
 */
export const canViewLedger = rolesPolicy('ledger.view', opennessViewerRoles);
export const canKeepLedger = rolesPolicy('ledger.keep', ledgerKeeperRoles);
export const canReadPublicLedger = publicAccess;

export const viewsLedgerOf = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, opennessViewerRoles);
export const keepsLedgerOf = (actor: Actor, communityPath: string): boolean => inScope(actor, communityPath, ledgerKeeperRoles);

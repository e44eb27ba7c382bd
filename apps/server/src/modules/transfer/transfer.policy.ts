import { dataOfficerRoles, revealRoles, staffRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { rolesPolicy } from '../../lib/policy.js';
import { inScope } from '../../lib/scope.js';

/** Templates hold no data: any staff member may download one. */
export const canDownloadTemplates = rolesPolicy('transfer.templates', staffRoles);
/** Imports and exports move whole registers: data officers only, each in the communities they hold. */
export const canTransfer = rolesPolicy('transfer.data', dataOfficerRoles);

/** Whether the actor may import into or export from the community at `path` (no actor: the command line). */
export const mayTransferIn = (actor: Actor | null, path: string): boolean => actor === null || inScope(actor, path, dataOfficerRoles);

/** An unmasked export shows ID numbers and phones: only for roles that may reveal both, in that community. */
export const mayRevealIn = (actor: Actor | null, path: string): boolean =>
  actor === null || (inScope(actor, path, revealRoles.idNumber) && inScope(actor, path, revealRoles.phone));

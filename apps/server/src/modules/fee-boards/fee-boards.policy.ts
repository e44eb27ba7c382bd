import { feeBoardEditorRoles, opennessViewerRoles } from '@gongzhi/shared';
import type { Actor } from '../../lib/actor.js';
import { publicAccess, rolesPolicy } from '../../lib/policy.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';

/**
 * Who may call the fee-board routes. The community's office enters, imports, publishes and corrects boards;
 * the subdistrict reads them (drafts included) in the console; the public reads published boards and posters.
 */
export const canViewFeeBoards = rolesPolicy('fee_boards.view', opennessViewerRoles);
export const canEditFeeBoards = rolesPolicy('fee_boards.edit', feeBoardEditorRoles);
export const canReadPublicFeeBoards = publicAccess;

export const viewPrefixes = (actor: Actor): string[] => scopePrefixes(actor, opennessViewerRoles);
export const editPrefixes = (actor: Actor): string[] => scopePrefixes(actor, feeBoardEditorRoles);
export const canViewAt = (actor: Actor, path: string): boolean => inScope(actor, path, opennessViewerRoles);
export const canEditAt = (actor: Actor, path: string): boolean => inScope(actor, path, feeBoardEditorRoles);

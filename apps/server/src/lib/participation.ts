import { permits, type ParticipantGroup, type PhasePermissions, type ProcessAction } from '@gongzhi/shared';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { AppError } from './app-error.js';

/**
 * Who the actor is in a community's deliberation: the participant groups, worked out from roles, the resident
 * register (an account linked to a living resident), the household (householder) and posts (居民代表).
 * Deliberation modules (topics, meetings, covenant) ask this, never the roles directly, so "who may comment in
 * this phase" is one rule everywhere.
 */
export interface Participant {
  groups: ReadonlySet<ParticipantGroup>;
  /** The actor's own resident record in the community, when verified. */
  residentId: string | null;
  residentName: string | null;
  householdId: string | null;
  /** The organisation an org representative speaks for (its first in the community). */
  organisationId: string | null;
}

export interface CommunityRef {
  id: string;
  /** The community's materialised path. */
  path: string;
}

const staffRoles = new Set(['community_admin', 'community_staff', 'grid_worker']);

export async function participantOf(db: Db, actor: Actor, community: CommunityRef): Promise<Participant> {
  const groups = new Set<ParticipantGroup>();
  const none: Participant = { groups, residentId: null, residentName: null, householdId: null, organisationId: null };
  if (!actor.userId) return none;
  for (const r of actor.roles) {
    if (r.role === 'subdistrict_admin' && community.path.startsWith(r.placePath)) groups.add('subdistrict');
    if (staffRoles.has(r.role) && r.communityId === community.id) groups.add('staff');
    if (r.role === 'org_representative' && r.communityId === community.id) groups.add('organisation');
  }
  const resident = await db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.household_id', 'h.householder_id', 'h.status as household_status'])
    .where('r.user_id', '=', actor.userId)
    .where('r.community_id', '=', community.id)
    .where('r.status', '=', 'living')
    .executeTakeFirst();
  if (resident) {
    groups.add('verified_resident');
    if (resident.householder_id === resident.id && resident.household_status === 'active') groups.add('household_representative');
  }
  const post = await db
    .selectFrom('memberships')
    .select('id')
    .where('community_id', '=', community.id)
    .where('role', '=', 'representative')
    .where('ended_at', 'is', null)
    .where((eb) => (resident ? eb.or([eb('resident_id', '=', resident.id), eb('user_id', '=', actor.userId)]) : eb('user_id', '=', actor.userId)))
    .executeTakeFirst();
  if (post) groups.add('representative');
  let organisationId: string | null = null;
  if (groups.has('organisation')) {
    const m = await db
      .selectFrom('memberships')
      .select('organisation_id')
      .where('community_id', '=', community.id)
      .where('user_id', '=', actor.userId)
      .where('organisation_id', 'is not', null)
      .where('ended_at', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
    organisationId = m?.organisation_id ?? null;
  }
  return {
    groups,
    residentId: resident?.id ?? null,
    residentName: resident?.name ?? null,
    householdId: resident?.household_id ?? null,
    organisationId,
  };
}

/** The actions the participant may take under a phase's permissions, for a page's `can`. */
export function allowedActions(permissions: PhasePermissions, p: Participant): ProcessAction[] {
  return (Object.keys(permissions) as ProcessAction[]).filter((a) => permits(permissions, a, p.groups));
}

/** Throws 403 `not_open_to_you` unless the participant may do `action` in this phase. */
export function requirePermitted(permissions: PhasePermissions, action: ProcessAction, p: Participant): void {
  if (!permits(permissions, action, p.groups)) throw new AppError('not_open_to_you', 403, { action, groups: [...p.groups] });
}

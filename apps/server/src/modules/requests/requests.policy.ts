import {
  onBehalfRoles,
  requestDispatcherRoles,
  requestHandlerRoles,
  requestIntakeRoles,
  requestSettingsRoles,
  requestViewerRoles,
  revealRoles,
  staffRoles,
  type Role,
} from '@gongzhi/shared';
import { hasAnyRole, type Actor } from '../../lib/actor.js';
import { definePolicy, rolesPolicy } from '../../lib/policy.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';
import type { Relations } from './state-machine.js';

/** Who may call the request routes at all (route policies), and who sees which request (scope), written once. */

export const canReadRequests = rolesPolicy('requests.view', requestViewerRoles);
/** Residents submit their own; staff enter for residents. */
export const canSubmitRequests = rolesPolicy('requests.submit', [...requestIntakeRoles, 'resident']);
export const canDispatchRequests = rolesPolicy('requests.dispatch', requestDispatcherRoles);
export const canHandleRequests = rolesPolicy('requests.handle', requestHandlerRoles);
export const canSelfResolve = rolesPolicy('requests.self_resolve', ['community_admin', 'community_staff', 'grid_worker']);
/** Rating, objecting and withdrawing are the resident's, or staff acting on their behalf. */
export const canActAsResident = definePolicy('requests.resident', (a) => hasAnyRole(a, ['resident']) || (a.onBehalfOf !== null && hasAnyRole(a, onBehalfRoles)));
export const canRevealRequestPhone = rolesPolicy('requests.reveal_phone', revealRoles.phone);
export const canWorkCallbacks = rolesPolicy('requests.callbacks', requestIntakeRoles);
export const canReadRequestSettings = rolesPolicy('requests.settings.view', [...new Set([...requestSettingsRoles, ...requestHandlerRoles])]);
export const canEditRequestSettings = rolesPolicy('requests.settings.edit', requestSettingsRoles);
export const canPickRequestPlace = rolesPolicy('requests.place_options', ['resident']);

/** Roles whose scope is a place subtree (a building leader reads only). */
const placeScopedRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];

/**
 * What an actor may see, as data the repository turns into one SQL condition (`requestScopeWhere`):
 * the place subtrees of their roles; requests assigned to them (a grid worker may be sent outside their grid);
 * requests ever assigned to an organisation they represent; and, for a resident, their own requests.
 */
export interface RequestScope {
  paths: string[];
  assignedUserId: string | null;
  orgRepUserId: string | null;
  residentUserIds: string[];
}

export function requestScopeOf(actor: Actor): RequestScope {
  const residentUserIds: string[] = [];
  if (actor.userId && hasAnyRole(actor, ['resident'])) residentUserIds.push(actor.userId);
  if (actor.onBehalfOf) residentUserIds.push(actor.onBehalfOf.id);
  return {
    paths: scopePrefixes(actor, placeScopedRoles),
    // Community staff are only ever assigned inside their community, which their paths already cover.
    assignedUserId: hasAnyRole(actor, ['grid_worker']) ? actor.userId : null,
    orgRepUserId: hasAnyRole(actor, ['org_representative']) ? actor.userId : null,
    residentUserIds,
  };
}

/** An assignment as the relations need it. */
export interface AssignmentFacts {
  assignee_kind: string;
  user_id: string | null;
  organisation_id: string | null;
  is_lead: number;
  status: string;
}

/** The request's side of the relations. */
export interface RequestSide {
  place_path: string;
  submitted_by: string | null;
  resident_id: string | null;
}

/** The viewer's side: the organisations they represent and the register records linked to them (or their principal). */
export interface ViewerSide {
  orgIds: ReadonlySet<string>;
  linkedResidentIds: ReadonlySet<string>;
}

const mine = (a: AssignmentFacts, actor: Actor, v: ViewerSide) =>
  (a.assignee_kind === 'user' && a.user_id !== null && a.user_id === actor.userId) ||
  (a.assignee_kind === 'organisation' && a.organisation_id !== null && v.orgIds.has(a.organisation_id));

/** How the actor stands to one request: the input of the state machine. */
export function relationsOf(actor: Actor, r: RequestSide, assignments: AssignmentFacts[], v: ViewerSide): Relations {
  const active = assignments.filter((a) => a.status === 'active' && mine(a, actor, v));
  const residentUsers = new Set([actor.userId, actor.onBehalfOf?.id].filter((x): x is string => !!x));
  const asResident = hasAnyRole(actor, ['resident']) || actor.onBehalfOf !== null;
  return {
    dispatcher: inScope(actor, r.place_path, requestDispatcherRoles),
    gridWorker: inScope(actor, r.place_path, ['grid_worker']),
    assignee: active.length > 0 && hasAnyRole(actor, requestHandlerRoles),
    lead: active.some((a) => a.is_lead === 1) && hasAnyRole(actor, requestHandlerRoles),
    resident:
      asResident &&
      ((r.submitted_by !== null && residentUsers.has(r.submitted_by)) || (r.resident_id !== null && v.linkedResidentIds.has(r.resident_id))),
    revealer: inScope(actor, r.place_path, revealRoles.phone),
  };
}

/**
 * What the viewer is shown. `staff` (staff over the place, or an assigned grid worker) sees everything;
 * `handler` (an assigned organisation's representative) the working detail but not anonymous names or phones;
 * `leader` (a building leader) the public timeline without anonymous names; `resident` their own request's
 * public timeline, without assignment internals.
 */
export type ViewerKind = 'staff' | 'handler' | 'leader' | 'resident';

export function viewerKindOf(actor: Actor, r: RequestSide, assignments: AssignmentFacts[], v: ViewerSide): ViewerKind {
  if (inScope(actor, r.place_path, staffRoles)) return 'staff';
  const ever = assignments.filter((a) => mine(a, actor, v));
  if (ever.some((a) => a.assignee_kind === 'user')) return 'staff';
  if (ever.length > 0) return 'handler';
  if (inScope(actor, r.place_path, ['building_leader'])) return 'leader';
  return 'resident';
}

/** Whether the viewer sees a submitter's name on an anonymous request: staff only. */
export const seesAnonymousNames = (kind: ViewerKind): boolean => kind === 'staff';

import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { relationsOf, requestScopeOf, viewerKindOf, type ViewerKind, type ViewerSide } from './requests.policy.js';
import * as repo from './requests.repository.js';
import type { Relations } from './state-machine.js';

/** Finding a request the actor may see (404 otherwise) and how they stand to it. */

/** A request in the actor's scope, with its names; missing and out-of-scope ones answer 404 alike. */
export async function visibleRequest(db: Db, actor: Actor, id: string): Promise<repo.RequestViewRow> {
  const r = await repo.findVisibleRequest(db, id, requestScopeOf(actor));
  if (!r) throw notFound();
  return r;
}

/** The viewer's organisations and linked register records (their principal's too while acting on behalf). */
export async function viewerSideOf(db: Db, actor: Actor): Promise<ViewerSide> {
  const users = [actor.userId, actor.onBehalfOf?.id].filter((u): u is string => !!u);
  const [orgIds, linkedResidentIds] = await Promise.all([repo.representedOrgIds(db, actor.userId), repo.linkedResidentIds(db, users)]);
  return { orgIds, linkedResidentIds };
}

export interface Standing {
  assignments: repo.AssignmentRow[];
  side: ViewerSide;
  relations: Relations;
  kind: ViewerKind;
}

/** How the actor stands to a request they can see: the input of the state machine and of the presenter. */
export async function standingOf(db: Db, actor: Actor, r: repo.RequestViewRow): Promise<Standing> {
  const [assignments, side] = await Promise.all([repo.assignmentsOf(db, r.id), viewerSideOf(db, actor)]);
  return { assignments, side, relations: relationsOf(actor, r, assignments, side), kind: viewerKindOf(actor, r, assignments, side) };
}

/**
 * Whether the actor may see a file attached to a request or to one of its steps: they must see the request,
 * and a staff-only step's photos are not shown to residents or building leaders.
 */
export async function requestFileVisible(deps: AppDeps, actor: Actor, ownerKind: 'request' | 'request_step', ownerId: string): Promise<boolean> {
  const step = ownerKind === 'request_step' ? await repo.findStep(deps.db, ownerId) : null;
  if (ownerKind === 'request_step' && !step) return false;
  const r = await repo.findVisibleRequest(deps.db, step ? step.request_id : ownerId, requestScopeOf(actor));
  if (!r) return false;
  if (!step || step.public === 1) return true;
  const { kind } = await standingOf(deps.db, actor, r);
  return kind === 'staff' || kind === 'handler';
}

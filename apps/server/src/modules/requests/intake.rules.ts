import { requestIntakeRoles, type CreateRequestBody, type RequestChannel } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { hasAnyRole, type Actor } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import { inScope } from '../../lib/scope.js';
import * as repo from './intake.repository.js';

/**
 * Who a new request is from and where it is, before anything is written. Residents submit their own (channel
 * app, their community, their linked register record); staff enter for a resident (a channel, a resident from
 * the register or a contact name, a place in their scope); Open311 clients for their jurisdiction.
 */

/** Where a request was created from, besides the API: a visit item, a meeting opinion, an Open311 client. */
export interface IntakeSource {
  kind: 'visit_item' | 'meeting_opinion' | 'open311';
  id?: string;
  clientId?: string;
}

export interface IntakeParty {
  mode: 'resident' | 'staff' | 'open311';
  channel: RequestChannel;
  communityId: string;
  placeId: string | null;
  placePath: string;
  gridId: string | null;
  householdId: string | null;
  residentId: string | null;
  /** The account that should hear about the request: the submitter, or the linked resident's account. */
  residentUserId: string | null;
  submittedBy: string | null;
  enteredBy: string | null;
  contactName: string | null;
  categorySource: 'staff' | 'resident' | 'open311';
}

const fieldError = (field: string, message: string) => badRequest('validation_failed', [{ field: `body.${field}`, code: 'custom', message }]);
const placeInvalid = () => badRequest('request_place_invalid', { field: 'placeId' });

/** `/sd/community/grid/…/`: the grid is the third segment, when the path goes that deep. */
export function gridOfPath(path: string): string | null {
  return path.split('/').filter(Boolean)[2] ?? null;
}

/** The place id a path ends at, or null for a community (or higher) path. */
function placeIdOfPath(path: string): string | null {
  const segs = path.split('/').filter(Boolean);
  return segs.length > 2 ? segs[segs.length - 1]! : null;
}

const usablePlace = async (db: Db, id: string) => {
  const p = await repo.placeForIntake(db, id);
  if (!p || p.retired_at || !p.community_id) throw placeInvalid();
  return p;
};

/** Whether the actor enters this request for someone else (staff), rather than submitting their own. */
export function isStaffEntry(actor: Actor, body: CreateRequestBody, source?: IntakeSource): boolean {
  if (source && source.kind !== 'open311') return true;
  if (actor.onBehalfOf) return true;
  if (!hasAnyRole(actor, requestIntakeRoles)) return false;
  return body.channel !== undefined || !hasAnyRole(actor, ['resident']);
}

/** Resolve the parties and the place of a new request, or refuse with a 4xx naming the field. */
export async function resolveParty(db: Db, actor: Actor, body: CreateRequestBody, source?: IntakeSource): Promise<IntakeParty> {
  if (source?.kind === 'open311') return open311Party(db, body, source);
  if (isStaffEntry(actor, body, source)) return staffParty(db, actor, body, source);
  if (!hasAnyRole(actor, ['resident'])) throw new AppError('forbidden', 403);
  return residentParty(db, actor, body);
}

async function residentParty(db: Db, actor: Actor, body: CreateRequestBody): Promise<IntakeParty> {
  if (body.channel) throw badRequest('channel_not_allowed', { field: 'channel' });
  for (const f of ['residentId', 'contactName', 'contactPhone', 'urgency'] as const) {
    if (body[f] !== undefined) throw fieldError(f, 'only staff entering a request for someone may set this');
  }
  const communities = actor.roles.filter((r) => r.role === 'resident').map((r) => ({ id: r.communityId ?? r.placeId, path: r.placePath }));
  const place = body.placeId ? await usablePlace(db, body.placeId) : null;
  const community = place ? communities.find((c) => c.id === place.community_id) : communities[0];
  if (!community) throw placeInvalid();
  const linked = await repo.linkedResident(db, actor.userId!, community.id);
  // Any place of their community, except another household's dwelling.
  if (place && place.kind === 'dwelling' && !(linked && linked.place_path === place.path)) throw placeInvalid();
  const path = place?.path ?? community.path;
  return {
    mode: 'resident',
    channel: 'app',
    communityId: community.id,
    placeId: place?.id ?? null,
    placePath: path,
    gridId: gridOfPath(path),
    householdId: linked?.household_id ?? null,
    residentId: linked?.id ?? null,
    residentUserId: actor.userId,
    submittedBy: actor.userId,
    enteredBy: null,
    contactName: null,
    categorySource: 'resident',
  };
}

async function staffParty(db: Db, actor: Actor, body: CreateRequestBody, source?: IntakeSource): Promise<IntakeParty> {
  if (!body.channel) throw badRequest('channel_required', { field: 'channel' });
  if (!hasAnyRole(actor, requestIntakeRoles)) throw new AppError('forbidden', 403);
  let resident: repo.IntakeResident | undefined;
  if (body.residentId) {
    resident = await repo.residentForIntake(db, body.residentId);
    if (!resident || !inScope(actor, resident.place_path, requestIntakeRoles)) throw new AppError('not_found', 404, { field: 'residentId' });
  } else if (actor.onBehalfOf) {
    const linked = await repo.linkedResident(db, actor.onBehalfOf.id, null);
    if (linked && inScope(actor, linked.place_path, requestIntakeRoles)) resident = linked;
  }
  // Entered from the API, a request names who it is for; items from visits and meetings may not know.
  if (!resident && !body.contactName && !actor.onBehalfOf && !source) throw fieldError('residentId', 'residentId or contactName is required');

  let placeId: string | null;
  let path: string;
  if (body.placeId) {
    const place = await usablePlace(db, body.placeId);
    if (!inScope(actor, place.path, requestIntakeRoles)) throw placeInvalid();
    placeId = place.kind === 'community' ? null : place.id;
    path = place.path;
  } else if (resident) {
    // Where the resident lives (or their community), which also keeps it in a grid worker's view.
    placeId = placeIdOfPath(resident.place_path);
    path = resident.place_path;
  } else {
    const role = actor.roles.find((r) => requestIntakeRoles.includes(r.role))!;
    placeId = role.placeKind === 'community' ? null : role.placeId;
    path = role.placePath;
  }
  const communityId = path.split('/').filter(Boolean)[1];
  if (!communityId) throw placeInvalid();
  if (resident && resident.community_id !== communityId) throw placeInvalid();
  return {
    mode: 'staff',
    channel: body.channel,
    communityId,
    placeId,
    placePath: path,
    gridId: gridOfPath(path),
    householdId: resident?.household_id ?? null,
    residentId: resident?.id ?? null,
    residentUserId: resident?.user_id ?? actor.onBehalfOf?.id ?? null,
    submittedBy: actor.onBehalfOf?.id ?? null,
    enteredBy: actor.userId,
    contactName: body.contactName ?? null,
    categorySource: 'staff',
  };
}

async function open311Party(db: Db, body: CreateRequestBody, source: IntakeSource): Promise<IntakeParty> {
  if (!body.placeId) throw fieldError('placeId', 'the jurisdiction (community) is required');
  const place = await usablePlace(db, body.placeId);
  const clientCommunity = source.clientId ? await repo.open311ClientCommunity(db, source.clientId) : null;
  if (source.clientId && clientCommunity !== place.community_id) throw placeInvalid();
  return {
    mode: 'open311',
    channel: 'open311',
    communityId: place.community_id!,
    placeId: place.kind === 'community' ? null : place.id,
    placePath: place.path,
    gridId: gridOfPath(place.path),
    householdId: null,
    residentId: null,
    residentUserId: null,
    submittedBy: null,
    enteredBy: null,
    contactName: body.contactName ?? null,
    categorySource: 'open311',
  };
}

import type { ConvertToRequestBody, CreateRequestBody, RequestChannel } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { conflict, notFound } from '../../lib/app-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { intakeRequest } from '../requests/index.js';
import * as meetings from './meetings.repository.js';
import { visibleMeeting } from './meetings.service.js';
import { householdRefs } from './refs.repository.js';
import * as visits from './visits.repository.js';
import { visibleVisit } from './visits.service.js';
import { assertAllowed, canWriteAt } from './visits.policy.js';

/**
 * What was heard becomes a request: a visit item (channel `visit`) or a meeting opinion (channel `meeting`).
 * The request and the link back to the item are written in one transaction, once: a second conversion, even a
 * simultaneous one, finds the link taken (the conditional update) and rolls its request back, number and all.
 */

/** The request's contact when no register record is known; the request table keeps 60 characters. */
const contact = (name: string | null | undefined): string | undefined => name?.trim().slice(0, 60) || undefined;

interface Origin {
  text: string;
  channel: Extract<RequestChannel, 'visit' | 'meeting'>;
  /** The record's place, or its community for a record filed at the community. */
  placeId: string;
  residentId: string | null;
  contactName: string | undefined;
}

function requestBody(o: Origin, body: ConvertToRequestBody): CreateRequestBody {
  return {
    text: o.text,
    title: body.title,
    kind: body.kind,
    placeId: o.placeId,
    photoIds: [],
    anonymous: body.anonymous,
    categoryId: body.categoryId,
    channel: o.channel,
    urgency: body.urgency,
    ...(o.residentId ? { residentId: o.residentId } : { contactName: o.contactName }),
  };
}

/** Turn a visit item into a request for the household's householder (or the people met, at the visit's place). */
export async function convertVisitItem(deps: AppDeps, ctx: RequestContext, visitId: string, itemId: string, body: ConvertToRequestBody) {
  const v = await visibleVisit(deps, ctx.actor, visitId);
  assertAllowed(canWriteAt(ctx.actor, v.place_path));
  const item = await visits.findItem(deps.db, visitId, itemId);
  if (!item) throw notFound();
  if (item.request_id) throw conflict('item_already_converted', { requestId: item.request_id });
  const [household] = v.household_id ? await householdRefs(deps.db, [v.household_id]) : [];
  const origin: Origin = {
    text: item.text,
    channel: 'visit',
    placeId: v.place_id ?? v.community_id,
    residentId: household?.householder_id ?? null,
    contactName: contact(v.people_met ?? v.organisation_name),
  };
  return convertOnce(deps, ctx, requestBody(origin, body), { kind: 'visit_item', id: item.id }, (trx, requestId) => visits.linkItemRequest(trx, item.id, requestId), {
    action: 'visit_item.converted',
    targetType: 'visit_item',
    targetId: item.id,
    communityId: v.community_id,
    scopePath: v.place_path,
    parent: { visitId },
  });
}

/** Turn a meeting opinion into a request for its speaker (from the register when known), at the meeting's place. */
export async function convertOpinion(deps: AppDeps, ctx: RequestContext, meetingId: string, opinionId: string, body: ConvertToRequestBody) {
  const m = await visibleMeeting(deps, ctx.actor, meetingId);
  assertAllowed(canWriteAt(ctx.actor, m.place_path));
  const opinion = await meetings.findOpinion(deps.db, meetingId, opinionId);
  if (!opinion) throw notFound();
  if (opinion.request_id) throw conflict('item_already_converted', { requestId: opinion.request_id });
  const origin: Origin = {
    text: opinion.text,
    channel: 'meeting',
    placeId: m.place_id ?? m.community_id,
    residentId: opinion.resident_id,
    contactName: contact(opinion.speaker_name),
  };
  return convertOnce(deps, ctx, requestBody(origin, body), { kind: 'meeting_opinion', id: opinion.id }, (trx, requestId) => meetings.linkOpinionRequest(trx, opinion.id, requestId), {
    action: 'meeting_opinion.converted',
    targetType: 'meeting_opinion',
    targetId: opinion.id,
    communityId: m.community_id,
    scopePath: m.place_path,
    parent: { meetingId },
  });
}

interface ConversionAudit {
  action: string;
  targetType: string;
  targetId: string;
  communityId: string;
  scopePath: string;
  parent: Record<string, string>;
}

async function convertOnce(
  deps: AppDeps,
  ctx: RequestContext,
  request: CreateRequestBody,
  source: { kind: 'visit_item' | 'meeting_opinion'; id: string },
  link: (trx: Db, requestId: string) => Promise<boolean>,
  audit: ConversionAudit,
): Promise<{ requestId: string; number: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const created = await intakeRequest(trx, deps, ctx, request, source);
    if (!(await link(trx, created.id))) throw conflict('item_already_converted');
    const { parent, ...entry } = audit;
    await recordAudit(trx, ctx, deps.clock, { ...entry, after: { ...parent, requestId: created.id, number: created.number, kind: request.kind } });
    return { requestId: created.id, number: created.number };
  });
}

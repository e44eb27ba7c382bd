import {
  createRequestBody,
  handlingStatuses,
  open311Status,
  requestKinds,
  requestStatuses,
  requestStatusLabels,
  type Locale,
  type Open311PostBody,
  type Open311Request,
  type RequestStatus,
} from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { publicActor, type RequestContext } from '../../lib/actor.js';
import { iso } from '../../lib/clock.js';
import { intakeRequest } from '../requests/index.js';
import { hashApiKey } from './api-keys.js';
import { clientByKeyHash, touchClient } from './clients.repository.js';
import { categoriesOf, categoryByCode, DEFAULT_KIND, jurisdictionOf, type Jurisdiction } from './georeport.catalogue.js';
import { Open311Error } from './georeport.format.js';
import { findPublicRequest, listPublicRequests, setRequestLocation, type PublicRequestRow } from './georeport.repository.js';

/**
 * Service requests through GeoReport v2. What leaves is public: the status, the service, the public reply,
 * dates, and — only for reports that came in through Open311 — the description and location the reporter
 * gave. Names, phones, accounts and register ids never do.
 */

const DAY_MS = 86_400_000;
/** The spec's default window and cap for GET requests. */
export const LIST_DAYS = 90;
export const LIST_MAX = 1000;

const asStatus = (s: string): RequestStatus => requestStatuses.find((x) => x === s) ?? 'received';
const closedStatuses = requestStatuses.filter((s) => !handlingStatuses.includes(s));

function documentOf(r: PublicRequestRow, j: Jurisdiction, locale: Locale): Open311Request {
  const status = asStatus(r.status);
  const fromOpen311 = r.channel === 'open311';
  const label = requestStatusLabels[status];
  return {
    service_request_id: r.number,
    status: open311Status(status),
    status_notes: r.reply_text,
    service_name: (locale === 'en-US' ? r.category_en : r.category_zh) ?? null,
    service_code: r.category_code,
    // A resident's own words may name people; only what an integration itself sent is shown back.
    description: fromOpen311 ? r.text : null,
    agency_responsible: j.name,
    service_notice: locale === 'en-US' ? label.resident.en : label.resident.zh,
    requested_datetime: r.created_at,
    updated_datetime: r.updated_at,
    expected_datetime: handlingStatuses.includes(status) ? r.reply_due_at : null,
    address: fromOpen311 ? r.address_text : null,
    address_id: fromOpen311 ? r.place_id : null,
    zipcode: null,
    lat: fromOpen311 ? r.lat : null,
    long: fromOpen311 ? r.lng : null,
    media_url: null,
  };
}

const splitList = (s: string | undefined): string[] | undefined =>
  s === undefined ? undefined : [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];

/** GET requests: by id list, or by service, status and a date window of at most 90 days (default: the last 90). */
export async function listServiceRequests(
  deps: AppDeps,
  q: { jurisdiction_id?: string; service_request_id?: string; service_code?: string; start_date?: string; end_date?: string; status?: string },
  locale: Locale,
): Promise<Open311Request[]> {
  const j = await jurisdictionOf(deps, q.jurisdiction_id);
  const numbers = splitList(q.service_request_id);
  if (numbers) {
    // The spec: a list of ids overrides every other filter.
    const rows = await listPublicRequests(deps.db, { communityId: j.id, numbers: numbers.slice(0, LIST_MAX), limit: LIST_MAX });
    return rows.map((r) => documentOf(r, j, locale));
  }
  const wanted = splitList(q.status);
  if (wanted?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
  const statuses = wanted && wanted.length === 1 ? (wanted[0] === 'open' ? handlingStatuses : closedStatuses) : undefined;
  const codes = splitList(q.service_code);
  const categoryIds = codes ? (await categoriesOf(deps, j.id)).filter((c) => codes.includes(c.code)).map((c) => c.id) : undefined;
  const now = deps.clock.now().getTime();
  const end = q.end_date ? Date.parse(q.end_date) : q.start_date ? Math.min(Date.parse(q.start_date) + LIST_DAYS * DAY_MS, now) : now;
  const start = q.start_date ? Date.parse(q.start_date) : end - LIST_DAYS * DAY_MS;
  if (end < start) throw new Open311Error(400, 'end_date is before start_date');
  if (end - start > LIST_DAYS * DAY_MS) throw new Open311Error(400, `the date range may not span more than ${LIST_DAYS} days`);
  const rows = await listPublicRequests(deps.db, {
    communityId: j.id,
    categoryIds,
    statuses,
    from: iso(new Date(start)),
    to: iso(new Date(end)),
    limit: LIST_MAX,
  });
  return rows.map((r) => documentOf(r, j, locale));
}

/** GET requests/:id — by the public number; another jurisdiction's answers 404 like a missing one. */
export async function getServiceRequest(deps: AppDeps, number: string, jurisdictionId: string | undefined, locale: Locale): Promise<Open311Request[]> {
  const r = await findPublicRequest(deps.db, number);
  if (!r || (jurisdictionId && r.community_id !== jurisdictionId)) throw new Open311Error(404, 'service_request_id not found');
  const j = await jurisdictionOf(deps, r.community_id);
  return [documentOf(r, j, locale)];
}

/** `13812345678`, `138-1234-5678` and `+86 138 1234 5678` are the same number. */
const normalisePhone = (p: string): string => p.replace(/[\s()-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
/** Chinese names are written family name first. */
function contactName(first?: string, last?: string): string | undefined {
  const parts = [first, last].filter((x): x is string => !!x);
  if (parts.length === 0) return undefined;
  return /[\u3400-\u9fff]/.test(parts.join('')) ? `${last ?? ''}${first ?? ''}` : parts.join(' ');
}

/** Which Open311 parameter a refused intake field came from, for a useful error description. */
const PARAM_OF: Record<string, string> = { text: 'description', contactName: 'first_name/last_name', contactPhone: 'phone', kind: 'attribute[kind]', placeId: 'address_id' };

/**
 * POST requests: check the key, then create the request through intake in one transaction (channel open311,
 * attributed to the integration), with the location the report gave.
 */
export async function postServiceRequest(deps: AppDeps, body: Open311PostBody, meta: { requestId: string; ip: string | null; locale: Locale }) {
  const client = body.api_key ? await clientByKeyHash(deps.db, hashApiKey(body.api_key)) : undefined;
  if (!client) throw new Open311Error(403, body.api_key ? 'api_key is invalid or revoked' : 'api_key was not provided');
  if (body.jurisdiction_id && body.jurisdiction_id !== client.community_id) throw new Open311Error(400, 'jurisdiction_id does not match the api_key');
  if ((body.lat === undefined) !== (body.long === undefined)) throw new Open311Error(400, 'lat and long go together');
  if (body.lat === undefined && !body.address_string && !body.address_id) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  const kind = body.attribute?.kind ?? DEFAULT_KIND;
  if (!requestKinds.some((k) => k === kind)) throw new Open311Error(400, `attribute[kind] must be one of ${requestKinds.join(', ')}`);
  const anonymous = body.attribute?.anonymous ?? 'false';
  if (anonymous !== 'true' && anonymous !== 'false') throw new Open311Error(400, 'attribute[anonymous] must be true or false');
  const category = await categoryByCode(deps, client.community_id, body.service_code, 400);

  const parsed = createRequestBody.safeParse({
    text: body.description ?? '',
    kind,
    placeId: body.address_id ?? client.community_id,
    anonymous: anonymous === 'true',
    categoryId: category.id,
    contactName: contactName(body.first_name, body.last_name),
    contactPhone: body.phone ? normalisePhone(body.phone) : undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw new Open311Error(400, `${PARAM_OF[field] ?? field}: ${field === 'text' ? 'a description of 5 to 2000 characters is required' : issue.message}`);
  }
  const ctx: RequestContext = { actor: { ...publicActor, displayName: client.name }, requestId: meta.requestId, ip: meta.ip };
  const created = await deps.db.transaction().execute(async (trx) => {
    const r = await intakeRequest(trx, deps, ctx, parsed.data, { kind: 'open311', clientId: client.id });
    await setRequestLocation(trx, r.id, { address_text: body.address_string ?? null, lat: body.lat ?? null, lng: body.long ?? null });
    await touchClient(trx, client.id, iso(deps.clock.now()));
    return r;
  });
  const notice = requestStatusLabels.received.resident;
  return [{ service_request_id: created.number, service_notice: meta.locale === 'en-US' ? notice.en : notice.zh, account_id: null }];
}

import { handlingStatuses, requestStatuses, revealRoles, staffRoles, type ListRequestsQuery, type RequestDetail, type RequestStatus } from '@gongzhi/shared';
import { tokenize } from '../../classifier/index.js';
import type { AppDeps } from '../../deps.js';
import { hasAnyRole, type Actor, type RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { inScope } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { fileOwners, filesByOwner } from '../files/index.js';
import { callbacksOf } from './callbacks.repository.js';
import { standingOf, visibleRequest } from './requests.access.js';
import { requestScopeOf, type ViewerKind } from './requests.policy.js';
import { assignedAmong, listRequestRows, placePath } from './requests.query.js';
import * as repo from './requests.repository.js';
import { detailOf, summaryOf } from './requests.views.js';
import { settingsFor } from './settings.service.js';
import { permissionsFor } from './state-machine.js';

/** Reading requests: the scoped, searchable list and one request's detail with what the viewer may do. */

const NUMBER = /^GZ-\d{4}-\d{6,}$/i;

export async function listRequests(deps: AppDeps, actor: Actor, q: ListRequestsQuery) {
  const scope = requestScopeOf(actor);
  const statuses = q.status?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = statuses?.find((s) => !requestStatuses.includes(s as RequestStatus));
  if (unknown) throw badRequest('validation_failed', [{ field: 'querystring.status', code: 'invalid_value', message: `unknown status ${unknown}` }]);
  const isNumber = q.q !== undefined && NUMBER.test(q.q);
  const words = q.q && !isNumber ? [...new Set(tokenize(q.q))].slice(0, 12) : undefined;
  const now = iso(deps.clock.now());
  // A query of stop words only, or a place that does not exist, matches nothing rather than everything.
  const place = q.placeId ? await placePath(deps.db, q.placeId) : undefined;
  if ((words && words.length === 0) || (q.placeId && !place)) return { items: [], total: 0, totalCapped: false };
  const { rows, total, capped } = await listRequestRows(deps.db, {
    scope,
    number: isNumber ? q.q!.toUpperCase() : undefined,
    words,
    statuses,
    kind: q.kind,
    channel: q.channel,
    urgency: q.urgency,
    categoryId: q.categoryId,
    placePath: place?.path,
    overdueAt: q.overdue ? now : undefined,
    handlingStatuses,
    assignedTo: q.assignedToMe ? actor.userId! : undefined,
    mineOf: q.mine ? [actor.userId!, ...(actor.onBehalfOf ? [actor.onBehalfOf.id] : [])] : undefined,
    from: q.from,
    to: q.to,
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    offset: q.offset,
  });
  const ids = rows.map((r) => r.id);
  const outside = rows.filter((r) => !inScope(actor, r.place_path, staffRoles)).map((r) => r.id);
  const [leads, assigned] = await Promise.all([
    repo.leadNames(deps.db, ids),
    hasAnyRole(actor, ['grid_worker']) ? assignedAmong(deps.db, actor.userId!, outside) : Promise.resolve(new Set<string>()),
  ]);
  const items = rows.map((r) => {
    const kind: ViewerKind = inScope(actor, r.place_path, staffRoles) || assigned.has(r.id) ? 'staff' : inScope(actor, r.place_path, ['building_leader']) ? 'leader' : 'resident';
    const isTheResident = (r.submitted_by !== null && scope.residentUserIds.includes(r.submitted_by)) || (kind === 'resident' && scope.residentUserIds.length > 0);
    return summaryOf(r, { kind, isTheResident, leadName: leads.get(r.id) ?? null, now });
  });
  return { items, total, totalCapped: capped };
}

export async function getRequestDetail(deps: AppDeps, actor: Actor, id: string): Promise<RequestDetail> {
  const db = deps.db;
  const r = await visibleRequest(db, actor, id);
  const st = await standingOf(db, actor, r);
  const publicOnly = st.kind === 'resident' || st.kind === 'leader';
  const [steps, photos, callbacks, merged, mergedInto, settings] = await Promise.all([
    repo.stepsOf(db, id, publicOnly),
    filesByOwner(db, fileOwners.request, [id]),
    st.kind === 'staff' ? callbacksOf(db, id) : Promise.resolve([]),
    repo.mergedNumbers(db, id),
    r.merged_into_id ? repo.numberOf(db, r.merged_into_id) : Promise.resolve(undefined),
    settingsFor(db, r.community_id),
  ]);
  const stepPhotos = await filesByOwner(db, fileOwners.requestStep, steps.map((s) => s.id));
  const now = iso(deps.clock.now());
  const facts = { status: r.status as RequestStatus, repliedAt: r.replied_at, objectionDays: settings.objectionDays, now };
  return detailOf(r, {
    kind: st.kind,
    isTheResident: st.relations.resident,
    now,
    phone: st.kind === 'staff' && r.phone_cipher ? deps.vault.decrypt(r.phone_cipher) : null,
    enteredByName: r.entered_by_name,
    assignments: st.assignments,
    steps,
    photos: photos.get(id) ?? [],
    stepPhotos,
    callbacks,
    mergedInto: mergedInto ?? null,
    merged,
    can: permissionsFor(st.relations, facts, r.phone_cipher !== null),
  });
}

/** The contact phone staff entered, in full, for a stated purpose written to the audit log (never the number). */
export async function revealRequestPhone(deps: AppDeps, ctx: RequestContext, id: string, purpose: string) {
  const r = await visibleRequest(deps.db, ctx.actor, id);
  if (!inScope(ctx.actor, r.place_path, revealRoles.phone)) throw new AppError('forbidden', 403, { field: 'phone' });
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, ctx, deps.clock, {
      action: 'request.reveal_phone',
      targetType: 'request',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { field: 'phone', purpose },
    }),
  );
  return { phone: r.phone_cipher ? deps.vault.decrypt(r.phone_cipher) : null };
}

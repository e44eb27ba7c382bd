import { localDate, addMinutes, iso } from '../../lib/clock.js';
import type { CreateRequestBody, RequestCreated, Urgency } from '@gongzhi/shared';
import { tokenize } from '../../classifier/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { badRequest } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { attachFiles, fileOwners } from '../files/index.js';
import { classifyText } from '../triage/index.js';
import { inGroupCommit } from './group-commit.js';
import { categoryForIntake } from './intake.repository.js';
import { resolveParty, type IntakeSource } from './intake.rules.js';
import { tellEndpoints, tellResident } from './request-notices.js';
import { bumpCounter, insertNewRequest, insertStepRows } from './intake-writes.repository.js';
import { settingsFor } from './settings.service.js';
import { stepRow } from './steps.js';

/**
 * Intake: one transaction writes the number, the request, its full-text row, its classification and deadlines,
 * its steps, its photos, the audit entry and the outbox rows. A request that got its 201 is all there; one that
 * failed left nothing, not even a used number.
 */

export type { IntakeSource };

/** The readable number of the `n`th request of a year: GZ-2026-000123. */
export const formatNumber = (year: string, n: number): string => `GZ-${year}-${String(n).padStart(6, '0')}`;

/** A title from the text when none was given: its first line, cut at 30 characters. */
export function titleOf(body: Pick<CreateRequestBody, 'title' | 'text'>): string {
  if (body.title) return body.title;
  const line = body.text.split(/\r?\n/).find((l) => l.trim())?.trim() ?? body.text.trim();
  return line.length > 30 ? `${line.slice(0, 29)}…` : line;
}

/** The category, given by a person (checked against the community's taxonomy) or predicted from the text. */
async function categorise(deps: AppDeps, db: Db, communityId: string, body: CreateRequestBody, text: string) {
  if (body.categoryId) {
    const c = await categoryForIntake(db, body.categoryId);
    if (!c || c.community_id !== communityId || c.retired_at) throw badRequest('category_unknown', { field: 'categoryId' });
    return { category: c, confidence: null, modelId: null, predicted: false };
  }
  const guess = await classifyText(deps, db, communityId, text);
  const category = guess ? await categoryForIntake(db, guess.categoryId) : undefined;
  return { category: category ?? null, confidence: guess?.confidence ?? null, modelId: guess?.modelId ?? null, predicted: category !== undefined };
}

/**
 * Create a request inside the caller's transaction (visits, meetings and Open311 call this with their own
 * write). Refuses with a 4xx naming the field, having written nothing the caller must undo by hand.
 */
export async function intakeRequest(trx: Db, deps: AppDeps, ctx: RequestContext, body: CreateRequestBody, source?: IntakeSource): Promise<RequestCreated> {
  const party = await resolveParty(trx, ctx.actor, body, source);
  const now = deps.clock.now();
  const at = iso(now);
  const title = titleOf(body);
  const fullText = body.title ? `${body.title}\n${body.text}` : body.text;
  const [{ category, confidence, modelId, predicted }, settings] = await Promise.all([
    categorise(deps, trx, party.communityId, body, fullText),
    settingsFor(trx, party.communityId),
  ]);
  const urgency: Urgency = body.urgency ?? (category?.urgency as Urgency | undefined) ?? 'general';
  const tokens = tokenize(fullText).join(' ');
  const id = newId();
  const year = localDate(now).slice(0, 4);
  // Bumped as late as possible: on PostgreSQL the counter row stays locked until this transaction commits.
  const number = formatNumber(year, await bumpCounter(trx, `GZ-${year}`));
  const phone = party.mode === 'resident' ? { phone_cipher: null, phone_index: null, phone_tail: null } : deps.vault.sealPhone(body.contactPhone ?? null);
  await insertNewRequest(trx, {
    id,
    number,
    community_id: party.communityId,
    place_id: party.placeId,
    place_path: party.placePath,
    grid_id: party.gridId,
    household_id: party.householdId,
    resident_id: party.residentId,
    submitted_by: party.submittedBy,
    entered_by: party.enteredBy,
    contact_name: party.contactName,
    ...phone,
    kind: body.kind,
    channel: party.channel,
    urgency,
    title,
    text: body.text,
    tokens,
    anonymous: body.anonymous ? 1 : 0,
    category_id: category?.id ?? null,
    category_confidence: confidence,
    category_source: category ? (predicted ? 'model' : party.categorySource) : null,
    model_id: modelId,
    status: 'received',
    dispatch_due_at: iso(addMinutes(now, settings.dispatchMinutes[urgency])),
    reply_due_at: iso(addMinutes(now, settings.replyMinutes[urgency])),
    open311_client_id: source?.kind === 'open311' ? (source.clientId ?? null) : null,
    created_at: at,
    updated_at: at,
  });
  // An Open311 report is signed by its integration (the caller names it), not by a person.
  const viaApi = source?.kind === 'open311';
  const submitted = stepRow(
    viaApi ? null : ctx.actor,
    { requestId: id, action: 'submitted', from: null, to: 'received', public: true, now: at, data: source ? { source: source.kind, id: source.id ?? null } : undefined },
    viaApi ? ctx.actor.displayName || 'Open311' : undefined,
  );
  const steps = [submitted];
  if (category) {
    const by = predicted ? { source: 'model', confidence, modelId } : { source: party.categorySource };
    // The model's guess is the system's step; a person's choice is theirs.
    steps.push(stepRow(predicted || !ctx.actor.userId ? null : ctx.actor, { requestId: id, action: 'classified', from: 'received', to: 'received', public: false, now: at, data: { categoryId: category.id, ...by } }));
  }
  await insertStepRows(trx, steps);
  await attachFiles(trx, body.photoIds, { uploaderId: ctx.actor.userId, ownerKind: fileOwners.request, ownerId: id, communityId: party.communityId, now: at });
  await recordAudit(trx, ctx, deps.clock, {
    action: 'request.created',
    targetType: 'request',
    targetId: id,
    communityId: party.communityId,
    scopePath: party.placePath,
    after: { number, channel: party.channel, kind: body.kind, urgency, categoryId: category?.id ?? null, photos: body.photoIds.length, source: source?.kind ?? party.mode },
  });
  const notice = { id, number, title, community_id: party.communityId, place_path: party.placePath, submitted_by: party.submittedBy, resident_user_id: party.residentUserId };
  await tellResident(trx, deps, notice, submitted.id, 'received', ctx.actor.userId);
  await tellEndpoints(trx, deps, notice, 'request_submitted');
  return {
    id,
    number,
    status: 'received',
    categoryId: category?.id ?? null,
    categoryName: category ? { zh: category.name_zh, en: category.name_en } : null,
    categoryConfidence: confidence,
  };
}

/**
 * Create a request in its own transaction (the API's intake). On SQLite, intakes arriving together share one
 * commit, each in its own savepoint (group-commit.ts): still all-or-nothing per request, and durable before
 * the answer, at several times the throughput of one disk flush per request.
 */
export function createRequest(deps: AppDeps, ctx: RequestContext, body: CreateRequestBody): Promise<RequestCreated> {
  const work = (trx: Db) => intakeRequest(trx, deps, ctx, body);
  return deps.handle.dialect === 'sqlite' ? inGroupCommit(deps.db, work) : deps.db.transaction().execute(work);
}

import { createHash } from 'node:crypto';
import {
  DEFAULT_OBJECTION_DAYS,
  findPersonalData,
  isPeriodic,
  periodMatches,
  publishedText,
  type DisclosureFrequency,
  type PublicationBody,
  type PublicationDetail,
  type PublicationPatch,
  type PublicationsQuery,
} from '@gongzhi/shared';
import type { Updateable } from 'kysely';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { PublicationsTable } from '../../db/disclosure-tables.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findItem } from './catalogue.repository.js';
import { communityFor } from './catalogue.service.js';
import { canEditAt, canViewAt, editPrefixes, viewPrefixes } from './disclosure.policy.js';
import * as repo from './publications.repository.js';
import { baseView, detailView, objectionOpen } from './publications.views.js';
import { tellAuthor, tellEditors } from './publication-alerts.js';

/**
 * Publications from draft to archive. A second pair of eyes: the author never approves their own. Title and body
 * are checked for personal data when submitted and again when published; the published text is fixed and its
 * sha256 stored; a correction is a new publication that supersedes the old one (both stay public).
 */

export async function visiblePublication(db: Db, actor: Actor, id: string): Promise<repo.PublicationRow> {
  const p = await repo.findPublication(db, id);
  if (!p || !canViewAt(actor, p.community_path)) throw notFound();
  return p;
}

async function keptPublication(db: Db, actor: Actor, id: string): Promise<repo.PublicationRow> {
  const p = await visiblePublication(db, actor, id);
  if (!canEditAt(actor, p.community_path)) throw new AppError('forbidden', 403);
  return p;
}

export async function publicationDetail(deps: AppDeps, actor: Actor, id: string): Promise<PublicationDetail> {
  const p = await visiblePublication(deps.db, actor, id);
  return detailView(actor, p, await repo.commentsOf(deps.db, id), deps.clock.now());
}

export async function listPublicationsFor(deps: AppDeps, actor: Actor, q: PublicationsQuery) {
  const { rows, total } = await repo.listPublications(deps.db, { prefixes: viewPrefixes(actor), ...q });
  const counts = await repo.commentCounts(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...baseView(r), authorName: r.author_name, updatedAt: r.updated_at, unanswered: counts.get(r.id)!.unanswered })), total };
}

/** Refuse text with ID, mobile or bank card numbers (422), naming each finding per field. */
export function refusePersonalData(title: string, body: string): void {
  const found = { title: findPersonalData(title), body: findPersonalData(body) };
  if (found.title.length + found.body.length > 0) throw new AppError('publication_personal_data', 422, found);
}

/** The catalogue item, period and category a draft carries, checked against the community and the item's frequency. */
async function subjectOf(db: Db, communityId: string, b: { itemId?: string | null; period?: string | null; category?: string | null }) {
  if (!b.itemId) {
    if (b.period) throw new AppError('disclosure_period_invalid', 400, { field: 'period' });
    return { item_id: null, period: null, category: b.category ?? null };
  }
  const item = await findItem(db, b.itemId);
  if (!item || item.community_id !== communityId || item.retired_at) throw new AppError('disclosure_item_invalid', 400, { field: 'itemId' });
  const f = item.frequency as DisclosureFrequency;
  const period = b.period ?? null;
  if (period && !(isPeriodic(f) && periodMatches(f, period))) throw new AppError('disclosure_period_invalid', 400, { field: 'period' });
  return { item_id: item.id, period, category: item.category };
}

export async function createPublication(deps: AppDeps, ctx: RequestContext, body: PublicationBody): Promise<PublicationDetail> {
  const c = await communityFor(deps.db, editPrefixes(ctx.actor), body.communityId);
  const subject = await subjectOf(deps.db, c.id, body);
  if (body.supersedesId) {
    const old = await repo.findPublication(deps.db, body.supersedesId);
    if (!old || old.community_id !== c.id || !['published', 'archived'].includes(old.status) || old.superseded_by_id) {
      throw new AppError('publication_supersedes_invalid', 400, { field: 'supersedesId' });
    }
  }
  const id = newId();
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPublication(trx, {
      id,
      community_id: c.id,
      community_path: c.path,
      kind: body.kind,
      ...subject,
      title: body.title,
      body: body.body,
      channels: JSON.stringify(body.channels),
      status: 'draft',
      author_user_id: ctx.actor.userId!,
      author_name: ctx.actor.displayName,
      objection_days: body.objectionDays ?? DEFAULT_OBJECTION_DAYS,
      supersedes_id: body.supersedesId ?? null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'publication.drafted',
      targetType: 'publication',
      targetId: id,
      communityId: c.id,
      scopePath: c.path,
      after: { kind: body.kind, title: body.title, itemId: subject.item_id, period: subject.period, supersedesId: body.supersedesId ?? null },
    });
  });
  return publicationDetail(deps, ctx.actor, id);
}

/**
 * One step of the workflow: move from `from` with `patch` and write the audit entry in one transaction. Refuses
 * with 409 when the publication is no longer in `from` (someone else acted first).
 */
async function step(
  deps: AppDeps,
  ctx: RequestContext,
  p: repo.PublicationRow,
  s: { from: string[]; patch: Updateable<PublicationsTable>; action: string; also?: (trx: Db) => Promise<void> },
): Promise<PublicationDetail> {
  if (!s.from.includes(p.status)) throw new AppError('publication_wrong_status', 409, { status: p.status });
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updatePublication(trx, p.id, p.status, { ...s.patch, updated_at: at }))) throw new AppError('publication_wrong_status', 409);
    await s.also?.(trx);
    const { body: _body, ...after } = s.patch;
    await recordAudit(trx, ctx, deps.clock, {
      action: s.action,
      targetType: 'publication',
      targetId: p.id,
      communityId: p.community_id,
      scopePath: p.community_path,
      before: { status: p.status },
      after: _body === undefined ? after : { ...after, bodyLength: String(_body).length },
    });
  });
  return publicationDetail(deps, ctx.actor, p.id);
}

export async function patchPublication(deps: AppDeps, ctx: RequestContext, id: string, b: PublicationPatch): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  if (p.status !== 'draft') throw new AppError('publication_wrong_status', 409, { status: p.status });
  const subject = b.itemId !== undefined || b.period !== undefined || b.category !== undefined
    ? await subjectOf(deps.db, p.community_id, { itemId: b.itemId === undefined ? p.item_id : b.itemId, period: b.period === undefined ? p.period : b.period, category: b.category === undefined ? p.category : b.category })
    : {};
  return step(deps, ctx, p, {
    from: ['draft'],
    action: 'publication.edited',
    patch: {
      ...subject,
      ...(b.kind !== undefined && { kind: b.kind }),
      ...(b.title !== undefined && { title: b.title }),
      ...(b.body !== undefined && { body: b.body }),
      ...(b.channels !== undefined && { channels: JSON.stringify(b.channels) }),
      ...(b.objectionDays !== undefined && { objection_days: b.objectionDays }),
    },
  });
}

export async function submitPublication(deps: AppDeps, ctx: RequestContext, id: string): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  refusePersonalData(p.title, p.body);
  const at = iso(deps.clock.now());
  return step(deps, ctx, p, { from: ['draft'], action: 'publication.submitted', patch: { status: 'submitted', submitted_at: at, return_note: null }, also: (trx) => tellEditors(trx, deps, p, 'publication_submitted', `submitted:${at}`) });
}

/** The approver sends it back to the author with a note; it is a draft again. */
export async function returnPublication(deps: AppDeps, ctx: RequestContext, id: string, note: string): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  const key = `returned:${iso(deps.clock.now())}`;
  return step(deps, ctx, p, { from: ['submitted'], action: 'publication.returned', patch: { status: 'draft', return_note: note }, also: (trx) => tellAuthor(trx, deps, p, 'publication_returned', note, key) });
}

export async function approvePublication(deps: AppDeps, ctx: RequestContext, id: string): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  if (p.author_user_id === ctx.actor.userId) throw new AppError('publication_self_approval', 403);
  return step(deps, ctx, p, { from: ['submitted'], action: 'publication.approved', patch: { status: 'approved', approved_by: ctx.actor.userId, approver_name: ctx.actor.displayName, approved_at: iso(deps.clock.now()) } });
}

/** Publish: the text is checked again, fingerprinted and fixed; a notice's objection period starts now. */
export async function publishPublication(deps: AppDeps, ctx: RequestContext, id: string): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  refusePersonalData(p.title, p.body);
  const now = deps.clock.now();
  const notice = p.kind === 'public_notice';
  const old = p.supersedes_id ? await repo.findPublication(deps.db, p.supersedes_id) : undefined;
  if (p.supersedes_id && (!old || old.superseded_by_id)) throw new AppError('publication_supersedes_invalid', 409, { field: 'supersedesId' });
  return step(deps, ctx, p, {
    from: ['approved'],
    action: 'publication.published',
    patch: {
      status: 'published',
      published_at: iso(now),
      published_by: ctx.actor.userId,
      text_sha256: createHash('sha256').update(publishedText(p.title, p.body), 'utf8').digest('hex'),
      objection_starts_at: notice ? iso(now) : null,
      objection_ends_at: notice ? objectionEnd(now, Number(p.objection_days)) : null,
    },
    also: async (trx) => {
      if (old) await repo.markSuperseded(trx, old.id, p.id, iso(now));
    },
  });
}

/**
 * A notice of N days runs to the end of the Nth day after the day it is published, China time (the day of
 * publication is not counted, as in the Civil Code's reckoning of periods), so the date on the notice board is
 * the whole last day a resident may object on, not the hour the office happened to press publish.
 */
export const objectionEnd = (publishedAt: Date, days: number): string =>
  iso(new Date(Date.parse(`${localDate(publishedAt)}T00:00:00+08:00`) + (days + 1) * 86_400_000 - 1));

export async function archivePublication(deps: AppDeps, ctx: RequestContext, id: string): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  // Archiving takes a notice off the portal's current list; it may not cut residents' objection period short.
  if (objectionOpen(p, deps.clock.now())) {
    throw new AppError('publication_objection_period_open', 409, { objectionEndsAt: p.objection_ends_at });
  }
  return step(deps, ctx, p, { from: ['published'], action: 'publication.archived', patch: { status: 'archived', archived_at: iso(deps.clock.now()) } });
}

/** Close a public notice after its objection period, once every objection has its answer. */
export async function closeNotice(deps: AppDeps, ctx: RequestContext, id: string, outcome: string): Promise<PublicationDetail> {
  const p = await keptPublication(deps.db, ctx.actor, id);
  if (p.kind !== 'public_notice') throw new AppError('publication_not_a_notice', 409);
  if (p.notice_closed_at || !p.objection_ends_at) throw new AppError('publication_wrong_status', 409, { status: p.status });
  if (deps.clock.now().toISOString() < p.objection_ends_at) throw new AppError('publication_objection_period_open', 409, { objectionEndsAt: p.objection_ends_at });
  const unanswered = (await repo.commentsOf(deps.db, p.id)).filter((c) => c.kind === 'objection' && c.answer === null).length;
  if (unanswered > 0) throw new AppError('publication_objections_unanswered', 409, { unanswered });
  const text = outcome.trim();
  if (text.length === 0) throw new AppError('publication_outcome_required', 400, { field: 'outcome' });
  const inOutcome = findPersonalData(text); // the outcome is published beside the notice
  if (inOutcome.length > 0) throw new AppError('publication_personal_data', 422, { field: 'outcome', outcome: inOutcome });
  return step(deps, ctx, p, { from: ['published', 'archived'], action: 'publication.notice_closed', patch: { notice_closed_at: iso(deps.clock.now()), notice_outcome: text } });
}

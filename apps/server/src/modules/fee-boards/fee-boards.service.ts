import { findPersonalData, type FeeBoardList, type FeeBoardView, type ListFeeBoardsQuery, type SaveFeeBoardDraftBody } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import { iso, localDate, type Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { canonicalContent, normaliseLines, publicTexts, sameLines, sha256Hex, type LineValues } from './content.js';
import { canEditAt, canViewAt, viewPrefixes } from './fee-boards.policy.js';
import * as repo from './fee-boards.repository.js';
import { boardView, summaryView } from './fee-boards.views.js';

/**
 * Entering, correcting and publishing fee boards. A draft is replaced whole on every save (by hand or by an
 * import), so saving the same content twice leaves one draft with that content. Publishing freezes the draft,
 * hashes its canonical content, and marks the revision it corrects as superseded, in one transaction.
 */

/** The estate for an editor, or 404 (missing, retired or outside their scope); 400 when the place is not an estate. */
export async function editableEstate(db: Db, actor: Actor, estateId: string): Promise<repo.EstateRow> {
  const e = await repo.findPlace(db, estateId);
  if (!e || e.retired_at || !canEditAt(actor, e.path)) throw notFound();
  if (e.kind !== 'estate' || !e.community_id) throw badRequest('fee_board_not_estate', { field: 'estateId' });
  return e;
}

/** A month that has begun (China Standard Time): boards report what happened. */
export function assertMonthBegun(clock: Clock, month: string): void {
  if (month > localDate(clock.now()).slice(0, 7)) throw badRequest('fee_board_month_future', { field: 'month' });
}

/** Estates the actor may open boards of, for the console's chooser. */
export async function listEstates(deps: AppDeps, actor: Actor) {
  const rows = await repo.estatesIn(deps.db, viewPrefixes(actor));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, communityId: r.communityId ?? '', communityName: r.communityName })) };
}

export async function listBoards(deps: AppDeps, actor: Actor, q: ListFeeBoardsQuery): Promise<FeeBoardList> {
  const rows = await repo.listBoards(deps.db, viewPrefixes(actor), q);
  const lines = await repo.linesOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => summaryView(r, lines.get(r.id) ?? [])) };
}

/** A board as the console shows it, or 404 outside the actor's scope. */
export async function getBoard(deps: AppDeps, actor: Actor, id: string): Promise<FeeBoardView> {
  const b = await repo.findBoard(deps.db, id);
  if (!b || !canViewAt(actor, b.estate_path)) throw notFound();
  return present(deps.db, b, actor);
}

async function present(db: Db, b: repo.BoardRow, actor: Actor | null): Promise<FeeBoardView> {
  const [lines, revisions] = await Promise.all([repo.linesOf(db, [b.id]), repo.revisionsOf(db, b.estate_id, b.month)]);
  return boardView(b, lines.get(b.id) ?? [], revisions, actor);
}

export type DraftOutcome = { id: string; outcome: 'draft_saved' } | { id: string | null; outcome: 'unchanged' };

/**
 * Write the draft of an estate and month inside `trx`: replace the existing draft, or open the next revision
 * (correcting the current published one, if any). With `skipUnchanged`, content equal to the current published
 * board and no draft open writes nothing (re-importing a published month).
 */
export async function writeDraft(
  trx: Db,
  ctx: RequestContext,
  clock: Clock,
  estate: repo.EstateRow,
  input: { month: string; lines: LineValues[]; correctionReason: string | null },
  opts: { action: string; skipUnchanged?: boolean },
): Promise<DraftOutcome> {
  const now = iso(clock.now());
  const revisions = await repo.revisionsOf(trx, estate.id, input.month);
  const draft = revisions.find((r) => r.status === 'draft');
  const current = revisions.find((r) => r.status === 'published');
  let id: string;
  let before: unknown = null;
  if (draft) {
    id = draft.id;
    const old = (await repo.linesOf(trx, [id])).get(id) ?? [];
    before = { correctionReason: draft.correction_reason, lines: old };
    await repo.updateBoard(trx, id, { correction_reason: draft.supersedes_id ? (input.correctionReason ?? draft.correction_reason) : null, updated_at: now }, 'draft');
  } else {
    if (opts.skipUnchanged && current) {
      const published = (await repo.linesOf(trx, [current.id])).get(current.id) ?? [];
      if (sameLines(published, input.lines)) return { id: current.id, outcome: 'unchanged' };
    }
    id = newId();
    await repo.insertBoard(trx, {
      id,
      community_id: estate.community_id!,
      estate_id: estate.id,
      estate_path: estate.path,
      month: input.month,
      revision: revisions.reduce((n, r) => Math.max(n, r.revision), 0) + 1,
      status: 'draft',
      supersedes_id: current?.id ?? null,
      superseded_by_id: null,
      correction_reason: current ? input.correctionReason : null,
      content_hash: null,
      published_at: null,
      published_by: null,
      published_by_name: null,
      created_by: ctx.actor.userId!,
      created_at: now,
      updated_at: now,
    });
  }
  await repo.replaceLines(trx, id, input.lines.map((l, i) => ({ ...l, board_id: id, position: i + 1 })));
  await recordAudit(trx, ctx, clock, {
    action: opts.action,
    targetType: 'fee_board',
    targetId: id,
    communityId: estate.community_id,
    scopePath: estate.path,
    before,
    after: { estateId: estate.id, month: input.month, correctionReason: input.correctionReason, lines: input.lines },
  });
  return { id, outcome: 'draft_saved' };
}

/** Run `work` in a transaction; two first saves of one estate and month racing meet the draft index, and the loser retries once (then finds the draft). */
export async function inDraftTransaction<T>(deps: AppDeps, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(work);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return deps.db.transaction().execute(work);
  }
}

export async function saveDraft(deps: AppDeps, ctx: RequestContext, body: SaveFeeBoardDraftBody): Promise<FeeBoardView> {
  const estate = await editableEstate(deps.db, ctx.actor, body.estateId);
  assertMonthBegun(deps.clock, body.month);
  const lines = normaliseLines(body.lines);
  const r = await inDraftTransaction(deps, (trx) =>
    writeDraft(trx, ctx, deps.clock, estate, { month: body.month, lines, correctionReason: body.correctionReason ?? null }, { action: 'fee_board.draft_saved' }),
  );
  return getBoard(deps, ctx.actor, r.id!);
}

async function editableBoard(deps: AppDeps, actor: Actor, id: string): Promise<repo.BoardRow> {
  const b = await repo.findBoard(deps.db, id);
  if (!b || !canViewAt(actor, b.estate_path)) throw notFound();
  if (!canEditAt(actor, b.estate_path)) throw notFound();
  if (b.status !== 'draft') throw conflict('fee_board_not_draft');
  return b;
}

/** Publish a draft: checked for personal data, hashed, the corrected revision superseded. */
export async function publishBoard(deps: AppDeps, ctx: RequestContext, id: string): Promise<FeeBoardView> {
  const b = await editableBoard(deps, ctx.actor, id);
  assertMonthBegun(deps.clock, b.month);
  if (b.supersedes_id && !b.correction_reason) throw badRequest('fee_board_reason_required', { field: 'correctionReason' });
  const lines = (await repo.linesOf(deps.db, [id])).get(id) ?? [];
  const findings = publicTexts(b, lines).flatMap(({ field, text }) => findPersonalData(text).map((f) => ({ field, kind: f.kind, masked: f.masked, start: f.start, end: f.end })));
  if (findings.length) throw new AppError('fee_board_personal_data', 422, { findings });
  const now = iso(deps.clock.now());
  const hash = sha256Hex(canonicalContent({ ...b, published_at: now }, lines));
  await deps.db.transaction().execute(async (trx) => {
    const done = await repo.updateBoard(
      trx,
      id,
      { status: 'published', content_hash: hash, published_at: now, published_by: ctx.actor.userId, published_by_name: ctx.actor.displayName, updated_at: now },
      'draft',
    );
    if (Number(done.numUpdatedRows) !== 1) throw conflict('fee_board_not_draft');
    if (b.supersedes_id) {
      const old = await repo.updateBoard(trx, b.supersedes_id, { status: 'superseded', superseded_by_id: id, updated_at: now }, 'published');
      if (Number(old.numUpdatedRows) !== 1) throw conflict('fee_board_not_draft');
    }
    await recordAudit(trx, ctx, deps.clock, {
      action: b.supersedes_id ? 'fee_board.corrected' : 'fee_board.published',
      targetType: 'fee_board',
      targetId: id,
      communityId: b.community_id,
      scopePath: b.estate_path,
      after: { estateId: b.estate_id, month: b.month, revision: b.revision, supersedesId: b.supersedes_id, correctionReason: b.correction_reason, contentHash: hash },
    });
  });
  return getBoard(deps, ctx.actor, id);
}

/** Throw a draft away (published boards are never deleted). */
export async function discardDraft(deps: AppDeps, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const b = await editableBoard(deps, ctx.actor, id);
  await deps.db.transaction().execute(async (trx) => {
    const lines = (await repo.linesOf(trx, [id])).get(id) ?? [];
    if ((await repo.deleteDraft(trx, id)) !== 1) throw conflict('fee_board_not_draft');
    await recordAudit(trx, ctx, deps.clock, {
      action: 'fee_board.draft_discarded',
      targetType: 'fee_board',
      targetId: id,
      communityId: b.community_id,
      scopePath: b.estate_path,
      before: { estateId: b.estate_id, month: b.month, revision: b.revision, lines },
    });
  });
  return { ok: true };
}

export { present as presentBoard };

import type { z } from 'zod';
import type { answerObjectionBody, ObjectionView, objectionBody } from '@gongzhi/shared';
import type { ElectionObjectionsTable } from '../../db/election-tables.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, conflict, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { managed, viewable } from './elections.service.js';
import * as repo from './elections.repository.js';
import { participantIn } from './participants.js';
import { eligibleRow, insertVoter, removeVoter } from './voters.service.js';

/**
 * Objections to the posted voter list (omissions and wrong inclusions), filed while the notice runs and before
 * voting opens. Each is answered: accepted changes the list (audited), rejected gives the reason. Voting cannot
 * open while one is unanswered (checked when the phase moves).
 */

export const objectionView = (o: ElectionObjectionsTable): ObjectionView => ({
  id: o.id,
  kind: o.kind as ObjectionView['kind'],
  filerName: o.filer_name,
  subjectName: o.subject_name,
  subjectVoterId: o.subject_voter_id,
  subjectResidentId: o.subject_resident_id,
  reason: o.reason,
  status: o.status as ObjectionView['status'],
  answer: o.answer,
  answeredAt: o.answered_at,
  createdAt: o.created_at,
});

export async function fileObjection(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof objectionBody>): Promise<ObjectionView> {
  const { e, filerName } = await participantIn(deps, ctx.actor, id);
  if (e.phase !== 'list_notice' && e.phase !== 'candidates') throw conflict('election_objection_closed', { phase: e.phase });
  if (body.subjectVoterId) {
    const v = await repo.findVoter(deps.db, e.id, body.subjectVoterId);
    if (!v || v.removed_at) throw new AppError('not_found', 404, { field: 'subjectVoterId' });
  }
  if (body.subjectResidentId) {
    const r = await repo.findResidentRow(deps.db, body.subjectResidentId);
    if (!r || r.community_id !== e.community_id) throw new AppError('not_found', 404, { field: 'subjectResidentId' });
  }
  const row: ElectionObjectionsTable = {
    id: newId(),
    election_id: e.id,
    kind: body.kind,
    filed_by: ctx.actor.userId!,
    filer_name: filerName,
    subject_name: body.subjectName,
    subject_resident_id: body.subjectResidentId ?? null,
    subject_voter_id: body.subjectVoterId ?? null,
    reason: body.reason,
    status: 'open',
    answer: null,
    answered_by: null,
    answered_at: null,
    created_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertObjection(trx, row);
    await recordAudit(trx, ctx, deps.clock, { action: 'election.objection_filed', targetType: 'election_objection', targetId: row.id, communityId: e.community_id, scopePath: e.community_path, after: { electionId: e.id, kind: row.kind, subjectName: row.subject_name } });
  });
  return objectionView(row);
}

export async function listObjections(deps: AppDeps, actor: Actor, id: string) {
  const e = await viewable(deps.db, actor, id);
  return { items: (await repo.objectionsOf(deps.db, e.id)).map(objectionView) };
}

/** Answer an objection. Accepting an omission registers the person named (when the register knows them); accepting a wrong inclusion removes the voter. */
export async function answerObjection(deps: AppDeps, ctx: RequestContext, id: string, objectionId: string, body: z.infer<typeof answerObjectionBody>): Promise<ObjectionView> {
  const e = await managed(deps.db, ctx.actor, id);
  const o = await repo.findObjection(deps.db, e.id, objectionId);
  if (!o) throw notFound();
  if (o.status !== 'open') throw conflict('election_objection_answered');
  const now = iso(deps.clock.now());
  // Who the objection concerns: as filed, or as the clerk names them now (residents name people, not records).
  const voterId = o.kind === 'wrong_inclusion' ? (o.subject_voter_id ?? body.subjectVoterId ?? null) : null;
  const residentId = o.kind === 'omission' ? (o.subject_resident_id ?? body.subjectResidentId ?? null) : null;
  // Checked before the transaction, so a refusal leaves the objection open and nothing half-written.
  if (body.accept && o.kind === 'wrong_inclusion') {
    const v = voterId ? await repo.findVoter(deps.db, e.id, voterId) : undefined;
    if (!v) throw new AppError('election_objection_subject_required', 400, { field: 'subjectVoterId' });
    if (v.removed_at) throw conflict('election_voter_removed');
  }
  if (body.accept && residentId && !o.subject_resident_id) {
    const r = await repo.findResidentRow(deps.db, residentId);
    if (!r || r.community_id !== e.community_id) throw new AppError('not_found', 404, { field: 'subjectResidentId' });
  }
  const toAdd = body.accept && residentId ? await eligibleRow(deps, ctx, e, { basis: 'residence_application', residentId, basisNote: `选民名单异议 ${o.id}` }) : null;
  if (toAdd) {
    const r = await repo.findResidentRow(deps.db, residentId!);
    if (r?.residency_status === 'permanent') Object.assign(toAdd, { basis: 'household_register', basis_note: `选民名单异议 ${o.id}` });
  }
  await deps.db.transaction().execute(async (trx) => {
    const named = body.accept ? { subject_voter_id: voterId ?? o.subject_voter_id, subject_resident_id: residentId ?? o.subject_resident_id } : {};
    if (!(await repo.answerObjectionRow(trx, o.id, { status: body.accept ? 'accepted' : 'rejected', answer: body.answer, answered_by: ctx.actor.userId, answered_at: now, ...named }))) throw conflict('election_objection_answered');
    if (toAdd) await insertVoter(deps, ctx, e, toAdd, 'election.voter_added', trx);
    if (body.accept && voterId) await removeVoter(deps, ctx, e, voterId, body.answer, trx);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'election.objection_answered',
      targetType: 'election_objection',
      targetId: o.id,
      communityId: e.community_id,
      scopePath: e.community_path,
      before: { status: 'open' },
      after: { status: body.accept ? 'accepted' : 'rejected', answer: body.answer, addedVoterId: toAdd?.id ?? null, removedVoterId: body.accept ? voterId : null },
    });
  });
  return objectionView((await repo.findObjection(deps.db, e.id, o.id))!);
}

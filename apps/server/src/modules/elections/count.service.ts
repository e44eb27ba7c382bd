import { electionTally, TERM_YEARS, type BallotChoice, type ElectionPost, type ElectionTally } from '@gongzhi/shared';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, conflict, notFound } from '../../lib/app-error.js';
import { addYears, iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkedChoices, forbidNonTeller } from './ballots.service.js';
import { managed, requirePhase, seatsOf, viewable, addDays } from './elections.service.js';
import * as repo from './elections.repository.js';
import { reached, unitKeyOf } from './elections.views.js';
import { countBallots } from './tally.js';
import { recordTermsInRegisters } from './terms.js';

/** Tellers' paper batches, the ballot box as observers see it, the count, its publication and the terms of office. */

export async function listBatches(deps: AppDeps, actor: Actor, id: string) {
  const e = await viewable(deps.db, actor, id);
  return { items: (await repo.batchesOf(deps.db, e.id)).map((b) => ({ id: b.id, label: b.label, ballotCount: b.ballot_count, entered: b.entered, tellerName: b.teller_name })) };
}

/** A teller opens a batch: the paper ballots of one box, counted before entry. */
export async function openBatch(deps: AppDeps, ctx: RequestContext, id: string, body: { label: string; ballotCount: number }) {
  const e = await managed(deps.db, ctx.actor, id);
  await forbidNonTeller(deps.db, e, ctx.actor.userId);
  requirePhase(e, 'counting');
  const row = { id: newId(), election_id: e.id, label: body.label, ballot_count: body.ballotCount, entered: 0, teller_id: ctx.actor.userId!, created_at: iso(deps.clock.now()) };
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.batchesOf(trx, e.id)).some((b) => b.label === body.label)) throw new AppError('validation_failed', 400, [{ field: 'label', message: 'label in use' }]);
    await repo.insertBatch(trx, row);
    await recordAudit(trx, ctx, deps.clock, { action: 'election.batch_opened', targetType: 'election_batch', targetId: row.id, communityId: e.community_id, scopePath: e.community_path, after: { electionId: e.id, label: row.label, ballotCount: row.ballot_count } });
  });
  return { id: row.id, label: row.label, ballotCount: row.ballot_count, entered: 0, tellerName: ctx.actor.displayName };
}

/** A teller enters one paper ballot of a batch: its marks, or invalid. Never more ballots than were handed out. */
export async function enterPaperBallot(deps: AppDeps, ctx: RequestContext, id: string, batchId: string, body: { valid: boolean; choices: BallotChoice[] }) {
  const e = await managed(deps.db, ctx.actor, id);
  await forbidNonTeller(deps.db, e, ctx.actor.userId);
  requirePhase(e, 'counting');
  const batch = (await repo.batchesOf(deps.db, e.id)).find((b) => b.id === batchId);
  if (!batch) throw notFound();
  const choices = body.valid ? await checkedChoices(deps.db, e, body.choices) : [];
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.bumpBatch(trx, batch.id))) throw conflict('election_batch_full');
    if ((await repo.countWhere(trx, 'election_ballots', e.id)) >= (await repo.countWhere(trx, 'election_roll', e.id))) throw conflict('election_paper_exceeds_roll');
    await repo.insertBallot(trx, { id: randomUUID(), election_id: e.id, valid: body.valid ? 1 : 0, marks: JSON.stringify(choices) });
    // The audit says that a ballot was entered into which batch, not what it said.
    await recordAudit(trx, ctx, deps.clock, { action: 'election.paper_ballot_entered', targetType: 'election_batch', targetId: batch.id, communityId: e.community_id, scopePath: e.community_path, after: { entered: batch.entered + 1 } });
    return { id: batch.id, label: batch.label, ballotCount: batch.ballot_count, entered: batch.entered + 1, tellerName: batch.teller_name };
  });
}

/** The box as observers may list it once voting has closed: random ids and content, nothing about who. */
export async function ballotBox(deps: AppDeps, actor: Actor, id: string) {
  const e = await viewable(deps.db, actor, id);
  if (!reached(e, 'counting')) throw conflict('wrong_phase', { phase: e.phase });
  const ballots = await repo.ballotsOf(deps.db, e.id);
  return { items: ballots.map((b) => ({ id: b.id, valid: b.valid === 1, choices: JSON.parse(b.marks) as BallotChoice[] })), total: ballots.length };
}

/** The tally from the box and the roll as they stand (frozen once published). */
export async function computeTally(deps: AppDeps, e: repo.ElectionRow): Promise<ElectionTally> {
  if (e.tally_json) return electionTally.parse(JSON.parse(e.tally_json));
  const [voters, roll, ballots, candidates] = await Promise.all([repo.votersOf(deps.db, e.id), repo.rollOf(deps.db, e.id), repo.ballotsOf(deps.db, e.id), repo.candidatesOf(deps.db, e.id)]);
  return countBallots({
    registered: new Set(voters.map((v) => unitKeyOf(e, v))).size,
    voted: roll.length,
    seats: seatsOf(e),
    candidates: candidates.map((c) => ({ id: c.id, post: c.post as ElectionPost, name: c.name })),
    ballots: ballots.map((b) => ({ valid: b.valid === 1, choices: JSON.parse(b.marks) as BallotChoice[] })),
  });
}

export async function tally(deps: AppDeps, actor: Actor, id: string): Promise<ElectionTally> {
  const e = await viewable(deps.db, actor, id);
  if (!reached(e, 'counting')) throw conflict('wrong_phase', { phase: e.phase });
  return computeTally(deps, e);
}

/** Publish the result: every batch entered, the tally frozen, a further round recorded when seats stay empty. */
export async function publishResult(deps: AppDeps, ctx: RequestContext, id: string): Promise<ElectionTally> {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'counting');
  const batches = await repo.batchesOf(deps.db, e.id);
  if (batches.some((b) => b.entered < b.ballot_count)) throw conflict('election_batches_incomplete');
  // A box may come back with fewer ballots than were handed out, but not with none entered at all: that is a
  // count that forgot the paper ballots, while the roll (and so the quorum) counts their voters.
  const paperIssued = await repo.countWhere(deps.db, 'election_roll', e.id, { column: 'channel', value: 'paper' });
  if (paperIssued > 0 && batches.length === 0) throw conflict('election_paper_not_entered', { issued: paperIssued });
  const result = await computeTally(deps, e);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const ok = await repo.movePhase(trx, e.id, 'counting', { phase: 'published', tally_json: JSON.stringify(result), result_published_at: now, further_round_needed: result.furtherRoundNeeded ? 1 : 0, updated_at: now });
    if (!ok) throw conflict('election_phase_order');
    await recordAudit(trx, ctx, deps.clock, { action: 'election.result_published', targetType: 'election', targetId: e.id, communityId: e.community_id, scopePath: e.community_path, before: { phase: 'counting' }, after: { phase: 'published', tally: result } });
  });
  return result;
}

/** After the result and election day: the elected take their posts for five years, the previous posts end. */
export async function recordTerms(deps: AppDeps, ctx: RequestContext, id: string, organisationId: string) {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'published');
  if (localDate(deps.clock.now()) < e.election_day) throw conflict('election_terms_too_early', { electionDay: e.election_day });
  const result = await computeTally(deps, e);
  const elected = result.posts.flatMap((p) => p.candidates.filter((c) => c.elected).map((c) => ({ post: p.post, ...c })));
  if (elected.length === 0) throw conflict('election_not_elected');
  const candidates = await repo.candidatesOf(deps.db, e.id);
  const voters = await repo.votersOf(deps.db, e.id, true);
  const people = elected.map((c) => {
    const voter = voters.find((v) => v.id === candidates.find((k) => k.id === c.candidateId)?.voter_id);
    return { post: c.post, name: c.name, residentId: voter?.resident_id ?? null, userId: voter?.resident_id ? null : (voter?.user_id ?? null) };
  });
  const termStartOn = e.election_day;
  const termEndOn = addYears(termStartOn, TERM_YEARS);
  const outcome = await recordTermsInRegisters(deps, ctx, { communityId: e.community_id, organisationId, termStartOn, termEndOn, previousEndOn: addDays(termStartOn, -1), people });
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.movePhase(trx, e.id, 'published', { phase: 'terms_recorded', organisation_id: organisationId, terms_recorded_at: now, updated_at: now }))) throw conflict('election_phase_order');
    await recordAudit(trx, ctx, deps.clock, { action: 'election.terms_recorded', targetType: 'election', targetId: e.id, communityId: e.community_id, scopePath: e.community_path, after: { organisationId, termStartOn, termEndOn, ...outcome } });
  });
  return { organisationId, termStartOn, termEndOn, ...outcome };
}

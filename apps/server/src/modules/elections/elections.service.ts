import type { CreateElectionBody, ElectionDetail, ElectionPhase, ElectionSummary } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/app-error.js';
import { addYears, iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { findPlace } from '../places/places.repository.js';
import { communityStaff } from '../users/users.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { managesIn, tellerRoles, viewPrefixes, viewsIn } from './elections.policy.js';
import * as repo from './elections.repository.js';
import { nextPhaseOf, summaryOf, unitKeyOf } from './elections.views.js';

/**
 * The election and its phases. Each step is checked here against the election's dates and state; the phase moves
 * only from the one expected, so two clerks pressing "next" at once move it once.
 */

/** The election if the actor reads elections of its community; 404 otherwise. */
export async function viewable(db: Db, actor: Actor, id: string): Promise<repo.ElectionRow> {
  const e = await repo.findElection(db, id);
  if (!e || !viewsIn(actor, e.community_path)) throw notFound();
  return e;
}

/** The election if the actor runs elections in its community; 404 otherwise. */
export async function managed(db: Db, actor: Actor, id: string): Promise<repo.ElectionRow> {
  const e = await repo.findElection(db, id);
  if (!e || !managesIn(actor, e.community_path)) throw notFound();
  return e;
}

/** A stable error unless the election is in one of `phases`. */
export function requirePhase(e: { phase: string }, ...phases: ElectionPhase[]): void {
  if (!phases.includes(e.phase as ElectionPhase)) throw conflict('wrong_phase', { phase: e.phase, expected: phases });
}

export async function listElections(deps: AppDeps, actor: Actor, communityId?: string): Promise<{ items: ElectionSummary[] }> {
  return { items: (await repo.listElections(deps.db, viewPrefixes(actor), communityId)).map(summaryOf) };
}

/** Who may be named a teller of a community's election: its office's active staff accounts (the rule createElection checks). */
export async function tellerOptions(deps: AppDeps, actor: Actor, communityId: string) {
  const c = await findPlace(deps.db, communityId);
  if (!c || c.kind !== 'community' || !managesIn(actor, c.path)) throw new AppError('not_found', 404, { field: 'communityId' });
  const staff = (await communityStaff(deps.db, c.id)).filter((s) => tellerRoles.includes(s.role as (typeof tellerRoles)[number]));
  // One option per account, whichever office roles it holds.
  return { items: [...new Map(staff.map((s) => [s.userId, { userId: s.userId, displayName: s.displayName }])).values()] };
}

export async function createElection(deps: AppDeps, ctx: RequestContext, body: CreateElectionBody): Promise<ElectionDetail> {
  const c = await findPlace(deps.db, body.communityId);
  if (!c || c.kind !== 'community' || !managesIn(ctx.actor, c.path)) throw new AppError('not_found', 404, { field: 'communityId' });
  // Online voting ends by the end of election day (China Standard Time).
  if (localDate(new Date(body.votingClosesAt)) > body.electionDay) throw badRequest('election_dates_invalid', { field: 'votingClosesAt' });
  const tellers = [...new Set(body.tellerUserIds)];
  const staff = await repo.staffOfCommunity(deps.db, tellers, c.path, tellerRoles);
  if (new Set(staff.map((s) => s.user_id)).size !== tellers.length) throw badRequest('election_teller_invalid', { field: 'tellerUserIds' });
  const linked = body.committee.flatMap((m) => (m.residentId ? [m.residentId] : []));
  const residents = await repo.residentsInCommunity(deps.db, linked);
  if (residents.filter((r) => r.community_id === c.id).length !== new Set(linked).size) throw new AppError('not_found', 404, { field: 'committee' });
  const now = iso(deps.clock.now());
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertElection(trx, {
      id,
      community_id: c.id,
      title: body.title,
      voting_unit: body.votingUnit,
      election_day: body.electionDay,
      voting_opens_at: new Date(body.votingOpensAt).toISOString(),
      voting_closes_at: new Date(body.votingClosesAt).toISOString(),
      notice_days: body.noticeDays,
      seats_chair: body.seats.chair,
      seats_vice_chair: body.seats.vice_chair,
      seats_member: body.seats.member,
      phase: 'preparation',
      list_published_on: null,
      tally_json: null,
      result_published_at: null,
      further_round_needed: 0,
      organisation_id: null,
      terms_recorded_at: null,
      created_by: ctx.actor.userId!,
      created_at: now,
      updated_at: now,
    });
    await repo.insertCommittee(trx, body.committee.map((m, i) => ({ id: newId(), election_id: id, name: m.name, resident_id: m.residentId ?? null, is_chair: m.chair ? 1 : 0, position: i + 1 })));
    await repo.insertTellers(trx, id, tellers);
    await recordAudit(trx, ctx, deps.clock, { action: 'election.created', targetType: 'election', targetId: id, communityId: c.id, scopePath: c.path, after: { ...body } });
  });
  return electionDetail(deps, ctx.actor, id);
}

export async function electionDetail(deps: AppDeps, actor: Actor, id: string): Promise<ElectionDetail> {
  const e = await viewable(deps.db, actor, id);
  const [committee, tellers, voters, openObjections, candidates, proxies, roll, ballots] = await Promise.all([
    repo.committeeOf(deps.db, id),
    repo.tellersOf(deps.db, id),
    repo.votersOf(deps.db, id),
    repo.countWhere(deps.db, 'election_objections', id, { column: 'status', value: 'open' }),
    repo.countWhere(deps.db, 'election_candidates', id),
    repo.countWhere(deps.db, 'election_proxies', id),
    repo.rollOf(deps.db, id),
    repo.countWhere(deps.db, 'election_ballots', id),
  ]);
  return {
    ...summaryOf(e),
    committee: committee.map((m) => ({ id: m.id, name: m.name, residentId: m.resident_id, chair: m.is_chair === 1 })),
    tellers: tellers.map((t) => ({ userId: t.user_id, name: t.display_name })),
    counts: {
      voters: voters.length,
      units: new Set(voters.map((v) => unitKeyOf(e, v))).size,
      openObjections,
      candidates,
      proxies,
      voted: roll.length,
      paperIssued: roll.filter((r) => r.channel === 'paper').length,
      ballots,
    },
    organisationId: e.organisation_id,
    termsRecordedAt: e.terms_recorded_at,
    nextPhase: e.phase === 'published' ? null : nextPhaseOf(e.phase),
  };
}

/** Check the step into `to` against the election's dates and state; throws the stable error that blocks it. */
async function checkStep(deps: AppDeps, e: repo.ElectionRow, to: ElectionPhase, now: Date): Promise<void> {
  const today = localDate(now);
  if (to === 'list_notice') {
    if ((await repo.countWhere(deps.db, 'election_voters', e.id, { column: 'removed_at', value: null })) === 0) throw conflict('election_no_voters');
    // Posted at least `notice_days` before election day: today + notice_days ≤ election day.
    if (addDays(today, e.notice_days) > e.election_day) throw conflict('election_notice_too_late', { noticeDays: e.notice_days, electionDay: e.election_day });
  }
  if (to === 'voting') {
    if ((await repo.countWhere(deps.db, 'election_objections', e.id, { column: 'status', value: 'open' })) > 0) throw conflict('election_objections_open');
    const candidates = await repo.candidatesOf(deps.db, e.id);
    const short = (['chair', 'vice_chair', 'member'] as const).filter((p) => candidates.filter((c) => c.post === p).length < seatsOf(e)[p]);
    if (short.length > 0) throw conflict('election_candidates_short', { posts: short });
    if (now.getTime() < Date.parse(e.voting_opens_at)) throw conflict('election_window_not_open', { opensAt: e.voting_opens_at });
  }
  if (to === 'counting' && now.getTime() < Date.parse(e.voting_closes_at)) throw conflict('election_window_not_closed', { closesAt: e.voting_closes_at });
  if (to === 'published' || to === 'terms_recorded') throw conflict('election_phase_order', { use: to === 'published' ? 'publish' : 'terms' });
}

export const seatsOf = (e: repo.ElectionRow) => ({ chair: e.seats_chair, vice_chair: e.seats_vice_chair, member: e.seats_member });

/** `YYYY-MM-DD` plus days. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export { addYears };

export async function advancePhase(deps: AppDeps, ctx: RequestContext, id: string, to: ElectionPhase): Promise<ElectionDetail> {
  const e = await managed(deps.db, ctx.actor, id);
  if (nextPhaseOf(e.phase) !== to) throw conflict('election_phase_order', { phase: e.phase, to });
  const now = deps.clock.now();
  await checkStep(deps, e, to, now);
  await deps.db.transaction().execute(async (trx) => {
    const patch = { phase: to, updated_at: iso(now), ...(to === 'list_notice' ? { list_published_on: localDate(now) } : {}) };
    if (!(await repo.movePhase(trx, e.id, e.phase, patch))) throw conflict('election_phase_order', { phase: e.phase, to });
    if (to === 'counting') await reshuffleBox(trx, e.id);
    await recordAudit(trx, ctx, deps.clock, { action: 'election.phase_changed', targetType: 'election', targetId: e.id, communityId: e.community_id, scopePath: e.community_path, before: { phase: e.phase }, after: { phase: to } });
  });
  return electionDetail(deps, ctx.actor, id);
}

/**
 * Rewrite the ballot box in random-id order when voting closes. On PostgreSQL this replaces the heap order (the
 * order online ballots arrived in) and each row's xmin (shared with its roll entry's transaction) by one new
 * transaction's; on SQLite the WITHOUT ROWID table is already kept in key order, so this changes nothing there.
 */
async function reshuffleBox(trx: Db, electionId: string): Promise<void> {
  const ballots = await repo.ballotsOf(trx, electionId);
  await repo.deleteBallots(trx, electionId);
  await repo.insertBallots(trx, ballots);
}

import { randomUUID } from 'node:crypto';
import { type BallotBlocker, type BallotChoice, type MyElectionView, type OnlineBallotBody } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { ElectionVotersTable } from '../../db/election-tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, conflict } from '../../lib/app-error.js';
import { localDate } from '../../lib/clock.js';
import { communityPrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { candidateView } from './candidates.service.js';
import { managed, requirePhase, seatsOf } from './elections.service.js';
import * as repo from './elections.repository.js';
import { buildingNamer, reached, summaryOf, unitKeyOf } from './elections.views.js';
import { objectionView } from './objections.service.js';
import { participantIn } from './participants.js';

/**
 * Casting votes. The roll (who voted, by which channel, on which date) and the ballot (what, under a random id,
 * with no voter, household, account, channel or time) are written in one transaction; the roll's key (election,
 * voting unit) makes a second vote of the same voter or household fail, and with it the ballot. No audit entry
 * carries a ballot's content or id, and no response returns a ballot's id to the voter.
 */

type Election = repo.ElectionRow;

/** Check marks against the candidates and seats: each post once, at most its seats, only its own candidates. */
export async function checkedChoices(db: Db, e: Election, choices: BallotChoice[]): Promise<BallotChoice[]> {
  const candidates = await repo.candidatesOf(db, e.id);
  const seats = seatsOf(e);
  const bad = () => new AppError('election_ballot_invalid', 400, { field: 'choices' });
  const posts = new Set<string>();
  for (const c of choices) {
    if (posts.has(c.post) || seats[c.post] === 0) throw bad();
    posts.add(c.post);
    const ids = new Set(c.candidateIds);
    const names = new Set(c.writeIns);
    if (ids.size !== c.candidateIds.length || names.size !== c.writeIns.length || ids.size + names.size > seats[c.post]) throw bad();
    if (c.candidateIds.some((id) => !candidates.some((k) => k.id === id && k.post === c.post))) throw bad();
  }
  return choices.filter((c) => c.candidateIds.length + c.writeIns.length > 0);
}

async function myState(deps: AppDeps, actor: Actor, id: string) {
  const p = await participantIn(deps, actor, id);
  const { e, voter } = p;
  const [roll, proxies] = await Promise.all([repo.rollOf(deps.db, e.id), repo.proxiesOf(deps.db, e.id)]);
  const unitVoted = voter ? roll.some((r) => r.unit_key === unitKeyOf(e, voter)) : false;
  const selfVoted = voter ? roll.some((r) => r.voter_id === voter.id) : false;
  const gaveProxy = voter ? proxies.some((p) => p.grantor_voter_id === voter.id) : false;
  const now = deps.clock.now().getTime();
  let blocker: BallotBlocker | null = null;
  if (!voter) blocker = 'not_registered';
  else if (selfVoted) blocker = 'already_voted';
  else if (unitVoted) blocker = 'household_voted';
  else if (gaveProxy) blocker = 'proxy_given';
  else if (e.voting_unit === 'household' && voter.household_id && voter.is_representative !== 1) blocker = 'not_representative';
  else if (e.phase !== 'voting') blocker = 'not_voting';
  else if (now < Date.parse(e.voting_opens_at) || now >= Date.parse(e.voting_closes_at)) blocker = 'window_closed';
  return { ...p, roll, proxies, unitVoted, selfVoted, blocker };
}

export async function myElection(deps: AppDeps, actor: Actor, id: string): Promise<MyElectionView> {
  const s = await myState(deps, actor, id);
  const { e, voter } = s;
  const voters = await repo.votersOf(deps.db, e.id);
  const held = voter ? s.proxies.filter((p) => p.holder_voter_id === voter.id) : [];
  const name = buildingNamer(await repo.buildingsOf(deps.db, e.community_id));
  return {
    election: summaryOf(e),
    registered: voter !== undefined,
    voter: voter ? { id: voter.id, name: voter.name, buildingName: name(voter.place_path), representative: voter.is_representative === 1, basis: voter.basis as 'household_register' } : null,
    voted: s.selfVoted,
    householdVoted: s.unitVoted,
    canVote: s.blocker === null,
    blocker: s.blocker,
    candidates: reached(e, 'voting') ? (await repo.candidatesOf(deps.db, e.id)).map(candidateView) : [],
    proxiesHeld: held.map((p) => {
      const g = voters.find((v) => v.id === p.grantor_voter_id);
      return { voterId: p.grantor_voter_id, name: g?.name ?? '', voted: g ? s.roll.some((r) => r.unit_key === unitKeyOf(e, g)) : false };
    }),
    myObjections: (await repo.objectionsOf(deps.db, e.id, actor.userId!)).map(objectionView),
  };
}

/** Elections of the communities the actor lives or works in, once their voter list is posted. */
export async function myElections(deps: AppDeps, actor: Actor) {
  const items = await repo.electionsForAccount(deps.db, actor.userId!, communityPrefixes(actor));
  return { items: items.filter((e) => reached(e, 'list_notice')).map(summaryOf) };
}

const blockerErrors: Record<BallotBlocker, () => AppError> = {
  not_registered: () => new AppError('election_not_registered', 403),
  not_voting: () => conflict('wrong_phase'),
  window_closed: () => conflict('election_window_closed'),
  already_voted: () => conflict('election_already_voted'),
  household_voted: () => conflict('election_household_voted'),
  not_representative: () => new AppError('election_not_representative', 403),
  proxy_given: () => conflict('election_proxy_given'),
};

/** Write a roll entry and (optionally) its ballot in one transaction; a second vote of the unit fails whole. */
async function writeVote(trx: Db, e: Election, target: ElectionVotersTable, channel: 'online' | 'paper', byProxy: boolean, today: string, choices: BallotChoice[] | null): Promise<void> {
  await repo.insertRoll(trx, { election_id: e.id, unit_key: unitKeyOf(e, target), voter_id: target.id, channel, by_proxy: byProxy ? 1 : 0, voted_on: today });
  if (choices) await repo.insertBallot(trx, { id: randomUUID(), election_id: e.id, valid: 1, marks: JSON.stringify(choices) });
}

export async function castOnline(deps: AppDeps, ctx: RequestContext, id: string, body: OnlineBallotBody) {
  const s = await myState(deps, ctx.actor, id);
  const { e } = s;
  let target = s.voter;
  if (body.forVoterId) {
    // Voting as a proxy holder: the written proxy names me as holder of this grantor.
    if (!s.voter || !s.proxies.some((p) => p.holder_voter_id === s.voter!.id && p.grantor_voter_id === body.forVoterId)) throw new AppError('not_found', 404, { field: 'forVoterId' });
    target = await repo.findVoter(deps.db, e.id, body.forVoterId);
    if (!target || target.removed_at) throw new AppError('not_found', 404, { field: 'forVoterId' });
    if (s.roll.some((r) => r.unit_key === unitKeyOf(e, target!))) throw conflict('election_already_voted');
    if (e.phase !== 'voting') throw conflict('wrong_phase');
    const now = deps.clock.now().getTime();
    if (now < Date.parse(e.voting_opens_at) || now >= Date.parse(e.voting_closes_at)) throw conflict('election_window_closed');
  } else if (s.blocker) {
    throw blockerErrors[s.blocker]();
  }
  const choices = await checkedChoices(deps.db, e, body.choices);
  const today = localDate(deps.clock.now());
  try {
    await deps.db.transaction().execute(async (trx) => {
      await writeVote(trx, e, target!, 'online', body.forVoterId !== undefined, today, choices);
      await recordAudit(trx, ctx, deps.clock, { action: 'election.voted', targetType: 'election', targetId: e.id, communityId: e.community_id, scopePath: e.community_path, after: { channel: 'online', byProxy: body.forVoterId !== undefined } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(e.voting_unit === 'household' && target!.household_id ? 'election_household_voted' : 'election_already_voted');
    throw err;
  }
  return { recorded: true as const, votedOn: today };
}

/** At the polling station: the voter (or a proxy holder for them) signs the roll and takes a paper ballot. */
export async function issuePaperBallot(deps: AppDeps, ctx: RequestContext, id: string, body: { voterId: string; byProxy: boolean }) {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'voting');
  const v = await repo.findVoter(deps.db, e.id, body.voterId);
  if (!v || v.removed_at) throw new AppError('not_found', 404, { field: 'voterId' });
  const proxy = (await repo.proxiesOf(deps.db, e.id)).find((p) => p.grantor_voter_id === v.id);
  if (body.byProxy && !proxy) throw new AppError('election_proxy_invalid', 400, { field: 'byProxy' });
  if (!body.byProxy && proxy) throw conflict('election_proxy_given');
  if (e.voting_unit === 'household' && v.household_id && v.is_representative !== 1) throw new AppError('election_not_representative', 400, { field: 'voterId' });
  const today = localDate(deps.clock.now());
  try {
    await deps.db.transaction().execute(async (trx) => {
      await writeVote(trx, e, v, 'paper', body.byProxy, today, null);
      await recordAudit(trx, ctx, deps.clock, { action: 'election.paper_ballot_issued', targetType: 'election_voter', targetId: v.id, communityId: e.community_id, scopePath: e.community_path, after: { electionId: e.id, byProxy: body.byProxy } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(e.voting_unit === 'household' && v.household_id ? 'election_household_voted' : 'election_already_voted');
    throw err;
  }
  return { voterId: v.id, channel: 'paper' as const, byProxy: body.byProxy, votedOn: today };
}

export const forbidNonTeller = async (db: Db, e: Election, userId: string | null): Promise<void> => {
  if (!userId || !(await repo.tellersOf(db, e.id)).some((t) => t.user_id === userId)) throw new AppError('election_not_teller', 403);
};

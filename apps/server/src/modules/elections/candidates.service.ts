import { findPersonalData, PROXY_LIMIT, type CandidateView, type ElectionPost, type ProxyView } from '@gongzhi/shared';
import type { ElectionCandidatesTable, ElectionProxiesTable } from '../../db/election-tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest, conflict } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { managed, requirePhase, seatsOf, viewable } from './elections.service.js';
import * as repo from './elections.repository.js';
import { unitKeyOf } from './elections.views.js';

/** Candidates per post (registered voters, with a short statement) and written proxies (委托投票). */

export const candidateView = (c: ElectionCandidatesTable): CandidateView => ({ id: c.id, post: c.post as ElectionPost, voterId: c.voter_id, name: c.name, statement: c.statement });

export async function listCandidates(deps: AppDeps, actor: Actor, id: string) {
  const e = await viewable(deps.db, actor, id);
  return { items: (await repo.candidatesOf(deps.db, e.id)).map(candidateView) };
}

export async function addCandidate(deps: AppDeps, ctx: RequestContext, id: string, body: { post: ElectionPost; voterId: string; statement: string }): Promise<CandidateView> {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'candidates');
  if (seatsOf(e)[body.post] === 0) throw new AppError('validation_failed', 400, [{ field: 'post', message: 'no seats for this post' }]);
  // The statement goes on the portal and the posted list as written.
  const findings = findPersonalData(body.statement);
  if (findings.length > 0) throw badRequest('election_personal_data', { field: 'statement', findings });
  const v = await repo.findVoter(deps.db, e.id, body.voterId);
  if (!v || v.removed_at) throw new AppError('not_found', 404, { field: 'voterId' });
  const row: ElectionCandidatesTable = { id: newId(), election_id: e.id, post: body.post, voter_id: v.id, name: v.name, statement: body.statement, created_at: iso(deps.clock.now()) };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertCandidate(trx, row);
      await recordAudit(trx, ctx, deps.clock, { action: 'election.candidate_added', targetType: 'election_candidate', targetId: row.id, communityId: e.community_id, scopePath: e.community_path, after: { electionId: e.id, post: row.post, name: row.name } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('election_candidate_exists');
    throw err;
  }
  return candidateView(row);
}

export async function listProxies(deps: AppDeps, actor: Actor, id: string): Promise<{ items: ProxyView[] }> {
  const e = await viewable(deps.db, actor, id);
  const [proxies, voters, roll] = await Promise.all([repo.proxiesOf(deps.db, e.id), repo.votersOf(deps.db, e.id, true), repo.rollOf(deps.db, e.id)]);
  const byId = new Map(voters.map((v) => [v.id, v]));
  const voted = new Set(roll.filter((r) => r.by_proxy === 1).map((r) => r.voter_id));
  return {
    items: proxies.map((p) => ({ id: p.id, grantorVoterId: p.grantor_voter_id, grantorName: byId.get(p.grantor_voter_id)?.name ?? '', holderVoterId: p.holder_voter_id, holderName: byId.get(p.holder_voter_id)?.name ?? '', reference: p.reference, used: voted.has(p.grantor_voter_id) })),
  };
}

/**
 * Record a written proxy. The grantor (in household mode, the household's representative) and the holder are
 * different registered voters; a holder carries at most PROXY_LIMIT proxies and cannot themselves have given one;
 * a grantor gives one proxy, and only before their unit has voted.
 */
export async function recordProxy(deps: AppDeps, ctx: RequestContext, id: string, body: { grantorVoterId: string; holderVoterId: string; reference: string }): Promise<ProxyView> {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'candidates', 'voting');
  const [grantor, holder] = await Promise.all([repo.findVoter(deps.db, e.id, body.grantorVoterId), repo.findVoter(deps.db, e.id, body.holderVoterId)]);
  if (!grantor || grantor.removed_at) throw new AppError('not_found', 404, { field: 'grantorVoterId' });
  if (!holder || holder.removed_at) throw new AppError('not_found', 404, { field: 'holderVoterId' });
  const invalid = () => new AppError('election_proxy_invalid', 400, { field: 'holderVoterId' });
  if (grantor.id === holder.id) throw invalid();
  if (e.voting_unit === 'household' && grantor.household_id && grantor.is_representative !== 1) throw new AppError('election_not_representative', 400, { field: 'grantorVoterId' });
  const row: ElectionProxiesTable = { id: newId(), election_id: e.id, grantor_voter_id: grantor.id, holder_voter_id: holder.id, reference: body.reference, recorded_by: ctx.actor.userId!, created_at: iso(deps.clock.now()) };
  try {
    await deps.db.transaction().execute(async (trx) => {
      const proxies = await repo.proxiesOf(trx, e.id);
      if (proxies.some((p) => p.grantor_voter_id === grantor.id)) throw conflict('election_proxy_exists');
      if (proxies.some((p) => p.grantor_voter_id === holder.id || p.holder_voter_id === grantor.id)) throw invalid();
      if (proxies.filter((p) => p.holder_voter_id === holder.id).length >= PROXY_LIMIT) throw conflict('election_proxy_limit', { limit: PROXY_LIMIT });
      if (await repo.rollEntry(trx, e.id, unitKeyOf(e, grantor))) throw conflict('election_already_voted');
      await repo.insertProxy(trx, row);
      await recordAudit(trx, ctx, deps.clock, { action: 'election.proxy_recorded', targetType: 'election_proxy', targetId: row.id, communityId: e.community_id, scopePath: e.community_path, after: { electionId: e.id, grantorVoterId: grantor.id, holderVoterId: holder.id, reference: row.reference } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('election_proxy_exists');
    throw err;
  }
  return { id: row.id, grantorVoterId: grantor.id, grantorName: grantor.name, holderVoterId: holder.id, holderName: holder.name, reference: row.reference, used: false };
}

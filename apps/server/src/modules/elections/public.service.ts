import { maskPersonName, type PublicElectionView, type PublicVoterList } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../lib/app-error.js';
import { findPlace } from '../places/places.repository.js';
import { computeTally } from './count.service.js';
import * as repo from './elections.repository.js';
import { buildingNamer, reached, summaryOf, unitKeyOf } from './elections.views.js';

/**
 * What the public reads without a login: the notice (committee, dates), the posted voter list grouped by
 * building, the candidates once voting opens, and the published tally. Every person's name is masked ("张*").
 * Nothing is shown before the voter list is posted.
 */

async function postedElection(deps: AppDeps, id: string): Promise<repo.ElectionRow> {
  const e = await repo.findElection(deps.db, id);
  if (!e || !reached(e, 'list_notice')) throw notFound();
  return e;
}

export async function publicElections(deps: AppDeps, communityId: string) {
  const c = await findPlace(deps.db, communityId);
  if (!c || c.kind !== 'community') throw notFound();
  return { items: (await repo.listElections(deps.db, [c.path], c.id)).filter((e) => reached(e, 'list_notice')).map(summaryOf) };
}

export async function publicElection(deps: AppDeps, id: string): Promise<PublicElectionView> {
  const e = await postedElection(deps, id);
  const [committee, candidates] = await Promise.all([repo.committeeOf(deps.db, e.id), reached(e, 'voting') ? repo.candidatesOf(deps.db, e.id) : Promise.resolve([])]);
  const tally = reached(e, 'published') ? await computeTally(deps, e) : null;
  return {
    ...summaryOf(e),
    committee: committee.map((m) => ({ name: maskPersonName(m.name), chair: m.is_chair === 1 })),
    candidates: candidates.map((c) => ({ id: c.id, post: c.post as 'chair', name: maskPersonName(c.name), statement: c.statement })),
    tally: tally && { ...tally, posts: tally.posts.map((p) => ({ ...p, candidates: p.candidates.map((c) => ({ ...c, name: maskPersonName(c.name) })) })) },
  };
}

export async function publicVoterList(deps: AppDeps, id: string): Promise<PublicVoterList> {
  const e = await postedElection(deps, id);
  const [voters, buildings] = await Promise.all([repo.votersOf(deps.db, e.id), repo.buildingsOf(deps.db, e.community_id)]);
  const name = buildingNamer(buildings);
  const groups = new Map<string | null, string[]>();
  for (const v of voters) {
    const b = name(v.place_path);
    groups.set(b, [...(groups.get(b) ?? []), maskPersonName(v.name)]);
  }
  return {
    total: voters.length,
    units: new Set(voters.map((v) => unitKeyOf(e, v))).size,
    buildings: [...groups.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh-CN', { numeric: true })))
      .map(([buildingName, names]) => ({ buildingName, count: names.length, names })),
  };
}

import type { PublicCovenantView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../lib/app-error.js';
import * as repo from './covenant.repository.js';

/** What the public portal shows of a published covenant: the adopted text and its provenance, no names. */
export async function publicCovenant(deps: AppDeps, id: string): Promise<PublicCovenantView> {
  const c = await repo.findCovenant(deps.db, id);
  if (!c || !c.published_at || !c.adopted_version_id) throw notFound();
  const [version, articles, votes, counts] = await Promise.all([
    repo.findVersion(deps.db, c.adopted_version_id),
    repo.listArticles(deps.db, c.adopted_version_id),
    repo.listVotes(deps.db, c.id),
    repo.pledgeCounts(deps.db, c.id, c.community_id),
  ]);
  const adoption = votes.filter((v) => v.result === 'adopted' && v.version_id === c.adopted_version_id).at(-1);
  return {
    id: c.id,
    communityName: c.community_name,
    title: c.title,
    versionNumber: version?.number ?? 0,
    articles: articles.map((a) => ({ chapterNumber: a.chapter_number, chapterTitle: a.chapter_title, number: a.number, body: a.body })),
    adoptedAt: adoption?.decided_at ?? null,
    meetingKind: adoption?.meeting_kind ?? null,
    filedOn: c.filed_on,
    filingReference: c.filing_reference,
    publishedAt: c.published_at,
    pledged: counts.pledged,
    households: counts.households,
  };
}

export async function publicCovenantsOf(deps: AppDeps, communityId: string) {
  const rows = await repo.publishedCovenants(deps.db, communityId);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, publishedAt: r.published_at ?? '' })) };
}

import { maskPersonalData, maskPersonName, perMille, reviewResult, type PublicReviewList, type ReviewLevel, type ReviewResults, type ReviewSubjectResult } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './reviews.repository.js';
import { visibleRound } from './reviews.service.js';
import { isLevel, subjectView, summaries } from './reviews.views.js';

/**
 * Results: per subject the counts and shares of each level over the forms that rated it, the result by the rule
 * in `reviewResult`, and the flag for a member judged unfit here and in the community's previous published round.
 */

type Tally = Omit<ReviewSubjectResult, 'flagged' | 'comments'> & { residentId: string | null; comments: string[] };

async function tally(db: Db, roundId: string): Promise<Tally[]> {
  const [subjects, counts, comments] = await Promise.all([repo.subjectsOf(db, [roundId]), repo.levelCounts(db, roundId), repo.commentsOf(db, roundId)]);
  return subjects.map((s) => {
    const c: Record<ReviewLevel, number> = { good: 0, fair: 0, poor: 0 };
    for (const row of counts) if (row.subject_id === s.id && isLevel(row.level)) c[row.level] = Number(row.n);
    const rated = c.good + c.fair + c.poor;
    return {
      ...subjectView(s),
      residentId: s.resident_id,
      counts: c,
      rated,
      shares: { good: perMille(c.good, rated), fair: perMille(c.fair, rated), poor: perMille(c.poor, rated) },
      result: reviewResult(c),
      // Personal numbers are masked wherever a comment is shown, staff included.
      comments: comments.filter((x) => x.subject_id === s.id && x.comment !== null).map((x) => maskPersonalData(x.comment!)),
    };
  });
}

/** The same person in two rounds: by resident record when both have one, else by name and post. */
const samePerson = (a: Tally, b: Tally): boolean => (a.residentId && b.residentId ? a.residentId === b.residentId : a.name === b.name && a.post === b.post);

async function resultsOf(db: Db, r: repo.RoundRow): Promise<{ subjects: (Tally & { flagged: boolean })[]; previous: repo.RoundRow | undefined }> {
  const now = await tally(db, r.id);
  const previous = await repo.previousPublishedRound(db, r.community_id, r.opens_at, r.id);
  const before = previous ? (await tally(db, previous.id)).filter((s) => s.kind === 'member' && s.result === 'poor') : [];
  const subjects = now.map((s) => ({ ...s, flagged: s.kind === 'member' && s.result === 'poor' && before.some((b) => samePerson(s, b)) }));
  return { subjects, previous };
}

const strip = ({ residentId: _r, ...s }: Tally & { flagged: boolean }): ReviewSubjectResult => s;

/** Staff read the results once the round is closed; comments always (masked). */
export async function staffResults(deps: AppDeps, actor: Actor, id: string): Promise<ReviewResults> {
  const r = await visibleRound(deps.db, actor, id);
  if (r.status !== 'closed' && r.status !== 'published') throw new AppError('review_wrong_status', 409, { status: r.status });
  const [{ subjects, previous }, [round]] = await Promise.all([resultsOf(deps.db, r), summaries(deps.db, [r])]);
  return { round: round!, subjects: subjects.map(strip), previousRound: previous ? { id: previous.id, title: previous.title, period: previous.period } : null };
}

/** A published round for anyone: members' names masked, comments only if staff chose to publish them. */
export async function publicResults(deps: AppDeps, id: string): Promise<ReviewResults> {
  const r = await repo.findRound(deps.db, id);
  if (!r || r.status !== 'published') throw notFound();
  const [{ subjects, previous }, [round]] = await Promise.all([resultsOf(deps.db, r), summaries(deps.db, [r])]);
  return {
    round: round!,
    subjects: subjects.map((s) => ({ ...strip(s), name: s.kind === 'member' ? maskPersonName(s.name) : s.name, comments: r.publish_comments === 1 ? s.comments : [] })),
    previousRound: previous ? { id: previous.id, title: previous.title, period: previous.period } : null,
  };
}

export async function publicRoundsOf(deps: AppDeps, communityId: string): Promise<PublicReviewList> {
  const c = await findPlace(deps.db, communityId);
  if (!c || c.kind !== 'community' || c.retired_at) throw notFound();
  const rows = await repo.publishedRounds(deps.db, c.id);
  const items = [];
  for (const r of rows) {
    const { subjects } = await resultsOf(deps.db, r);
    items.push({ id: r.id, title: r.title, period: r.period, publishedAt: r.published_at ?? r.updated_at, flagged: subjects.filter((s) => s.flagged).length });
  }
  return { communityName: c.name, items };
}

import { handlingStatuses, type RequestStatus, type SimilarRequest } from '@gongzhi/shared';
import { tokenize } from '../../classifier/index.js';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { findPlace, findPlacesByIds } from '../places/places.repository.js';
import { countCandidates, searchCandidates, type CandidateFilter, type CandidateRow } from './similar.repository.js';
import { cosine, DUPLICATE_SCORE, idfOf, placesCompatible, searchTerms, SIMILAR_MIN_SCORE, splitTokens, vectorOf } from './similarity.js';
import { findCategoriesByIds } from './taxonomy.repository.js';
import { covers, residentCommunityIds, similarStaffPrefixes } from './triage.policy.js';

/** Requests still being worked on or waiting for a rating: the ones a new request could duplicate. */
export const openForSimilarity: readonly RequestStatus[] = [...handlingStatuses, 'replied'];
/** How far back similar requests are looked for. */
export const SIMILAR_DAYS = 90;
/** Full-text candidates scored by cosine; bm25 / ts_rank put the likely ones first. */
const CANDIDATES = 200;

export interface FindSimilarOptions {
  /** The community searched; with `scope`, both apply. One of the two is required. */
  communityId?: string;
  /** Path prefixes (the actor's scope) the requests must lie under. */
  scope?: string[];
  /** The text typed so far (tokenised here), or tokens already at hand (a stored request's). */
  text?: string;
  tokens?: readonly string[];
  /** The new request's place: a near-duplicate must be at a compatible place (same building or above). */
  placePath?: string;
  excludeId?: string;
  limit?: number;
  /** Defaults to the current time; tests pass their clock's. */
  now?: Date;
  days?: number;
  statuses?: readonly string[];
}

/** A similar request with its cosine score; `duplicate` at or above the near-duplicate threshold. */
export interface SimilarMatch {
  id: string;
  number: string;
  title: string;
  status: RequestStatus;
  categoryId: string | null;
  placeId: string | null;
  placePath: string;
  communityId: string;
  createdAt: string;
  score: number;
  duplicate: boolean;
}

/**
 * Similar open requests, most similar first: candidates by full-text search over the text's most telling words
 * among the requests of the last 90 days in handling or replied states, then cosine over sublinear TF-IDF of
 * the jieba tokens (IDF from the searched window). Runs in the caller's transaction when given one.
 */
export async function findSimilar(db: Db, o: FindSimilarOptions): Promise<SimilarMatch[]> {
  if (!o.communityId && !o.scope) throw new Error('findSimilar needs a communityId or a scope');
  const tokens = o.tokens ? [...o.tokens] : tokenize(o.text ?? '');
  if (!tokens.length) return [];
  const now = o.now ?? new Date();
  const filter: CandidateFilter = {
    communityId: o.communityId,
    scope: o.scope,
    statuses: o.statuses ?? openForSimilarity,
    since: new Date(now.getTime() - (o.days ?? SIMILAR_DAYS) * 86_400_000).toISOString(),
    excludeId: o.excludeId,
  };
  const candidates = await searchCandidates(db, searchTerms(tokens), filter, CANDIDATES);
  if (!candidates.length) return [];
  const total = await countCandidates(db, filter);
  return rankSimilar(tokens, candidates, total, o.placePath).slice(0, o.limit ?? 5);
}

/** Score candidates against the query tokens; `total` is the window's request count for the IDF. */
export function rankSimilar(tokens: readonly string[], candidates: CandidateRow[], total: number, placePath?: string): SimilarMatch[] {
  const docs = candidates.map((c) => splitTokens(c.tokens));
  const idf = idfOf([tokens, ...docs], total + 1);
  const query = vectorOf(tokens, idf);
  const out: SimilarMatch[] = [];
  candidates.forEach((c, i) => {
    const score = cosine(query, vectorOf(docs[i]!, idf));
    if (score < SIMILAR_MIN_SCORE) return;
    out.push({
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status as RequestStatus,
      categoryId: c.category_id,
      placeId: c.place_id,
      placePath: c.place_path,
      communityId: c.community_id,
      createdAt: c.created_at,
      score: Math.round(score * 1000) / 1000,
      duplicate: score >= DUPLICATE_SCORE && (!placePath || placesCompatible(placePath, c.place_path)),
    });
  });
  // Same score: a duplicate (compatible place) first, then the newest.
  return out.sort((a, b) => b.score - a.score || Number(b.duplicate) - Number(a.duplicate) || b.createdAt.localeCompare(a.createdAt));
}

/** Names of the matches' categories and places, for the list residents and staff see while typing. */
export async function toSimilarRequests(db: Db, matches: SimilarMatch[]): Promise<SimilarRequest[]> {
  const categories = new Map((await findCategoriesByIds(db, matches.flatMap((m) => (m.categoryId ? [m.categoryId] : [])))).map((c) => [c.id, c]));
  const places = new Map((await findPlacesByIds(db, [...new Set(matches.flatMap((m) => (m.placeId ? [m.placeId] : [])))])).map((p) => [p.id, p]));
  return matches.map((m) => {
    const c = m.categoryId ? categories.get(m.categoryId) : undefined;
    return {
      id: m.id,
      number: m.number,
      title: m.title,
      status: m.status,
      categoryName: c ? { zh: c.name_zh, en: c.name_en } : null,
      placeName: (m.placeId && places.get(m.placeId)?.name) ?? null,
      score: m.score,
      duplicate: m.duplicate,
      createdAt: m.createdAt,
    };
  });
}

/**
 * Similar requests while someone types. Staff search their own scope; a resident searches the open requests of
 * their community and sees only number, title, status, category and place, never who filed them.
 */
export async function similarFor(deps: AppDeps, actor: Actor, q: { text: string; placeId?: string; excludeId?: string; limit: number }) {
  const staffScope = similarStaffPrefixes(actor);
  const place = q.placeId ? await findPlace(deps.db, q.placeId) : undefined;
  if (q.placeId && !place) throw new AppError('not_found', 404, { field: 'placeId' });
  const base = { text: q.text, excludeId: q.excludeId, limit: q.limit, now: deps.clock.now(), placePath: place?.path };
  let matches: SimilarMatch[];
  if (staffScope.length) {
    if (place && !covers(staffScope, place.path)) throw new AppError('not_found', 404, { field: 'placeId' });
    matches = await findSimilar(deps.db, { ...base, scope: staffScope, communityId: place?.community_id ?? undefined });
  } else {
    const mine = residentCommunityIds(actor);
    const communityId = place ? place.community_id : mine[0];
    if (!communityId || !mine.includes(communityId)) throw new AppError('not_found', 404, { field: 'placeId' });
    matches = await findSimilar(deps.db, { ...base, communityId });
  }
  return { items: await toSimilarRequests(deps.db, matches) };
}

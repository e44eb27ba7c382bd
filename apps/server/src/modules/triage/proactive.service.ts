import { requestStatuses, type ProactiveSuggestion } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { findPlace, findPlacesByIds } from '../places/places.repository.js';
import { clusterRequests } from './proactive.js';
import { requestsOutsideCases } from './similar.repository.js';
import { findCategoriesByIds } from './taxonomy.repository.js';
import { analystPrefixes } from './triage.policy.js';

/** Merged and withdrawn requests are not problems of their own; everything else in the window counts. */
const clusteredStatuses = requestStatuses.filter((s) => s !== 'merged' && s !== 'withdrawn');
/** The newest requests of the window read; bounds the work for a subdistrict with a busy month. */
const MAX_REQUESTS = 5000;

/**
 * The community's (or the actor's scope's) hotspots of the last `days` days: clusters of at least `min`
 * requests not yet in a proactive case, as suggestions to open one.
 */
export async function proactiveSuggestionsFor(deps: AppDeps, actor: Actor, q: { communityId?: string; days: number; min: number }) {
  const scope = analystPrefixes(actor);
  if (q.communityId) {
    const c = await findPlace(deps.db, q.communityId);
    // A grid worker's scope lies inside the community: the community is theirs when either contains the other.
    if (!c || c.kind !== 'community' || !scope.some((p) => p.startsWith(c.path) || c.path.startsWith(p))) throw new AppError('not_found', 404, { field: 'communityId' });
  }
  const now = deps.clock.now();
  const rows = await requestsOutsideCases(
    deps.db,
    { communityId: q.communityId, scope, statuses: clusteredStatuses, since: new Date(now.getTime() - q.days * 86_400_000).toISOString() },
    MAX_REQUESTS,
  );
  const clusters = clusterRequests(rows, q.min);
  const categories = new Map((await findCategoriesByIds(deps.db, clusters.flatMap((c) => (c.categoryId ? [c.categoryId] : [])))).map((c) => [c.id, c]));
  const places = new Map((await findPlacesByIds(deps.db, [...new Set(clusters.flatMap((c) => (c.placeId ? [c.placeId] : [])))])).map((p) => [p.id, p]));
  const items: ProactiveSuggestion[] = clusters.map((c) => {
    const category = c.categoryId ? categories.get(c.categoryId) : undefined;
    const placeName = (c.placeId && places.get(c.placeId)?.name) || null;
    const times = c.requests.map((r) => r.created_at).sort();
    const subject = c.kind === 'place' && category ? category.name_zh : c.terms.slice(0, 3).join('、');
    return {
      title: placeName ? `${placeName}：${subject}` : subject,
      categoryId: c.categoryId,
      categoryName: category ? { zh: category.name_zh, en: category.name_en } : null,
      placeId: c.placeId,
      placeName,
      terms: c.terms,
      requestIds: c.requests.map((r) => r.id),
      count: c.requests.length,
      firstAt: times[0]!,
      lastAt: times[times.length - 1]!,
    };
  });
  return { items };
}

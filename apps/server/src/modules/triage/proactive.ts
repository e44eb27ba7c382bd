import type { CandidateRow } from './similar.repository.js';
import { CLUSTER_LINK_SCORE, idfOf, splitTokens, vectorOf, type Vector } from './similarity.js';

/**
 * Proactive clusters (未诉先办), pure. Two ways requests belong together: the same category at the same
 * building (or estate, for requests filed against an estate), which is how staff see a hotspot; and, for the
 * rest, words alike enough (cosine ≥ CLUSTER_LINK_SCORE to a cluster's centroid, within one community), which
 * catches the same problem filed under different categories or across neighbouring buildings.
 */

export interface Cluster {
  kind: 'place' | 'text';
  communityId: string;
  categoryId: string | null;
  /** The building or estate the requests share; null when they do not share one. */
  placeId: string | null;
  terms: string[];
  requests: CandidateRow[];
}

const ESTATE_DEPTH = 4;
const BUILDING_DEPTH = 5;
const segments = (path: string) => path.split('/').filter(Boolean);

/** The building (or, above it, the estate) a request's place lies in; null above estates. */
export function hotspotPlaceId(path: string): string | null {
  const s = segments(path);
  if (s.length >= BUILDING_DEPTH) return s[BUILDING_DEPTH - 1]!;
  if (s.length === ESTATE_DEPTH) return s[ESTATE_DEPTH - 1]!;
  return null;
}

/** The deepest place all paths share, if it is an estate or below. */
function commonPlaceId(paths: string[]): string | null {
  const lists = paths.map(segments);
  let depth = 0;
  while (lists.every((l) => l[depth] !== undefined && l[depth] === lists[0]![depth])) depth++;
  const shared = Math.min(depth, BUILDING_DEPTH);
  return shared >= ESTATE_DEPTH ? lists[0]![shared - 1]! : null;
}

/** The most telling words of a cluster: summed TF-IDF weight over its requests. */
function topTerms(vectors: Vector[], n = 5): string[] {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  return [...sum.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([t]) => t);
}

/** The category most of a cluster's requests have, if more than half have it. */
function majorityCategory(rows: CandidateRow[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.category_id) counts.set(r.category_id, (counts.get(r.category_id) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[1] * 2 > rows.length ? best[0] : null;
}

/** Candidate clusters come through a request's rarest shared words only (a word no other request has links nothing). */
const RARE_TERMS = 4;

/** A growing text cluster: the sum of its members' vectors (its centroid, unnormalised) and their indexes. */
interface Growing {
  sum: Map<string, number>;
  norm2: number;
  members: number[];
}

/**
 * Text clusters by the leader method: requests, newest first, join the cluster whose centroid they are most
 * similar to (cosine ≥ CLUSTER_LINK_SCORE) or start their own. Unlike single-link components this cannot chain
 * a whole month into one cluster through a series of near neighbours, and it compares each request only with
 * the clusters sharing one of its rarest words, so a busy community's month stays well under a second.
 */
function textClusters(vectors: Vector[]): number[][] {
  const n = vectors.length;
  const df = new Map<string, number>();
  for (const v of vectors) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // A word in a fifth of the requests (小区, 问题) alone never makes two alike; it does not pick candidates.
  const maxDf = Math.max(5, Math.ceil(n / 5));
  const clusters: Growing[] = [];
  const byTerm = new Map<string, Set<number>>();
  vectors.forEach((v, i) => {
    const candidates = new Set<number>();
    const rare = [...v.keys()].filter((t) => df.get(t)! >= 2 && df.get(t)! <= maxDf).sort((a, b) => df.get(a)! - df.get(b)! || a.localeCompare(b));
    for (const t of rare.slice(0, RARE_TERMS)) for (const c of byTerm.get(t) ?? []) candidates.add(c);
    let best = -1;
    let bestScore = CLUSTER_LINK_SCORE;
    for (const c of candidates) {
      const g = clusters[c]!;
      let dot = 0;
      for (const [t, w] of v) dot += w * (g.sum.get(t) ?? 0);
      const score = g.norm2 > 0 ? dot / Math.sqrt(g.norm2) : 0;
      if (score >= bestScore) [best, bestScore] = [c, score];
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ sum: new Map(), norm2: 0, members: [] });
    }
    const g = clusters[best]!;
    g.members.push(i);
    for (const [t, w] of v) {
      const before = g.sum.get(t) ?? 0;
      g.sum.set(t, before + w);
      g.norm2 += (before + w) ** 2 - before ** 2;
      if (!before) (byTerm.get(t) ?? byTerm.set(t, new Set()).get(t)!).add(best);
    }
  });
  return clusters.map((g) => g.members);
}

/** Clusters of at least `min` requests among `rows` (requests not yet in a case), biggest and latest first. */
export function clusterRequests(rows: CandidateRow[], min: number): Cluster[] {
  const out: Cluster[] = [];
  const byCommunity = new Map<string, CandidateRow[]>();
  for (const r of rows) (byCommunity.get(r.community_id) ?? byCommunity.set(r.community_id, []).get(r.community_id)!).push(r);
  for (const [communityId, list] of byCommunity) {
    const docs = list.map((r) => splitTokens(r.tokens));
    const idf = idfOf(docs);
    const vectors = docs.map((d) => vectorOf(d, idf));
    const taken = new Set<number>();
    const byPlace = new Map<string, number[]>();
    list.forEach((r, i) => {
      const placeId = hotspotPlaceId(r.place_path);
      if (!r.category_id || !placeId) return;
      const key = `${r.category_id}|${placeId}`;
      (byPlace.get(key) ?? byPlace.set(key, []).get(key)!).push(i);
    });
    for (const [key, members] of byPlace) {
      if (members.length < min) continue;
      const [categoryId, placeId] = key.split('|') as [string, string];
      members.forEach((i) => taken.add(i));
      out.push({ kind: 'place', communityId, categoryId, placeId, terms: topTerms(members.map((i) => vectors[i]!)), requests: members.map((i) => list[i]!) });
    }
    const rest = list.map((_, i) => i).filter((i) => !taken.has(i));
    for (const component of textClusters(rest.map((i) => vectors[i]!))) {
      if (component.length < min) continue;
      const members = component.map((k) => rest[k]!);
      const requests = members.map((i) => list[i]!);
      out.push({
        kind: 'text',
        communityId,
        categoryId: majorityCategory(requests),
        placeId: commonPlaceId(requests.map((r) => r.place_path)),
        terms: topTerms(members.map((i) => vectors[i]!)),
        requests,
      });
    }
  }
  const last = (c: Cluster) => c.requests.reduce((m, r) => (r.created_at > m ? r.created_at : m), '');
  return out.sort((a, b) => b.requests.length - a.requests.length || last(b).localeCompare(last(a)));
}

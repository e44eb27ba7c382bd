/**
 * Similarity of requests: cosine of sublinear TF-IDF vectors over jieba tokens (the `tokens` column). Pure
 * functions; the candidates come from full-text search (similar.repository.ts).
 *
 * Thresholds, measured on ../shared/data/citizen-messages-dev.jsonl (1,830 real messages of a whole province,
 * IDF over the set; 1.67 million pairs): the median pair scores 0.014, the 99.9th percentile 0.145, the 99.99th
 * 0.24. Of the 35 pairs at 0.45 or more, nearly all are the same issue posted twice (a re-post, the same estate's
 * certificates, the same cold store's noise); between 0.3 and 0.45 they are the same topic and often the same
 * issue (one road's street lights, one station's toilet fee); below 0.3, same topic at most. A typed prefix of
 * 20 characters scores 0.2 or more against its own message 95 % of the time and ranks it first 95 % of the time.
 */

/** Below this a request is not shown as similar: about 1 unrelated pair in 5,000 scores higher. */
export const SIMILAR_MIN_SCORE = 0.2;
/**
 * At or above this, and at a compatible place (the same building, or one filed for the whole community), a
 * request is a near-duplicate and intake offers to merge. Above the same-topic band, so merging is rarely wrong.
 */
export const DUPLICATE_SCORE = 0.5;
/** Proactive clusters link two requests of one community at this similarity (single link): same issue, likely. */
export const CLUSTER_LINK_SCORE = 0.4;
/** At most this many query terms go into the full-text candidate search. */
export const MAX_QUERY_TERMS = 8;

export type Vector = Map<string, number>;

/** Term counts of a token list. */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) if (t) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Split a stored `tokens` column into tokens. */
export const splitTokens = (tokens: string): string[] => tokens.split(/\s+/).filter(Boolean);

/**
 * Document frequencies over a set of token lists, and the smoothed IDF `1 + ln((n + 1) / (df + 1))` that goes
 * with them (scikit-learn's smooth_idf): a word in every document still counts a little, an unseen one most.
 */
export function idfOf(docs: readonly (readonly string[])[], total = docs.length): (term: string) => number {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(total, docs.length);
  return (t) => 1 + Math.log((n + 1) / ((df.get(t) ?? 0) + 1));
}

/** L2-normalised sublinear TF-IDF vector (1 + ln tf): repeating a word ten times does not make it ten times as important. */
export function vectorOf(tokens: readonly string[], idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, tf] of termCounts(tokens)) {
    const w = (1 + Math.log(tf)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine of two normalised vectors, in [0, 1]. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const u = large.get(t);
    if (u !== undefined) dot += w * u;
  }
  return Math.min(1, Math.max(0, dot));
}

/**
 * The query terms worth searching for: distinct, longer words first (a two-character word such as 电梯 says
 * more than a single character), then in order of appearance; at most `max`.
 */
export function searchTerms(tokens: readonly string[], max = MAX_QUERY_TERMS): string[] {
  const distinct = [...new Set(tokens)];
  return distinct
    .map((t, i) => ({ t, i }))
    .sort((a, b) => Math.min(b.t.length, 4) - Math.min(a.t.length, 4) || a.i - b.i)
    .slice(0, max)
    .map((x) => x.t);
}

/** Path segments down to the building: subdistrict, community, grid, estate, building. */
const BUILDING_DEPTH = 5;

/** A place path cut at the building: every dwelling of a building shares it. */
export function buildingPath(path: string): string {
  const segs = path.split('/').filter(Boolean);
  return `/${segs.slice(0, BUILDING_DEPTH).join('/')}/`;
}

/**
 * Two places are compatible for a duplicate when, cut at the building, one contains the other: two flats of the
 * same building, or a request filed against the whole community and one against a building in it. A different
 * building is another problem, however alike the words.
 */
export function placesCompatible(a: string, b: string): boolean {
  const x = buildingPath(a);
  const y = buildingPath(b);
  return x.startsWith(y) || y.startsWith(x);
}

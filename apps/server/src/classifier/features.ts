import { contentText } from './normalise.js';
import { tokenize } from './tokenizer.js';
import type { ViewSpec } from './types.js';

/**
 * TF-IDF features over one or more views of the text (character n-grams of the normalised text, jieba word
 * n-grams). Each view has its own pruned vocabulary and IDF; a message becomes one sparse vector, each view's
 * part L2-normalised and scaled by 1/√views so the whole has unit length.
 */

/** A view with its fitted vocabulary (term → column) and inverse document frequencies. */
export interface FittedView {
  spec: ViewSpec;
  terms: string[];
  index: Map<string, number>;
  idf: Float32Array;
}

/** The fitted feature space of one model: its views side by side. */
export interface FeatureSpace {
  views: FittedView[];
  sublinearTf: boolean;
  maxChars: number;
  /** Occurrences starting in the first `chars` content characters count `weight` times (chars 0: off). */
  head: { chars: number; weight: number };
  /** Total columns: the views' vocabularies concatenated. */
  size: number;
}

/** Rows of sparse vectors (compressed sparse rows); values are float64 for the solvers' accuracy. */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** A text as the views need it, computed once per message. */
export class PreparedText {
  private chars: string | null = null;
  private words: string[] | null = null;
  constructor(private readonly raw: string) {}
  content(): string {
    return (this.chars ??= contentText(this.raw));
  }
  tokens(): string[] {
    return (this.words ??= tokenize(this.raw));
  }
}

/** Every n-gram occurrence of one view of a text, handed to `emit` (no array of strings is built). */
export function forEachTerm(spec: ViewSpec, text: PreparedText, emit: (term: string, at: number) => void): void {
  if (spec.kind === 'char') {
    const s = text.content();
    // n-grams stay inside a run of content characters: a space (former punctuation) is a hard break.
    let start = 0;
    while (start < s.length) {
      let end = s.indexOf(' ', start);
      if (end < 0) end = s.length;
      for (let i = start; i < end; i++) {
        for (let n = spec.minN; n <= spec.maxN && i + n <= end; n++) emit(s.slice(i, i + n), i);
      }
      start = end + 1;
    }
    return;
  }
  const t = text.tokens();
  for (let i = 0; i < t.length; i++) {
    let gram = '';
    for (let n = 1; n <= spec.maxN && i + n <= t.length; n++) {
      gram = n === 1 ? t[i]! : `${gram} ${t[i + n - 1]!}`;
      if (n >= spec.minN) emit(gram, Infinity);
    }
  }
}

const clip = (text: string, maxChars: number) => (text.length > maxChars ? text.slice(0, maxChars) : text);

const NO_HEAD = { chars: 0, weight: 1 };

/** Term ids and counts of one document in one view, as parallel arrays. */
interface DocTerms {
  ids: Int32Array;
  counts: Float64Array;
}

function countTerms(spec: ViewSpec, text: PreparedText, id: (term: string) => number, head: { chars: number; weight: number } = NO_HEAD): DocTerms {
  const counts = new Map<number, number>();
  forEachTerm(spec, text, (term, at) => {
    const i = id(term);
    if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + (at < head.chars ? head.weight : 1));
  });
  const ids = new Int32Array(counts.size);
  const cs = new Float64Array(counts.size);
  let k = 0;
  for (const [i, c] of counts) {
    ids[k] = i;
    cs[k++] = c;
  }
  return { ids, counts: cs };
}

/** Fit one view's vocabulary on the training texts: terms in at least minDf texts, the maxFeatures most frequent. */
function fitView(spec: ViewSpec, texts: PreparedText[], minDf: number, maxFeatures: number, head: { chars: number; weight: number }): { view: FittedView; docs: DocTerms[] } {
  const seen = new Map<string, number>();
  const seenTerms: string[] = [];
  let df = new Int32Array(1024);
  const docs = texts.map((t) => {
    const d = countTerms(spec, t, (term) => {
      let i = seen.get(term);
      if (i === undefined) {
        i = seenTerms.length;
        seen.set(term, i);
        seenTerms.push(term);
      }
      return i;
    }, head);
    if (seenTerms.length > df.length) {
      const grown = new Int32Array(Math.max(seenTerms.length, df.length * 2));
      grown.set(df);
      df = grown;
    }
    for (const i of d.ids) df[i]!++;
    return d;
  });
  // Most frequent first; ties in order of first appearance, so the vocabulary is a function of the data only.
  const kept = [];
  for (let i = 0; i < seenTerms.length; i++) if (df[i]! >= minDf) kept.push(i);
  kept.sort((a, b) => df[b]! - df[a]! || a - b);
  if (kept.length > maxFeatures) kept.length = maxFeatures;
  const remap = new Int32Array(seenTerms.length).fill(-1);
  const terms: string[] = [];
  const idf = new Float32Array(kept.length);
  const n = texts.length;
  kept.forEach((old, j) => {
    remap[old] = j;
    terms.push(seenTerms[old]!);
    // Smoothed IDF (as if one extra document held every term): never zero, never infinite.
    idf[j] = Math.log((1 + n) / (1 + df[old]!)) + 1;
  });
  const mapped = docs.map((d) => {
    const ids: number[] = [];
    const counts: number[] = [];
    for (let k = 0; k < d.ids.length; k++) {
      const j = remap[d.ids[k]!]!;
      if (j >= 0) {
        ids.push(j);
        counts.push(d.counts[k]!);
      }
    }
    return { ids: Int32Array.from(ids), counts: Float64Array.from(counts) };
  });
  return { view: { spec, terms, index: new Map(terms.map((t, j) => [t, j])), idf }, docs: mapped };
}

/** Build a feature space from views with known vocabularies (training or a deserialised model). */
export function featureSpace(views: FittedView[], sublinearTf: boolean, maxChars: number, head = NO_HEAD): FeatureSpace {
  return { views, sublinearTf, maxChars, head, size: views.reduce((s, v) => s + v.terms.length, 0) };
}

/** Weighted, normalised row of one document, appended to growing arrays. */
function appendRow(space: FeatureSpace, perView: DocTerms[], indices: number[], values: number[]): void {
  const scale = 1 / Math.sqrt(space.views.length);
  let offset = 0;
  space.views.forEach((view, v) => {
    const d = perView[v]!;
    const start = values.length;
    let norm = 0;
    for (let k = 0; k < d.ids.length; k++) {
      const c = d.counts[k]!;
      const w = (space.sublinearTf ? 1 + Math.log(c) : c) * view.idf[d.ids[k]!]!;
      indices.push(offset + d.ids[k]!);
      values.push(w);
      norm += w * w;
    }
    if (norm > 0) {
      const f = scale / Math.sqrt(norm);
      for (let k = start; k < values.length; k++) values[k]! *= f;
    }
    offset += view.terms.length;
  });
}

function toRows(space: FeatureSpace, docs: DocTerms[][]): SparseRows {
  const indices: number[] = [];
  const values: number[] = [];
  const indptr = new Int32Array(docs.length + 1);
  docs.forEach((perView, i) => {
    appendRow(space, perView, indices, values);
    indptr[i + 1] = values.length;
  });
  return { rows: docs.length, cols: space.size, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Fit the views' vocabularies on training texts and return the space with the training matrix. */
export function fitFeatures(texts: string[], specs: ViewSpec[], opts: { minDf: number; maxFeatures: number; sublinearTf: boolean; maxChars: number; head?: { chars: number; weight: number } }): { space: FeatureSpace; x: SparseRows } {
  const prepared = texts.map((t) => new PreparedText(clip(t, opts.maxChars)));
  const head = opts.head ?? NO_HEAD;
  const fitted = specs.map((s) => fitView(s, prepared, opts.minDf, opts.maxFeatures, head));
  const space = featureSpace(
    fitted.map((f) => f.view),
    opts.sublinearTf,
    opts.maxChars,
    head,
  );
  const docs = prepared.map((_, i) => fitted.map((f) => f.docs[i]!));
  return { space, x: toRows(space, docs) };
}

/** Term counts of one text in every view of a fitted space (unknown terms ignored). */
function docTerms(space: FeatureSpace, text: string): DocTerms[] {
  const p = new PreparedText(clip(text, space.maxChars));
  return space.views.map((v) => countTerms(v.spec, p, (term) => v.index.get(term) ?? -1, space.head));
}

/** Vectorise texts in a fitted space. */
export function transform(space: FeatureSpace, texts: string[]): SparseRows {
  return toRows(
    space,
    texts.map((t) => docTerms(space, t)),
  );
}

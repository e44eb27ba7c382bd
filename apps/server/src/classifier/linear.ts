import type { SparseRows } from './features.js';

/** A linear multi-class scorer: weights feature-major (`weights[f * K + k]`), so one feature's K weights are adjacent. */
export interface LinearScorer {
  classes: number;
  weights: Float64Array | Float32Array;
  bias: Float64Array | Float32Array;
}

/** Per-example cost weights: 1, or inversely proportional to the size of the example's class. */
export function exampleWeights(y: Int32Array, classes: number, balanced: boolean): Float64Array {
  const w = new Float64Array(y.length).fill(1);
  if (!balanced) return w;
  const size = new Float64Array(classes);
  for (const c of y) size[c]!++;
  for (let i = 0; i < y.length; i++) w[i] = y.length / (classes * size[y[i]!]!);
  return w;
}

/** Scores of every row of `x` (row-major: `out[i * K + k]`); `x` may have fewer columns than the scorer knows. */
export function scoreRows(model: LinearScorer, x: SparseRows): Float64Array {
  const K = model.classes;
  const out = new Float64Array(x.rows * K);
  for (let i = 0; i < x.rows; i++) {
    const base = i * K;
    for (let k = 0; k < K; k++) out[base + k] = model.bias[k]!;
    for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) {
      const v = x.values[p]!;
      const f = x.indices[p]! * K;
      for (let k = 0; k < K; k++) out[base + k]! += v * model.weights[f + k]!;
    }
  }
  return out;
}

/** Squared norm of each row. */
export function rowNorms2(x: SparseRows, scale: Float64Array | null = null): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = 0;
    for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) {
      const v = scale ? x.values[p]! * scale[x.indices[p]!]! : x.values[p]!;
      s += v * v;
    }
    out[i] = s;
  }
  return out;
}

import type { SparseRows } from './features.js';
import type { LinearScorer } from './linear.js';

/**
 * Complement naive Bayes (Rennie et al. 2003) on TF-IDF features, with weight normalisation: each class is
 * scored by how little its complement's term distribution explains the message. Training is one pass.
 */
export function trainComplementNb(x: SparseRows, y: Int32Array, classes: number, smoothing: number): LinearScorer {
  const K = classes;
  const total = new Float64Array(x.cols);
  const perClass = new Float64Array(x.cols * K);
  for (let i = 0; i < x.rows; i++) {
    const c = y[i]!;
    for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) {
      const f = x.indices[p]!;
      total[f]! += x.values[p]!;
      perClass[f * K + c]! += x.values[p]!;
    }
  }
  const weights = new Float64Array(x.cols * K);
  for (let k = 0; k < K; k++) {
    let sum = 0;
    for (let f = 0; f < x.cols; f++) sum += total[f]! - perClass[f * K + k]! + smoothing;
    let l1 = 0;
    for (let f = 0; f < x.cols; f++) {
      const w = Math.log((total[f]! - perClass[f * K + k]! + smoothing) / sum);
      weights[f * K + k] = w;
      l1 += Math.abs(w);
    }
    // Normalised and negated: a large complement probability lowers the class's score.
    for (let f = 0; f < x.cols; f++) weights[f * K + k] = -weights[f * K + k]! / (l1 || 1);
  }
  return { classes: K, weights, bias: new Float64Array(K) };
}

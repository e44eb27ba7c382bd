import type { SparseRows } from './features.js';
import { exampleWeights, rowNorms2, type LinearScorer } from './linear.js';
import { Random } from '../demo/prng.js';

/**
 * One-vs-rest linear SVM with the squared hinge loss, trained by dual coordinate descent (Hsieh et al. 2008,
 * the algorithm of liblinear's default solver): min ½‖w‖² + Σ Cᵢ max(0, 1 − yᵢ w·xᵢ)². The bias is a constant
 * feature of value 1, regularised like the others, as in liblinear.
 */

export interface SvmOptions {
  c: number;
  balanced: boolean;
  maxEpochs: number;
  tolerance: number;
  seed: string;
}

const BIAS = 1;

/** Fit one binary problem (class `k` against the rest); returns w (length cols) and the bias, in place. */
function fitBinary(x: SparseRows, y: Int32Array, k: number, costs: Float64Array, norms: Float64Array, opts: SvmOptions, w: Float64Array): number {
  const n = x.rows;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 0.5 / costs[i]!;
    qd[i] = norms[i]! + BIAS * BIAS + diag[i]!;
  }
  let b = 0;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Random(`${opts.seed}/svm/${k}`);
  for (let epoch = 0; epoch < opts.maxEpochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < n; s++) {
      const i = order[s]!;
      const yi = y[i] === k ? 1 : -1;
      const start = x.indptr[i]!;
      const end = x.indptr[i + 1]!;
      let dot = b * BIAS;
      for (let p = start; p < end; p++) dot += w[x.indices[p]!]! * x.values[p]!;
      const a = alpha[i]!;
      const g = yi * dot - 1 + diag[i]! * a;
      const pg = a === 0 ? Math.min(g, 0) : g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const next = Math.max(a - g / qd[i]!, 0);
        const d = (next - a) * yi;
        alpha[i] = next;
        for (let p = start; p < end; p++) w[x.indices[p]!]! += d * x.values[p]!;
        b += d * BIAS;
      }
    }
    if (pgMax - pgMin <= opts.tolerance) break;
  }
  return b * BIAS;
}

/** Train one SVM per class; labels are `y[i]` in [0, classes). */
export function trainSvm(x: SparseRows, y: Int32Array, classes: number, opts: SvmOptions): LinearScorer {
  const costs = exampleWeights(y, classes, opts.balanced).map((w) => w * opts.c);
  const norms = rowNorms2(x);
  const weights = new Float64Array(x.cols * classes);
  const bias = new Float64Array(classes);
  const w = new Float64Array(x.cols);
  for (let k = 0; k < classes; k++) {
    w.fill(0);
    bias[k] = fitBinary(x, y, k, costs, norms, opts, w);
    for (let f = 0; f < x.cols; f++) weights[f * classes + k] = w[f]!;
  }
  return { classes, weights, bias };
}

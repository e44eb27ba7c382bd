import type { SparseRows } from './features.js';
import { exampleWeights, rowNorms2, type LinearScorer } from './linear.js';
import { Random } from '../demo/prng.js';

/**
 * One-vs-rest linear SVM with the squared hinge loss, trained by dual coordinate descent (Hsieh et al. 2008,
 * the algorithm of liblinear's default solver): min ½‖w‖² + Σ Cᵢ max(0, 1 − yᵢ w·xᵢ)². The bias is a constant
 * feature of value 1, regularised like the others, as in liblinear.
 */

/** The SVM's knobs (a subset of TrainOptions). */
export interface SvmOptions {
  c: number;
  balanced: boolean;
  maxEpochs: number;
  tolerance: number;
  seed: string;
  /** NB-SVM (Wang & Manning 2012): scale each feature by its smoothed log-count ratio for the class; 0 = off. */
  nbSmoothing?: number;
  /** NB-SVM: the ratios from document counts (presence) rather than summed TF-IDF, as the original method. */
  nbBinary?: boolean;
  /**
   * NB-SVM: Wang & Manning's interpolation w' = (1 − β)·mean|w| + β·w, which pulls the weights towards
   * plain NB (every feature weighted by its ratio alone); 1 = off.
   */
  nbInterpolation?: number;
}

const BIAS = 1;

/** Fit one binary problem (class `k` against the rest); returns w (length cols) and the bias, in place. */
function fitBinary(x: SparseRows, y: Int32Array, k: number, costs: Float64Array, norms: Float64Array, opts: SvmOptions, w: Float64Array, scale: Float64Array | null): number {
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
  // Shrinking as in liblinear: an example at alpha = 0 whose gradient is past the last pass's largest violation
  // is set aside; once the active ones converge, every example is checked again before stopping.
  let active = n;
  let pgMaxOld = Infinity;
  for (let epoch = 0; epoch < opts.maxEpochs; epoch++) {
    for (let i = active - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = order[s]!;
      const yi = y[i] === k ? 1 : -1;
      const start = x.indptr[i]!;
      const end = x.indptr[i + 1]!;
      let dot = b * BIAS;
      if (scale) for (let p = start; p < end; p++) dot += w[x.indices[p]!]! * x.values[p]! * scale[x.indices[p]!]!;
      else for (let p = start; p < end; p++) dot += w[x.indices[p]!]! * x.values[p]!;
      const a = alpha[i]!;
      const g = yi * dot - 1 + diag[i]! * a;
      let pg = g;
      if (a === 0) {
        if (g > pgMaxOld) {
          active--;
          order[s] = order[active]!;
          order[active] = i;
          s--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const next = Math.max(a - g / qd[i]!, 0);
        const d = (next - a) * yi;
        alpha[i] = next;
        if (scale) for (let p = start; p < end; p++) w[x.indices[p]!]! += d * x.values[p]! * scale[x.indices[p]!]!;
        else for (let p = start; p < end; p++) w[x.indices[p]!]! += d * x.values[p]!;
        b += d * BIAS;
      }
    }
    if (pgMax - pgMin <= opts.tolerance) {
      if (active === n) break;
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax > 0 ? pgMax : Infinity;
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
    const scale = opts.nbSmoothing ? nbRatios(x, y, k, opts.nbSmoothing, opts.nbBinary ?? false) : null;
    bias[k] = fitBinary(x, y, k, costs, scale ? rowNorms2(x, scale) : norms, opts, w, scale);
    const beta = opts.nbInterpolation ?? 1;
    if (scale && beta < 1) {
      let mean = 0;
      for (let f = 0; f < x.cols; f++) mean += Math.abs(w[f]!);
      mean /= x.cols || 1;
      for (let f = 0; f < x.cols; f++) w[f] = (1 - beta) * mean + beta * w[f]!;
    }
    for (let f = 0; f < x.cols; f++) weights[f * classes + k] = scale ? w[f]! * scale[f]! : w[f]!;
  }
  return { classes, weights, bias };
}

/** Smoothed log-count ratio of every feature between class k and the rest. */
function nbRatios(x: SparseRows, y: Int32Array, k: number, alpha: number, binary: boolean): Float64Array {
  const pos = new Float64Array(x.cols).fill(alpha);
  const neg = new Float64Array(x.cols).fill(alpha);
  for (let i = 0; i < x.rows; i++) {
    const into = y[i] === k ? pos : neg;
    for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) into[x.indices[p]!]! += binary ? 1 : x.values[p]!;
  }
  let sp = 0;
  let sn = 0;
  for (let f = 0; f < x.cols; f++) {
    sp += pos[f]!;
    sn += neg[f]!;
  }
  return pos.map((v, f) => Math.log(v / sp / (neg[f]! / sn)));
}

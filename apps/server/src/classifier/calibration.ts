/**
 * Confidence from scores: softmax(score / T). The temperature T is fitted on out-of-fold scores (scores of
 * examples the model did not see) by minimising their negative log-likelihood, so a confidence of 0.7 means
 * roughly "right 7 times in 10" on new messages rather than the raw margin's overconfidence on training data.
 */

/** Softmax of `scores[from .. from+K)` divided by T, written to out. */
export function softmax(scores: ArrayLike<number>, from: number, K: number, temperature: number, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (scores[from + k]! > max) max = scores[from + k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp((scores[from + k]! - max) / temperature);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < K; k++) out[k]! /= sum;
}

/** Mean negative log-likelihood of the true classes under softmax(scores / T). */
function nll(scores: Float64Array, y: Int32Array, K: number, temperature: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (scores[i * K + k]! > max) max = scores[i * K + k]!;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp((scores[i * K + k]! - max) / temperature);
    total += Math.log(sum) - (scores[i * K + y[i]!]! - max) / temperature;
  }
  return total / Math.max(1, y.length);
}

/**
 * The temperature minimising the NLL: golden-section search on log T (the NLL is unimodal in T), over a range
 * relative to the scores' spread, since learners differ in scale (SVM margins ~1, naive Bayes scores ~0.01).
 */
export function fitTemperature(scores: Float64Array, y: Int32Array, K: number): number {
  let mean = 0;
  for (const s of scores) mean += s / scores.length;
  let variance = 0;
  for (const s of scores) variance += (s - mean) ** 2 / scores.length;
  const spread = Math.sqrt(variance) || 1;
  let lo = Math.log(spread * 1e-3);
  let hi = Math.log(spread * 1e2);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(scores, y, K, Math.exp(a));
  let fb = nll(scores, y, K, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(scores, y, K, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(scores, y, K, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

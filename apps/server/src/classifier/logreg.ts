import type { SparseRows } from './features.js';
import { exampleWeights, type LinearScorer } from './linear.js';

/**
 * Multinomial logistic regression: min ½‖W‖² + C Σ sᵢ (−log softmax(Wxᵢ + b)_yᵢ), bias not regularised,
 * by L-BFGS (10 corrections, backtracking Armijo line search).
 */

/** The logistic regression's knobs (a subset of TrainOptions). */
export interface LogRegOptions {
  c: number;
  balanced: boolean;
  maxEpochs: number;
  tolerance: number;
}

const MEMORY = 10;

/** Objective and gradient at theta (weights feature-major, then the K biases). */
function objective(theta: Float64Array, x: SparseRows, y: Int32Array, K: number, costs: Float64Array, grad: Float64Array): number {
  const nw = x.cols * K;
  grad.fill(0);
  let f = 0;
  for (let j = 0; j < nw; j++) {
    f += 0.5 * theta[j]! * theta[j]!;
    grad[j] = theta[j]!;
  }
  const z = new Float64Array(K);
  for (let i = 0; i < x.rows; i++) {
    for (let k = 0; k < K; k++) z[k] = theta[nw + k]!;
    const start = x.indptr[i]!;
    const end = x.indptr[i + 1]!;
    for (let p = start; p < end; p++) {
      const v = x.values[p]!;
      const base = x.indices[p]! * K;
      for (let k = 0; k < K; k++) z[k]! += v * theta[base + k]!;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (z[k]! > max) max = z[k]!;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(z[k]! - max);
    const logSum = max + Math.log(sum);
    const c = costs[i]!;
    f += c * (logSum - z[y[i]!]!);
    for (let k = 0; k < K; k++) {
      // z becomes c·(p − onehot), the error each weight's gradient is scaled by.
      z[k] = c * (Math.exp(z[k]! - logSum) - (k === y[i] ? 1 : 0));
      grad[nw + k]! += z[k]!;
    }
    for (let p = start; p < end; p++) {
      const v = x.values[p]!;
      const base = x.indices[p]! * K;
      for (let k = 0; k < K; k++) grad[base + k]! += v * z[k]!;
    }
  }
  return f;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** Train the multinomial model; `maxEpochs` bounds the L-BFGS iterations. */
export function trainLogReg(x: SparseRows, y: Int32Array, classes: number, opts: LogRegOptions): LinearScorer {
  const K = classes;
  const n = x.cols * K + K;
  const costs = exampleWeights(y, K, opts.balanced).map((w) => w * opts.c);
  let theta = new Float64Array(n);
  let grad = new Float64Array(n);
  let f = objective(theta, x, y, K, costs, grad);
  const s: Float64Array[] = [];
  const yv: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(MEMORY);
  const trial = new Float64Array(n);
  const trialGrad = new Float64Array(n);
  for (let iter = 0; iter < opts.maxEpochs; iter++) {
    // Two-loop recursion: direction = −H·grad.
    const d = Float64Array.from(grad, (g) => -g);
    for (let m = s.length - 1; m >= 0; m--) {
      alpha[m] = rho[m]! * dot(s[m]!, d);
      for (let j = 0; j < n; j++) d[j]! -= alpha[m]! * yv[m]![j]!;
    }
    if (s.length) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, yv[last]!) / dot(yv[last]!, yv[last]!);
      for (let j = 0; j < n; j++) d[j]! *= gamma;
    } else {
      const g = Math.sqrt(dot(grad, grad));
      for (let j = 0; j < n; j++) d[j]! /= Math.max(g, 1e-12);
    }
    for (let m = 0; m < s.length; m++) {
      const beta = rho[m]! * dot(yv[m]!, d);
      for (let j = 0; j < n; j++) d[j]! += (alpha[m]! - beta) * s[m]![j]!;
    }
    const slope = dot(grad, d);
    if (slope >= 0) break;
    let step = 1;
    let fNew = f;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < n; j++) trial[j] = theta[j]! + step * d[j]!;
      fNew = objective(trial, x, y, K, costs, trialGrad);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      sNew[j] = trial[j]! - theta[j]!;
      yNew[j] = trialGrad[j]! - grad[j]!;
    }
    const sy = dot(sNew, yNew);
    const improved = f - fNew;
    [theta, grad] = [Float64Array.from(trial), Float64Array.from(trialGrad)];
    f = fNew;
    if (sy > 1e-12) {
      s.push(sNew);
      yv.push(yNew);
      rho.push(1 / sy);
      if (s.length > MEMORY) {
        s.shift();
        yv.shift();
        rho.shift();
      }
    }
    if (improved <= opts.tolerance * 1e-3 * Math.max(1, Math.abs(f))) break;
  }
  return { classes: K, weights: theta.subarray(0, x.cols * K), bias: theta.subarray(x.cols * K) };
}

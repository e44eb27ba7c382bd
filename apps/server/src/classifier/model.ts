import { softmax } from './calibration.js';
import { transform, type FeatureSpace } from './features.js';
import { scoreRows } from './linear.js';
import type { ClassifierModel, Prediction } from './types.js';

/** One linear scorer over its own feature space; an ensemble has one per view. */
export interface Member {
  space: FeatureSpace;
  /** The stored form of the weights: int8 codes (feature-major, `codes[f * K + k]`) and one scale per class. */
  codes: Int8Array;
  scales: Float32Array;
  /** codes × scales, what prediction multiplies by; the same whether trained now or read from a file. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Averages the members' scores and turns them into confidences with a fitted temperature. */
export class LinearClassifier implements ClassifierModel {
  constructor(
    readonly labels: string[],
    readonly trainedOn: number,
    readonly members: Member[],
    readonly temperature: number,
  ) {}

  /** Raw scores, row-major (`out[i * K + k]`), averaged over the members. */
  scores(texts: string[]): Float64Array {
    const K = this.labels.length;
    const out = new Float64Array(texts.length * K);
    for (const m of this.members) {
      const s = scoreRows({ classes: K, weights: m.weights, bias: m.bias }, transform(m.space, texts));
      for (let j = 0; j < out.length; j++) out[j]! += s[j]! / this.members.length;
    }
    return out;
  }

  predict(text: string): Prediction {
    return this.predictMany([text])[0]!;
  }

  predictMany(texts: string[]): Prediction[] {
    const K = this.labels.length;
    if (K === 1) return texts.map(() => ({ label: this.labels[0]!, confidence: 1, alternatives: [{ label: this.labels[0]!, confidence: 1 }] }));
    // Batches bound the size of the sparse matrix built for a long list.
    const out: Prediction[] = [];
    const p = new Float64Array(K);
    for (let from = 0; from < texts.length; from += 256) {
      const batch = texts.slice(from, from + 256);
      const s = this.scores(batch);
      for (let i = 0; i < batch.length; i++) {
        softmax(s, i * K, K, this.temperature, p);
        out.push(toPrediction(this.labels, p));
      }
    }
    return out;
  }
}

/** The best three labels by probability (ties broken by label order, so output is deterministic). */
function toPrediction(labels: string[], p: Float64Array): Prediction {
  const top: number[] = [];
  for (let k = 0; k < labels.length; k++) {
    let at = top.length;
    while (at > 0 && p[k]! > p[top[at - 1]!]!) at--;
    if (at < 3) {
      top.splice(at, 0, k);
      if (top.length > 3) top.pop();
    }
  }
  const alternatives = top.map((k) => ({ label: labels[k]!, confidence: p[k]! }));
  return { label: alternatives[0]!.label, confidence: alternatives[0]!.confidence, alternatives };
}

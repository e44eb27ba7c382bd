/**
 * Weights are stored as 8-bit integers with one scale per class (the largest |weight| of the class maps to
 * 127). The trained model predicts with exactly these dequantised weights, so a model reloaded from its file
 * gives bit-identical confidences. Measured cost: no change in cross-validated macro-F1 (docs/classifier.md).
 */

/** int8 codes and per-class scales of feature-major weights with K classes. */
export function quantise(weights: ArrayLike<number>, K: number): { codes: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(K);
  for (let j = 0; j < weights.length; j++) {
    const k = j % K;
    const a = Math.abs(weights[j]!);
    if (a > scales[k]!) scales[k] = a;
  }
  for (let k = 0; k < K; k++) scales[k] = scales[k]! / 127 || 1;
  const codes = new Int8Array(weights.length);
  for (let j = 0; j < weights.length; j++) codes[j] = Math.round(weights[j]! / scales[j % K]!);
  return { codes, scales };
}

/** The float weights the codes stand for. */
export function dequantise(codes: Int8Array, scales: Float32Array): Float32Array {
  const K = scales.length;
  const out = new Float32Array(codes.length);
  for (let j = 0; j < codes.length; j++) out[j] = codes[j]! * scales[j % K]!;
  return out;
}

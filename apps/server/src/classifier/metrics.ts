import type { ClassMetrics, EvalReport, Prediction } from './types.js';

/**
 * Classification metrics from true labels and predictions. Macro-F1 averages over every label that occurs as a
 * truth or a prediction (as scikit-learn does), so a category the model never predicts counts as F1 0.
 */

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Expected calibration error over 10 equal-width confidence bins. */
function expectedCalibrationError(correct: boolean[], confidence: number[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  confidence.forEach((c, i) => {
    const b = bins[Math.min(9, Math.floor(c * 10))]!;
    b.n++;
    b.conf += c;
    b.right += correct[i] ? 1 : 0;
  });
  return bins.reduce((s, b) => s + (b.n ? (b.n / confidence.length) * Math.abs(b.right / b.n - b.conf / b.n) : 0), 0);
}

/** Accuracy, macro-F1, per-class figures, the confusion matrix and calibration figures. */
export function metricsOf(truth: string[], predicted: Prediction[], labelOrder: readonly string[] = [], messagesPerSecond = 0): EvalReport {
  if (truth.length !== predicted.length) throw new Error('metrics need one prediction per true label');
  const seen = new Set([...truth, ...predicted.map((p) => p.label)]);
  const labels = [...labelOrder.filter((l) => seen.has(l)), ...[...seen].filter((l) => !labelOrder.includes(l)).sort()];
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let right = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!.label;
    matrix[at.get(t)!]![at.get(p)!]!++;
    if (t === p) right++;
  });
  const perClass: ClassMetrics[] = labels.map((label, k) => {
    const tp = matrix[k]![k]!;
    const support = matrix[k]!.reduce((s, v) => s + v, 0);
    const predictedCount = matrix.reduce((s, row) => s + row[k]!, 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision: round(precision), recall: round(recall), f1: round(f1), support };
  });
  const exactF1 = labels.map((_, k) => {
    const tp = matrix[k]![k]!;
    const fp = matrix.reduce((s, row) => s + row[k]!, 0) - tp;
    const fn = matrix[k]!.reduce((s, v) => s + v, 0) - tp;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  const correct = truth.map((t, i) => t === predicted[i]!.label);
  const conf = predicted.map((p) => p.confidence);
  const low = conf.map((c) => c < 0.5);
  const share = (pick: boolean) => {
    const idx = low.flatMap((l, i) => (l === pick ? [i] : []));
    return idx.length ? idx.filter((i) => correct[i]).length / idx.length : 0;
  };
  return {
    accuracy: round(truth.length ? right / truth.length : 0),
    macroF1: round(labels.length ? exactF1.reduce((s, v) => s + v, 0) / labels.length : 0),
    perClass,
    messagesPerSecond: Math.round(messagesPerSecond),
    count: truth.length,
    confusion: { labels, matrix },
    calibration: {
      lowConfidenceShare: round(truth.length ? low.filter(Boolean).length / truth.length : 0),
      accuracyConfident: round(share(false)),
      accuracyLowConfidence: round(share(true)),
      ece: round(truth.length ? expectedCalibrationError(correct, conf) : 0),
    },
  };
}

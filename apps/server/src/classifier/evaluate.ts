import { stratifiedFolds } from './folds.js';
import { metricsOf } from './metrics.js';
import { trainClassifier, resolveOptions } from './train.js';
import type { ClassifierModel, EvalReport, LabelledExample, Prediction, TrainOptions } from './types.js';

/** Classify labelled examples with a trained model and measure the result (and the prediction speed). */
export function evaluate(model: ClassifierModel, examples: LabelledExample[]): EvalReport {
  const started = performance.now();
  const predictions = model.predictMany(examples.map((e) => e.text));
  const seconds = (performance.now() - started) / 1000;
  return metricsOf(
    examples.map((e) => e.label),
    predictions,
    model.labels,
    seconds > 0 ? examples.length / seconds : 0,
  );
}

/**
 * Stratified k-fold cross-validation: train on k−1 folds, predict the held-out fold, k times. Accuracy and
 * macro-F1 are computed on all out-of-fold predictions together; `foldMacroF1` has each fold's own.
 */
export function crossValidate(examples: LabelledExample[], folds: number, options?: Partial<TrainOptions>): EvalReport {
  const opts = resolveOptions(options);
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`cross-validation needs at least 2 folds, got ${folds}`);
  if (examples.length < folds) throw new Error(`cross-validation with ${folds} folds needs at least ${folds} examples, got ${examples.length}`);
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    folds,
    opts.seed,
  );
  const predictions: Prediction[] = new Array<Prediction>(examples.length);
  const foldMacroF1: number[] = [];
  let trainSeconds = 0;
  let predictSeconds = 0;
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const testIdx = examples.flatMap((_, i) => (fold[i] === f ? [i] : []));
    if (!testIdx.length) continue;
    let t = performance.now();
    const model = trainClassifier(train, opts);
    trainSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    const p = model.predictMany(testIdx.map((i) => examples[i]!.text));
    predictSeconds += (performance.now() - t) / 1000;
    testIdx.forEach((i, j) => (predictions[i] = p[j]!));
    foldMacroF1.push(
      metricsOf(
        testIdx.map((i) => examples[i]!.label),
        p,
      ).macroF1,
    );
  }
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const report = metricsOf(
    examples.map((e) => e.label),
    predictions,
    labels,
    predictSeconds > 0 ? examples.length / predictSeconds : 0,
  );
  return { ...report, foldMacroF1, trainSeconds: Math.round((trainSeconds / foldMacroF1.length) * 1000) / 1000 };
}

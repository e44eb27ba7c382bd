import { fitTemperature } from './calibration.js';
import { trainComplementNb } from './cnb.js';
import { fitFeatures } from './features.js';
import { stratifiedFolds } from './folds.js';
import type { LinearScorer } from './linear.js';
import { trainLogReg } from './logreg.js';
import { dequantise, quantise } from './quantise.js';
import { LinearClassifier, type Member } from './model.js';
import { trainSvm } from './svm.js';
import type { ClassifierModel, LabelledExample, TrainOptions } from './types.js';

/**
 * The chosen configuration (docs/classifier.md has the measurements behind it): character 1–2-grams of the
 * normalised text, sublinear TF-IDF, at most 30,000 terms, NB-SVM (log-count-ratio scaled features, linear SVM
 * with squared hinge, classes balanced), confidence by a temperature fitted on 3-fold out-of-fold scores.
 */
export const defaultTrainOptions: TrainOptions = {
  views: [{ kind: 'char', minN: 1, maxN: 2 }],
  ensemble: false,
  learner: 'svm',
  sublinearTf: true,
  minDf: 2,
  maxFeatures: 30_000,
  nbSmoothing: 0.1,
  nbBinary: false,
  nbInterpolation: 1,
  headChars: 0,
  headWeight: 1,
  c: 1,
  balanced: true,
  maxEpochs: 100,
  tolerance: 0.1,
  calibrationFolds: 3,
  temperature: 0.3,
  maxChars: 20_000,
  seed: 'gongzhi',
};

/** The reference point: character 1–2-gram TF-IDF (raw tf, L2) and a linear SVM with C = 1, as scikit-learn's defaults. */
export const baselineTrainOptions: Partial<TrainOptions> = {
  views: [{ kind: 'char', minN: 1, maxN: 2 }],
  ensemble: false,
  learner: 'svm',
  sublinearTf: false,
  minDf: 1,
  maxFeatures: 1_000_000,
  nbSmoothing: 0,
  c: 1,
  balanced: false,
};

/** Below this many examples every term is kept (min df 1): a brand-new community's few seed phrasings. */
const SMALL_SET = 100;

function fitScorer(opts: TrainOptions, x: Parameters<typeof trainSvm>[0], y: Int32Array, K: number): LinearScorer {
  switch (opts.learner) {
    case 'svm':
      return trainSvm(x, y, K, opts);
    case 'logreg':
      return trainLogReg(x, y, K, { ...opts, maxEpochs: Math.max(opts.maxEpochs, 200) });
    case 'cnb':
      return trainComplementNb(x, y, K, 0.1);
  }
}

/** Fit the members (one per view, or one over all views) on texts with class indexes y. */
function fitMembers(texts: string[], y: Int32Array, K: number, opts: TrainOptions): Member[] {
  const groups = opts.ensemble ? opts.views.map((v) => [v]) : [opts.views];
  const minDf = texts.length < SMALL_SET ? 1 : opts.minDf;
  return groups.map((views) => {
    const { space, x } = fitFeatures(texts, views, { minDf, maxFeatures: opts.maxFeatures, sublinearTf: opts.sublinearTf, maxChars: opts.maxChars, head: { chars: opts.headChars, weight: opts.headWeight } });
    const s = fitScorer(opts, x, y, K);
    const { codes, scales } = quantise(s.weights, K);
    return { space, codes, scales, weights: dequantise(codes, scales), bias: Float32Array.from(s.bias) };
  });
}

/**
 * The temperature is fitted on at most this many examples (a stratified sample): beyond a few thousand the fit
 * no longer changes, and the calibration models would otherwise triple the training time of a large set.
 */
const CALIBRATION_SAMPLE = 5000;

/** Out-of-fold scores of (a sample of) the training examples, for fitting the temperature; null when too few. */
function outOfFoldScores(allTexts: string[], allLabels: string[], allY: Int32Array, K: number, opts: TrainOptions): { scores: Float64Array; y: Int32Array } | null {
  const folds = opts.calibrationFolds;
  if (folds < 2 || allTexts.length < Math.max(20, 2 * K)) return null;
  let pick = [...allTexts.keys()];
  if (allTexts.length > CALIBRATION_SAMPLE) {
    const part = stratifiedFolds(allLabels, Math.ceil(allTexts.length / CALIBRATION_SAMPLE), `${opts.seed}/calibration-sample`);
    pick = pick.filter((i) => part[i] === 0);
  }
  const texts = pick.map((i) => allTexts[i]!);
  const y = Int32Array.from(pick, (i) => allY[i]!);
  const fold = stratifiedFolds(
    pick.map((i) => allLabels[i]!),
    folds,
    `${opts.seed}/calibration`,
  );
  const out = new Float64Array(texts.length * K);
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < texts.length; i++) (fold[i] === f ? test : train).push(i);
    if (!test.length) continue;
    const members = fitMembers(
      train.map((i) => texts[i]!),
      Int32Array.from(train, (i) => y[i]!),
      K,
      opts,
    );
    const model = new LinearClassifier([...Array(K).keys()].map(String), train.length, members, 1);
    const s = model.scores(test.map((i) => texts[i]!));
    test.forEach((i, j) => out.set(s.subarray(j * K, (j + 1) * K), i * K));
  }
  return { scores: out, y };
}

/** Merge the defaults with the caller's options and refuse nonsense early, with the option's name. */
export function resolveOptions(options: Partial<TrainOptions> = {}): TrainOptions {
  const o: TrainOptions = { ...defaultTrainOptions, ...options };
  const positive = { c: o.c, maxEpochs: o.maxEpochs, tolerance: o.tolerance, temperature: o.temperature, maxChars: o.maxChars, maxFeatures: o.maxFeatures, minDf: o.minDf };
  for (const [k, v] of Object.entries(positive)) if (!(v > 0)) throw new Error(`classifier option ${k} must be positive, got ${v}`);
  if (!(o.nbInterpolation > 0 && o.nbInterpolation <= 1)) throw new Error(`classifier option nbInterpolation must be in (0, 1], got ${o.nbInterpolation}`);
  if (!(Number.isInteger(o.headChars) && o.headChars >= 0 && o.headWeight >= 1 && Number.isFinite(o.headWeight))) throw new Error('classifier options headChars must be a whole number ≥ 0 and headWeight ≥ 1');
  if (!o.views.length) throw new Error('classifier option views must name at least one view');
  for (const v of o.views) if (!(v.minN >= 1 && v.maxN >= v.minN && v.maxN <= 5)) throw new Error(`classifier view ${v.kind} ${v.minN}-${v.maxN}: n must be within 1..5`);
  return o;
}

/** Train a classifier on labelled messages. */
export function trainClassifier(examples: LabelledExample[], options?: Partial<TrainOptions>): ClassifierModel {
  return trainLinear(examples, options);
}

/** trainClassifier with the concrete model type (serialisation and the bench need its parts). */
export function trainLinear(examples: LabelledExample[], options?: Partial<TrainOptions>): LinearClassifier {
  const opts = resolveOptions(options);
  if (!examples.length) throw new Error('cannot train a classifier on no examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.some((l) => typeof l !== 'string' || !l)) throw new Error('every example needs a non-empty label');
  const K = labels.length;
  const texts = examples.map((e) => (typeof e.text === 'string' ? e.text : ''));
  if (K === 1) return new LinearClassifier(labels, examples.length, [], 1);
  const at = new Map(labels.map((l, k) => [l, k]));
  const exampleLabels = examples.map((e) => e.label);
  const y = Int32Array.from(exampleLabels, (l) => at.get(l)!);
  const oof = outOfFoldScores(texts, exampleLabels, y, K, opts);
  const temperature = oof ? fitTemperature(oof.scores, oof.y, K) : opts.temperature;
  return new LinearClassifier(labels, examples.length, fitMembers(texts, y, K, opts), temperature);
}

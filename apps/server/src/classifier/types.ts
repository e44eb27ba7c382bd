/** The classifier's public types: what callers train on, what they get back, and the trainer's knobs. */

/** One message with the category staff gave it. */
export interface LabelledExample {
  text: string;
  label: string;
}

/** A category guess with a probability-like confidence in [0, 1]. */
export interface Prediction {
  label: string;
  confidence: number;
  /** top 3, best first (the first is `label` itself) */
  alternatives: { label: string; confidence: number }[];
}

/** Which learner fits the weights (see docs/classifier.md for the measured comparison). */
export type Learner = 'svm' | 'logreg' | 'cnb';

/** A bag of n-grams over one rendering of the text: characters of the normalised text, or jieba words. */
export interface ViewSpec {
  kind: 'char' | 'word';
  minN: number;
  maxN: number;
}

/** The trainer's hyper-parameters; every one has a default (`defaultTrainOptions`). */
export interface TrainOptions {
  /** Feature views; with `ensemble` each view gets its own model, otherwise they are concatenated. */
  views: ViewSpec[];
  /** true: one model per view, probabilities averaged; false: one model over all views together. */
  ensemble: boolean;
  learner: Learner;
  /** Term frequency as 1 + ln(tf) (true) or raw counts (false). */
  sublinearTf: boolean;
  /** A term must occur in this many training messages to enter the vocabulary (lowered to 1 for tiny sets). */
  minDf: number;
  /** Largest vocabulary per view, most frequent terms kept. */
  maxFeatures: number;
  /** NB-SVM: scale features by their class log-count ratio, smoothed by this (0 = plain SVM). */
  nbSmoothing: number;
  /** NB-SVM: log-count ratios from document counts (true) or summed TF-IDF (false). */
  nbBinary: boolean;
  /** NB-SVM: weight of the SVM in Wang & Manning's interpolation with plain NB (1 = SVM weights only). */
  nbInterpolation: number;
  /**
   * Character n-grams starting within the first `headChars` content characters (a title) count `headWeight`
   * times; 0 = off. Measured and not adopted (docs/classifier.md); kept so the table can be reproduced.
   */
  headChars: number;
  headWeight: number;
  /** Inverse regularisation strength of the SVM / logistic regression. */
  c: number;
  /** Weigh classes inversely to their size, so a rare category is not drowned by a frequent one. */
  balanced: boolean;
  /** Upper bound on passes over the data of the iterative learners. */
  maxEpochs: number;
  /** Stopping tolerance of the iterative learners. */
  tolerance: number;
  /** Folds of the internal cross-validation that fits the softmax temperature; 0 uses `temperature` as is. */
  calibrationFolds: number;
  /** Temperature used when it cannot be fitted (tiny training sets, calibrationFolds 0). */
  temperature: number;
  /** Longest text read, in characters; the rest is ignored so one pasted book cannot stall the server. */
  maxChars: number;
  /** Seed of every random choice (shuffles, folds), so a training run can be repeated exactly. */
  seed: string;
}

/** A trained model: pure data plus prediction, safe to share between requests. */
export interface ClassifierModel {
  readonly labels: string[];
  readonly trainedOn: number;
  predict(text: string): Prediction;
  predictMany(texts: string[]): Prediction[];
}

/** Precision, recall and F1 of one category. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** How well a model classified a labelled set. */
export interface EvalReport {
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  messagesPerSecond: number;
  count: number;
  /** Rows: true label, columns: predicted label, both in `labels` order. */
  confusion: { labels: string[]; matrix: number[][] };
  /** Whether confidence means what it says: share below 0.5, accuracy above and below it, expected calibration error. */
  calibration: { lowConfidenceShare: number; accuracyConfident: number; accuracyLowConfidence: number; ece: number };
  /** Cross-validation only: macro-F1 of each fold. */
  foldMacroF1?: number[];
  /** Cross-validation only: seconds to train one fold's model, on average. */
  trainSeconds?: number;
}

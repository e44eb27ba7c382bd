import { Worker } from 'node:worker_threads';
import { defaultTrainOptions, serializeModel, trainClassifier, type LabelledExample, type Prediction } from '../../classifier/index.js';
// Not re-exported by the classifier's index; used here only to report cross-validation fold by fold (below).
import { stratifiedFolds } from '../../classifier/folds.js';
import { metricsOf } from '../../classifier/metrics.js';

/**
 * The CPU-heavy half of retraining: cross-validation and the final fit, run in a worker thread so the HTTP
 * server keeps answering while a community's thousands of labels are learned. Nothing here touches the database.
 */

/** What the worker is given: the training set, and how many cross-validation folds (0: none). */
export interface TrainingInput {
  examples: LabelledExample[];
  folds: number;
}

/** Figures stored with the model (classifier_models.metrics_json). */
export interface StoredMetrics {
  accuracy: number;
  macroF1: number;
  folds: number;
  perClass?: { label: string; f1: number; support: number }[];
  trainSeconds?: number;
}

export type TrainingProgress = { phase: 'cross_validation'; fold: number; folds: number } | { phase: 'final_training' };

export interface TrainingResult {
  /** serializeModel's text, as stored in classifier_models.model. */
  model: string;
  labels: string[];
  metrics: StoredMetrics | null;
}

/**
 * Stratified k-fold cross-validation, then the final model on every example. The folds are the classifier's own
 * (`stratifiedFolds` with the default seed), so the figures equal `crossValidate(examples, k, { calibrationFolds:
 * 0 })`; it is unrolled here only because crossValidate has no per-fold callback to report progress with. The
 * temperature only rescales confidences, never the winning label, so the folds skip fitting it: same accuracy
 * and macro-F1 at a fraction of the work.
 */
export function trainWithProgress(input: TrainingInput, onProgress: (p: TrainingProgress) => void): TrainingResult {
  const { examples, folds } = input;
  let metrics: StoredMetrics | null = null;
  if (folds >= 2) {
    const cvOptions = { calibrationFolds: 0 };
    const fold = stratifiedFolds(
      examples.map((e) => e.label),
      folds,
      defaultTrainOptions.seed,
    );
    const predictions = new Array<Prediction>(examples.length);
    for (let f = 0; f < folds; f++) {
      onProgress({ phase: 'cross_validation', fold: f + 1, folds });
      const held = examples.flatMap((_, i) => (fold[i] === f ? [i] : []));
      if (!held.length) continue;
      const model = trainClassifier(
        examples.filter((_, i) => fold[i] !== f),
        cvOptions,
      );
      const p = model.predictMany(held.map((i) => examples[i]!.text));
      held.forEach((i, j) => (predictions[i] = p[j]!));
    }
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const report = metricsOf(
      examples.map((e) => e.label),
      predictions,
      labels,
    );
    metrics = { accuracy: report.accuracy, macroF1: report.macroF1, folds, perClass: report.perClass.map((c) => ({ label: c.label, f1: c.f1, support: c.support })) };
  }
  onProgress({ phase: 'final_training' });
  const started = performance.now();
  const model = trainClassifier(examples);
  const trainSeconds = Math.round(performance.now() - started) / 1000;
  return { model: serializeModel(model), labels: model.labels, metrics: metrics && { ...metrics, trainSeconds } };
}

/** Messages from the worker (retrain-worker.ts) to the thread that started it. */
export type WorkerMessage = { kind: 'progress'; progress: TrainingProgress } | { kind: 'result'; result: TrainingResult };

/**
 * The worker's entry is a small .mjs that registers tsx before importing retrain-worker.ts: the server runs from
 * its TypeScript sources (tsx under `npm start`, vitest in tests), and a worker thread starts without vitest's
 * transform, so it needs a loader of its own.
 */
const workerEntry = new URL('./retrain-worker.mjs', import.meta.url);

/**
 * `trainWithProgress` in a worker thread. Rejects with the worker's error, or with `signal.reason` once the
 * signal aborts (the worker is terminated: nothing of its half-trained model survives).
 */
export function trainInWorker(input: TrainingInput, onProgress: (p: TrainingProgress) => void, signal?: AbortSignal): Promise<TrainingResult> {
  return new Promise<TrainingResult>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = new Worker(workerEntry, { workerData: input });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      fn();
    };
    const abort = () => settle(() => (void worker.terminate(), reject(signal!.reason)));
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') onProgress(m.progress);
      else settle(() => (void worker.terminate(), resolve(m.result)));
    });
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`classifier training worker exited with code ${code} before answering`))));
  });
}

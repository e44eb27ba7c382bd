// The configurations the classifier benchmark cross-validates with `--candidates` (bench/classifier.ts): every
// row of the candidate table in docs/classifier.md, so each one can be re-measured (`--only <part of its name>`).
import { baselineTrainOptions, type TrainOptions } from '../apps/server/src/classifier/index.js';

const char12 = { kind: 'char', minN: 1, maxN: 2 } as const;
const char13 = { kind: 'char', minN: 1, maxN: 3 } as const;
const word12 = { kind: 'word', minN: 1, maxN: 2 } as const;

/** Every configuration measured for docs/classifier.md (`--candidates`). */
export const candidates: Record<string, Partial<TrainOptions>> = {
  'baseline: char 1–2 raw tf, SVM C=1': baselineTrainOptions,
  'char 1–2 sublinear, SVM balanced': { views: [char12], nbSmoothing: 0, maxFeatures: 1e6 },
  'char 1–3 sublinear, SVM balanced': { views: [char13], nbSmoothing: 0, maxFeatures: 1e6 },
  'word 1–2 (jieba), SVM balanced': { views: [word12], nbSmoothing: 0, maxFeatures: 1e6 },
  'word 1–2 + char 1–3 combined, SVM': { views: [word12, char13], nbSmoothing: 0, maxFeatures: 1e6 },
  'word 1–2 | char 1–3 ensemble, SVM': { views: [word12, char13], ensemble: true, nbSmoothing: 0, maxFeatures: 1e6 },
  'char 1–2, multinomial logistic regression C=10': { views: [char12], learner: 'logreg', c: 10, nbSmoothing: 0, maxFeatures: 1e6 },
  'word 1–2 | char 1–3 ensemble, logistic regression': { views: [word12, char13], ensemble: true, learner: 'logreg', c: 10, nbSmoothing: 0, maxFeatures: 1e6 },
  'word 1–2, complement NB': { views: [word12], learner: 'cnb', maxFeatures: 1e6 },
  'word 1–2 | char 1–3 ensemble, complement NB': { views: [word12, char13], ensemble: true, learner: 'cnb', maxFeatures: 1e6 },
  'char 1–2, NB-SVM, all terms': { views: [char12], maxFeatures: 1e6 },
  'word 1–2 | char 1–2 ensemble, NB-SVM': { views: [word12, char12], ensemble: true, maxFeatures: 1e6 },
  'word 1–2 + char 1–2 combined, NB-SVM': { views: [word12, char12], maxFeatures: 1e6 },
  'chosen: char 1–2, NB-SVM, 30k terms': {},
  // Second round, trying to widen the margin over the baseline (docs/classifier.md: none did).
  'char 1–2, NB-SVM, interpolation β=0.25': { nbInterpolation: 0.25 },
  'char 1–2, NB-SVM, interpolation β=0.75': { nbInterpolation: 0.75 },
  'char 1–2, NB-SVM, binarised ratios α=1': { nbBinary: true, nbSmoothing: 1 },
  'char 1–2, NB-SVM, C=0.1': { c: 0.1 },
  'char 1–2, NB-SVM, C=0.3': { c: 0.3 },
  'char 1–2, NB-SVM, C=3': { c: 3 },
  'char 1–2, NB-SVM, α=0.05': { nbSmoothing: 0.05 },
  'char 1–2, NB-SVM, α=0.3': { nbSmoothing: 0.3 },
  'char 1–3, NB-SVM, min df 3, 100k terms': { views: [char13], minDf: 3, maxFeatures: 100_000 },
  'char 1–2 | char 1–3 ensemble, NB-SVM, min df 3, 100k terms': { views: [char12, char13], ensemble: true, minDf: 3, maxFeatures: 100_000 },
  'char 1–2, NB-SVM, first 40 characters counted twice': { headChars: 40, headWeight: 2 },
};

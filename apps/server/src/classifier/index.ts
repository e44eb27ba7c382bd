/**
 * The request classifier (归类): Chinese free text → a category of the community's taxonomy, with a calibrated
 * confidence. Pure TypeScript, trained in seconds on a CPU. See docs/classifier.md for the design and measurements.
 */
export type { ClassifierModel, ClassMetrics, EvalReport, LabelledExample, Learner, Prediction, TrainOptions, ViewSpec } from './types.js';
export { baselineTrainOptions, defaultTrainOptions, trainClassifier } from './train.js';
export { serializeModel, deserializeModel } from './serialize.js';
export { crossValidate, evaluate } from './evaluate.js';
export { readLabelledFile, LabelledFileError } from './read-labelled.js';
export { tokenize } from './tokenizer.js';
export { normaliseText } from './normalise.js';
export { defaultTaxonomy, type TaxonomyCategory, type Urgency } from './default-taxonomy.js';
export { seedExamples } from './seed-examples.js';
export { syntheticRequests } from './synthetic.js';

/**
 * What other modules use from triage: the taxonomy (created on first use), classification with the community's
 * active model, similar-request search and the handler suggestion. All take `db | trx` first and run inside the
 * caller's transaction, on SQLite and PostgreSQL alike.
 * Retraining is a background job: `retrainCommunity` (the command line) runs one here and now; the job runner
 * (jobs.ts) runs queued ones and fails those whose server died.
 */
export { ensureTaxonomy, toCategoryView } from './taxonomy.service.js';
export { classifyText, warmClassifier, type Classification } from './classification.js';
export { findSimilar, openForSimilarity, type FindSimilarOptions, type SimilarMatch } from './similar.service.js';
export { DUPLICATE_SCORE, SIMILAR_MIN_SCORE } from './similarity.js';
export { suggestHandler, type HandlerSuggestion } from './suggestions.service.js';
export { validAssignee, type Assignee } from './routing.service.js';
export { retrainCommunity } from './retrain.service.js';
export { failStaleRetrains, runQueuedRetrains } from './retrain-runner.js';

import { deserializeModel, seedExamples, trainClassifier, type ClassifierModel } from '../../classifier/index.js';
import type { Db, RequestCategoryRow } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { activeModelId, modelText } from './models.repository.js';
import { ensureTaxonomy } from './taxonomy.service.js';

/**
 * Classification with the community's active model. Models are immutable once stored, so the process keeps
 * the deserialised ones by model id; which one is active is looked up per call (one indexed row), so an
 * activation on any app server takes effect everywhere on the next request without a process-local flag.
 */

/** Deserialised models kept per process; a few per community is plenty, the oldest used goes first. */
const MAX_CACHED_MODELS = 64;
const models = new Map<string, ClassifierModel>();
let seed: ClassifierModel | null = null;

/** The model a community without its own uses: trained once per process on the seed phrasings. */
export function seedModel(): ClassifierModel {
  seed ??= trainClassifier(seedExamples);
  return seed;
}

/** Train the seed model now (at start-up), so the first intake does not pay for it inside its transaction. */
export function warmClassifier(): void {
  seedModel();
}

/** Remember a freshly trained model, so the app server that trained it does not deserialise it again. */
export function rememberModel(id: string, model: ClassifierModel): void {
  models.delete(id);
  models.set(id, model);
  while (models.size > MAX_CACHED_MODELS) models.delete(models.keys().next().value!);
}

async function loadModel(db: Db, id: string): Promise<ClassifierModel | null> {
  const hit = models.get(id);
  if (hit) {
    // Re-insert: Map order is the eviction order.
    rememberModel(id, hit);
    return hit;
  }
  const text = await modelText(db, id);
  if (text === null) return null;
  const model = deserializeModel(text);
  rememberModel(id, model);
  return model;
}

/** The community's active model and its id; the seed model (id null) when it has none. */
export async function activeModel(db: Db, communityId: string): Promise<{ modelId: string | null; model: ClassifierModel }> {
  const id = await activeModelId(db, communityId);
  const model = id ? await loadModel(db, id) : null;
  return model ? { modelId: id, model } : { modelId: null, model: seedModel() };
}

/** A category guess for a text, in the community's own categories. */
export interface Classification {
  categoryId: string;
  code: string;
  /** The model's probability for the category, in [0, 1]. */
  confidence: number;
  /** The stored model that predicted it; null for the seed model. */
  modelId: string | null;
  /** Up to three guesses, best first (the first is the category itself). */
  alternatives: { categoryId: string; code: string; confidence: number }[];
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Predict the category of `text` among the community's active categories (the default taxonomy is created on
 * first use). A label the community has retired since the model was trained is skipped for the next guess;
 * null when none of the model's top guesses is an active category. Runs inside the caller's transaction.
 */
export async function classifyText(deps: AppDeps, db: Db, communityId: string, text: string): Promise<Classification | null> {
  const categories = await ensureTaxonomy(db, communityId, deps.clock.now());
  const { modelId, model } = await activeModel(db, communityId);
  return toClassification(model.predict(text), categories, modelId);
}

/** Map a prediction's labels (category codes) onto category rows. */
export function toClassification(
  prediction: ReturnType<ClassifierModel['predict']>,
  categories: RequestCategoryRow[],
  modelId: string | null,
): Classification | null {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const guesses = [{ label: prediction.label, confidence: prediction.confidence }, ...prediction.alternatives];
  const seen = new Set<string>();
  const alternatives: Classification['alternatives'] = [];
  for (const g of guesses) {
    const c = byCode.get(g.label);
    if (!c || seen.has(c.id)) continue;
    seen.add(c.id);
    alternatives.push({ categoryId: c.id, code: c.code, confidence: clamp01(g.confidence) });
  }
  const best = alternatives[0];
  if (!best) return null;
  return { categoryId: best.categoryId, code: best.code, confidence: best.confidence, modelId, alternatives: alternatives.slice(0, 3) };
}

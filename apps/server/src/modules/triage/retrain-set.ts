import { seedExamples, type LabelledExample } from '../../classifier/index.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import * as repo from './models.repository.js';
import { ensureTaxonomy } from './taxonomy.service.js';

/** A category with fewer of the community's own labels than this is topped up with the seed phrasings. */
const SEED_TOP_UP_BELOW = 20;
/** Refused below this: at least two categories with this many labels each (classifier_not_enough_data). */
const MIN_PER_CATEGORY = 3;
const MIN_CATEGORIES = 2;
/** Cross-validation (3 folds) only when every fold gets a fair share of examples. */
const CV_FOLDS = 3;
const CV_MIN_EXAMPLES = 30;
/** Newest labels used; a community's whole history is a few thousand, this only bounds a runaway. */
const MAX_LABELS = 20_000;

/** Refuse (400 classifier_not_enough_data) below two categories with three labels each. */
function requireEnough(counts: Map<string, number>): void {
  if ([...counts.values()].filter((n) => n >= MIN_PER_CATEGORY).length < MIN_CATEGORIES) {
    const labelled = [...counts.values()].reduce((s, n) => s + n, 0);
    throw new AppError('classifier_not_enough_data', 400, { labelled, categories: counts.size });
  }
}

/** The quick check the retrain button gets an answer from at once, before any job is queued. */
export async function checkEnoughLabels(deps: AppDeps, communityId: string): Promise<void> {
  const categories = await ensureTaxonomy(deps.db, communityId, deps.clock.now());
  const active = new Set(categories.map((c) => c.code));
  const counts = await repo.labelCounts(deps.db, communityId);
  for (const code of counts.keys()) if (!active.has(code)) counts.delete(code);
  requireEnough(counts);
}

/**
 * The training set: the community's requests labelled by staff or residents (in active categories), plus the
 * seed phrasings of each active category with fewer than 20 labels of its own, so a category nobody has
 * labelled yet can still be predicted. Checked again here (labels may have changed since the job was queued).
 */
export async function trainingSet(deps: AppDeps, communityId: string): Promise<LabelledExample[]> {
  const categories = await ensureTaxonomy(deps.db, communityId, deps.clock.now());
  const active = new Set(categories.map((c) => c.code));
  const own = (await repo.labelledRequests(deps.db, communityId, MAX_LABELS)).filter((r) => active.has(r.code));
  const counts = new Map<string, number>();
  for (const r of own) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  requireEnough(counts);
  const seeds = seedExamples.filter((e) => active.has(e.label) && (counts.get(e.label) ?? 0) < SEED_TOP_UP_BELOW);
  return [...own.map((r) => ({ text: `${r.title}\n${r.text}`, label: r.code })), ...seeds];
}

/** Folds of the cross-validation for a training set of this size (0: too small to cross-validate fairly). */
export const foldsFor = (examples: number): number => (examples >= CV_MIN_EXAMPLES ? CV_FOLDS : 0);

import type { ClassifierModelView } from '@gongzhi/shared';
import { crossValidate, seedExamples, serializeModel, trainClassifier, type LabelledExample } from '../../classifier/index.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { rememberModel } from './classification.js';
import * as repo from './models.repository.js';
import { ensureTaxonomy, managedCommunity } from './taxonomy.service.js';
import { covers, settingsPrefixes } from './triage.policy.js';

/** A category with fewer of the community's own labels than this is topped up with the seed phrasings. */
export const SEED_TOP_UP_BELOW = 20;
/** Refused below this: at least two categories with this many labels each (classifier_not_enough_data). */
export const MIN_PER_CATEGORY = 3;
const MIN_CATEGORIES = 2;
/** Cross-validation (3 folds) only when every fold gets a fair share of examples. */
const CV_FOLDS = 3;
const CV_MIN_EXAMPLES = 30;
/** Newest labels used; a community's whole history is a few thousand, this only bounds a runaway. */
const MAX_LABELS = 20_000;

interface StoredMetrics {
  accuracy: number;
  macroF1: number;
  folds: number;
  perClass?: { label: string; f1: number; support: number }[];
  trainSeconds?: number;
}

export function toModelView(m: repo.ClassifierModelMeta): ClassifierModelView {
  const metrics = m.metrics_json ? (JSON.parse(m.metrics_json) as StoredMetrics) : null;
  return {
    id: m.id,
    createdAt: m.created_at,
    exampleCount: m.example_count,
    labels: JSON.parse(m.labels_json) as string[],
    metrics: metrics && { accuracy: metrics.accuracy, macroF1: metrics.macroF1, folds: metrics.folds },
    active: m.active === 1,
  };
}

/**
 * The training set: the community's requests labelled by staff or residents (in active categories), plus the
 * seed phrasings of each active category with fewer than 20 labels of its own, so a category nobody has
 * labelled yet can still be predicted. Refused (400 classifier_not_enough_data) below two categories with
 * three labels each.
 */
async function trainingSet(deps: AppDeps, communityId: string): Promise<LabelledExample[]> {
  const categories = await ensureTaxonomy(deps.db, communityId, deps.clock.now());
  const active = new Set(categories.map((c) => c.code));
  const own = (await repo.labelledRequests(deps.db, communityId, MAX_LABELS)).filter((r) => active.has(r.code));
  const counts = new Map<string, number>();
  for (const r of own) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  if ([...counts.values()].filter((n) => n >= MIN_PER_CATEGORY).length < MIN_CATEGORIES) {
    throw new AppError('classifier_not_enough_data', 400, { labelled: own.length, categories: counts.size });
  }
  const seeds = seedExamples.filter((e) => active.has(e.label) && (counts.get(e.label) ?? 0) < SEED_TOP_UP_BELOW);
  return [...own.map((r) => ({ text: `${r.title}\n${r.text}`, label: r.code })), ...seeds];
}

/**
 * Train a new model for the community on its labels, measure it by 3-fold cross-validation (when there are
 * enough examples), then store and activate it in one transaction. Training runs before the transaction opens
 * (seconds at most at community scale), so no write lock is held meanwhile. `ctx` null: the command line.
 */
export async function retrainClassifier(deps: AppDeps, ctx: RequestContext | null, communityId: string): Promise<ClassifierModelView> {
  const community = await findPlace(deps.db, communityId);
  if (!community || community.kind !== 'community') throw notFound();
  const examples = await trainingSet(deps, communityId);
  const started = performance.now();
  const model = trainClassifier(examples);
  const trainSeconds = Math.round(performance.now() - started) / 1000;
  // The temperature only rescales confidences, never the winning label, so the folds skip fitting it: same
  // accuracy and macro-F1 at a quarter of the work.
  const report = examples.length >= CV_MIN_EXAMPLES ? crossValidate(examples, CV_FOLDS, { calibrationFolds: 0 }) : null;
  const metrics: StoredMetrics | null = report && {
    accuracy: report.accuracy,
    macroF1: report.macroF1,
    folds: CV_FOLDS,
    perClass: report.perClass.map((c) => ({ label: c.label, f1: c.f1, support: c.support })),
    trainSeconds,
  };
  const row: repo.ClassifierModelRow = {
    id: newId(),
    community_id: communityId,
    example_count: examples.length,
    labels_json: JSON.stringify(model.labels),
    metrics_json: metrics && JSON.stringify(metrics),
    model: serializeModel(model),
    active: 1,
    created_by: ctx?.actor.userId ?? null,
    created_at: iso(deps.clock.now()),
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, communityId, deps.handle.dialect === 'postgres');
    await repo.insertModel(trx, row);
    await repo.activateModel(trx, communityId, row.id);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'classifier_model.trained',
      targetType: 'classifier_model',
      targetId: row.id,
      communityId,
      scopePath: community.path,
      after: { exampleCount: row.example_count, labels: model.labels.length, metrics: metrics && { accuracy: metrics.accuracy, macroF1: metrics.macroF1 } },
    });
  });
  rememberModel(row.id, model);
  return toModelView(row);
}

/** The command line's retraining: no signed-in actor, audited as the system. */
export const retrainCommunity = (deps: AppDeps, communityId: string): Promise<ClassifierModelView> => retrainClassifier(deps, null, communityId);

/** `POST /classifier/retrain`: the given community, or the actor's only one. */
export async function retrainFor(deps: AppDeps, ctx: RequestContext, communityId: string | undefined): Promise<ClassifierModelView> {
  const community = await managedCommunity(deps, ctx.actor, communityId);
  return retrainClassifier(deps, ctx, community.id);
}

export async function listModelsFor(deps: AppDeps, actor: Actor, communityId: string | undefined) {
  const community = await managedCommunity(deps, actor, communityId);
  return { items: (await repo.listModelMeta(deps.db, community.id, 50)).map(toModelView) };
}

/** Make a stored model the active one (going back to an earlier model after a bad retraining, say). */
export async function activateModelFor(deps: AppDeps, ctx: RequestContext, id: string): Promise<ClassifierModelView> {
  const model = await repo.findModelMeta(deps.db, id);
  const community = model && (await findPlace(deps.db, model.community_id));
  if (!model || !community || !covers(settingsPrefixes(ctx.actor), community.path)) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockCommunity(trx, community.id, deps.handle.dialect === 'postgres');
    await repo.activateModel(trx, community.id, id);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'classifier_model.activated',
      targetType: 'classifier_model',
      targetId: id,
      communityId: community.id,
      scopePath: community.path,
    });
  });
  return toModelView({ ...model, active: 1 });
}

import { errorMessages, type ClassifierJobView, type ClassifierModelView, type ErrorCode } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import * as repo from './models.repository.js';
import * as jobs from './retrain-jobs.repository.js';
import type { ClassifierJobRow } from './retrain-jobs.repository.js';
import { runRetrainJob } from './retrain-runner.js';
import { checkEnoughLabels } from './retrain-set.js';
import type { StoredMetrics } from './retrain-training.js';
import { managedCommunity } from './taxonomy.service.js';
import { covers, settingsPrefixes } from './triage.policy.js';

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

/** A job as the API shows it, with its model's figures once done. */
async function jobView(deps: AppDeps, job: ClassifierJobRow): Promise<ClassifierJobView> {
  const model = job.model_id ? await repo.findModelMeta(deps.db, job.model_id) : undefined;
  return {
    id: job.id,
    communityId: job.community_id,
    status: job.status as ClassifierJobView['status'],
    phase: job.status === 'running' ? (job.phase as ClassifierJobView['phase']) : null,
    fold: job.fold,
    folds: job.folds,
    exampleCount: job.example_count,
    model: model ? toModelView(model) : null,
    error: job.error_code ? { code: job.error_code, details: job.error_details ? (JSON.parse(job.error_details) as Record<string, string | number>) : null } : null,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
  };
}

/**
 * Queue a retraining of the community, or find the one already queued or running (`created` false): the
 * database holds one open job per community, so two clicks, or two servers, never train twice at once. Too few
 * labels is refused at once (400 classifier_not_enough_data). `running` (the command line) queues the job
 * already claimed by the caller, so no server's runner takes it meanwhile.
 */
export async function startRetrain(deps: AppDeps, ctx: RequestContext | null, communityId: string, opts: { running?: boolean } = {}): Promise<{ job: ClassifierJobRow; created: boolean }> {
  const community = await findPlace(deps.db, communityId);
  if (!community || community.kind !== 'community') throw notFound();
  const open = await jobs.findOpenJob(deps.db, communityId);
  if (open) return { job: open, created: false };
  await checkEnoughLabels(deps, communityId);
  const now = iso(deps.clock.now());
  const job: ClassifierJobRow = {
    id: newId(),
    community_id: communityId,
    status: opts.running ? 'running' : 'queued',
    phase: opts.running ? 'collecting' : null,
    fold: null,
    folds: null,
    example_count: null,
    model_id: null,
    error_code: null,
    error_details: null,
    created_by: ctx?.actor.userId ?? null,
    request_id: ctx?.requestId ?? null,
    created_at: now,
    started_at: opts.running ? now : null,
    heartbeat_at: opts.running ? now : null,
    finished_at: null,
    updated_at: now,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await jobs.insertJob(trx, job);
      await recordAudit(trx, ctx, deps.clock, { action: 'classifier_job.started', targetType: 'classifier_job', targetId: job.id, communityId, scopePath: community.path });
    });
  } catch (e) {
    // Another click got in between the look-up and the insert.
    const winner = isUniqueViolation(e) ? await jobs.findOpenJob(deps.db, communityId) : undefined;
    if (!winner) throw e;
    return { job: winner, created: false };
  }
  return { job, created: true };
}

/** `POST /classifier/retrain`: the given community, or the actor's only one; `created` false for the open job. */
export async function retrainFor(deps: AppDeps, ctx: RequestContext, communityId: string | undefined): Promise<{ job: ClassifierJobView; created: boolean }> {
  const community = await managedCommunity(deps, ctx.actor, communityId);
  const { job, created } = await startRetrain(deps, ctx, community.id);
  return { job: await jobView(deps, job), created };
}

/**
 * The command line's retraining: the same job as the button's, run in this process (still in a worker thread)
 * and awaited. Refused (409 classifier_job_running) while the community has another one open; a failed job
 * throws its error code.
 */
export async function retrainCommunity(deps: AppDeps, communityId: string): Promise<ClassifierModelView> {
  const { job, created } = await startRetrain(deps, null, communityId, { running: true });
  if (!created) throw new AppError('classifier_job_running', 409, { jobId: job.id });
  const ended = await runRetrainJob(deps, job);
  const model = ended.model_id ? await repo.findModelMeta(deps.db, ended.model_id) : undefined;
  if (model) return toModelView(model);
  const code = ended.error_code && Object.hasOwn(errorMessages, ended.error_code) ? (ended.error_code as ErrorCode) : 'classifier_training_failed';
  throw new AppError(code, code === 'classifier_not_enough_data' ? 400 : 500, ended.error_details ? (JSON.parse(ended.error_details) as unknown) : undefined);
}

/** A job of a community whose settings the actor keeps; anything else answers 404, like a missing one. */
export async function getJobFor(deps: AppDeps, actor: Actor, id: string): Promise<ClassifierJobView> {
  const job = await jobs.findJob(deps.db, id);
  const community = job && (await findPlace(deps.db, job.community_id));
  if (!job || !community || !covers(settingsPrefixes(actor), community.path)) throw notFound();
  return jobView(deps, job);
}

/** The community's latest jobs, newest first (the settings page shows the last one on opening). */
export async function listJobsFor(deps: AppDeps, actor: Actor, q: { communityId?: string; limit: number }) {
  const community = await managedCommunity(deps, actor, q.communityId);
  const rows = await jobs.listJobs(deps.db, community.id, q.limit);
  return { items: await Promise.all(rows.map((j) => jobView(deps, j))) };
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

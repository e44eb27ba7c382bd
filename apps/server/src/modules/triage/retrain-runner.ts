import type { AppDeps } from '../../deps.js';
import { publicActor, type RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import * as models from './models.repository.js';
import * as jobs from './retrain-jobs.repository.js';
import type { ClassifierJobPatch, ClassifierJobRow } from './retrain-jobs.repository.js';
import { foldsFor, trainingSet } from './retrain-set.js';
import { trainInWorker, type TrainingProgress } from './retrain-training.js';

/**
 * Runs claimed retraining jobs: labels are read and the model stored here, in the serving thread; the training
 * itself runs in a worker thread (retrain-training.ts). While a job runs its heartbeat is renewed, so a job
 * whose server died is failed by another server's `failStaleRetrains`; the model is stored and activated in the
 * same transaction that marks its job done, and only if the job is still running, so a job failed meanwhile
 * (stale, or stopped) never activates anything.
 */

/** How often a running job proves its server is alive, and how old a heartbeat may get before the job is failed. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 120_000;

/** Thrown inside the finishing transaction when the job was failed meanwhile: rolls back the model. */
class JobLost extends Error {}

/** The audit context of a job queued by a signed-in user: who pressed the button, and the request that did. */
function jobContext(job: ClassifierJobRow): RequestContext | null {
  if (!job.created_by) return null;
  return { actor: { ...publicActor, userId: job.created_by }, requestId: job.request_id ?? job.id, ip: null };
}

/** A failure as the job stores it: AppErrors keep their code and details, anything else is a training failure. */
function failure(e: unknown, interrupted: boolean): Pick<ClassifierJobRow, 'error_code' | 'error_details'> {
  if (e instanceof AppError) return { error_code: e.code, error_details: e.details === undefined ? null : JSON.stringify(e.details) };
  return { error_code: interrupted ? 'classifier_job_interrupted' : 'classifier_training_failed', error_details: null };
}

export interface RunRetrainOptions {
  /** Aborted when the server shuts down: the worker is terminated and the job fails as interrupted. */
  signal?: AbortSignal;
}

/**
 * Run a job this process has just claimed (status `running`) to its end. Resolves with the job as it ended;
 * rejects only for an unexpected error (after failing the job), so the job runner logs it.
 */
export async function runRetrainJob(deps: AppDeps, job: ClassifierJobRow, opts: RunRetrainOptions = {}): Promise<ClassifierJobRow> {
  const id = job.id;
  const now = () => iso(deps.clock.now());
  const stop = new AbortController();
  const onShutdown = () => stop.abort(new Error('server shutting down'));
  opts.signal?.addEventListener('abort', onShutdown, { once: true });
  if (opts.signal?.aborted) onShutdown();
  // Progress writes go one after another, in order; each also renews the heartbeat. A write that finds the job
  // no longer running (failed as stale by another server) stops the training.
  let writes = Promise.resolve();
  const write = (patch: ClassifierJobPatch) => {
    writes = writes
      .then(() => jobs.updateJobIf(deps.db, id, 'running', { ...patch, heartbeat_at: now(), updated_at: now() }))
      .then((still) => void (still || stop.abort(new JobLost())))
      .catch(() => undefined); // a missed heartbeat is retried by the next one
    return writes;
  };
  const beat = setInterval(() => void write({}), HEARTBEAT_MS);
  beat.unref();
  try {
    const community = await findPlace(deps.db, job.community_id);
    if (!community) throw new Error(`community ${job.community_id} of classifier job ${id} not found`);
    const examples = await trainingSet(deps, community.id);
    const folds = foldsFor(examples.length);
    await write({ example_count: examples.length, folds: folds || null });
    const onProgress = (p: TrainingProgress) =>
      void write(p.phase === 'cross_validation' ? { phase: p.phase, fold: p.fold, folds: p.folds } : { phase: p.phase, fold: null });
    const result = await trainInWorker({ examples, folds }, onProgress, stop.signal);
    await write({ phase: 'saving', fold: null });
    if (stop.signal.aborted) throw stop.signal.reason;
    const row: models.ClassifierModelRow = {
      id: newId(),
      community_id: community.id,
      example_count: examples.length,
      labels_json: JSON.stringify(result.labels),
      metrics_json: result.metrics && JSON.stringify(result.metrics),
      model: result.model,
      active: 0,
      created_by: job.created_by,
      created_at: now(),
    };
    await deps.db.transaction().execute(async (trx) => {
      await models.lockCommunity(trx, community.id, deps.handle.dialect === 'postgres');
      await models.insertModel(trx, row);
      const finished = await jobs.updateJobIf(trx, id, 'running', { status: 'done', phase: null, fold: null, model_id: row.id, finished_at: now(), updated_at: now() });
      if (!finished) throw new JobLost();
      await models.activateModel(trx, community.id, row.id);
      const metrics = result.metrics && { accuracy: result.metrics.accuracy, macroF1: result.metrics.macroF1 };
      await recordAudit(trx, jobContext(job), deps.clock, {
        action: 'classifier_model.trained',
        targetType: 'classifier_model',
        targetId: row.id,
        communityId: community.id,
        scopePath: community.path,
        after: { exampleCount: row.example_count, labels: result.labels.length, metrics, jobId: id },
      });
    });
  } catch (e) {
    const lost = e instanceof JobLost || stop.signal.reason instanceof JobLost;
    if (!lost) {
      const ended = { status: 'failed', phase: null, fold: null, finished_at: now(), updated_at: now(), ...failure(e, stop.signal.aborted) };
      await writes;
      await jobs.updateJobIf(deps.db, id, 'running', ended).catch(() => false);
      if (!(e instanceof AppError) && !stop.signal.aborted) throw e;
    }
  } finally {
    clearInterval(beat);
    opts.signal?.removeEventListener('abort', onShutdown);
  }
  return (await jobs.findJob(deps.db, id)) ?? job;
}

/**
 * One round of the job runner (jobs.ts): claim queued jobs one at a time, oldest first, and run each to its end.
 * Several servers may run rounds at once: a claim is a conditional update, so each job runs exactly once.
 */
export async function runQueuedRetrains(deps: AppDeps, opts: RunRetrainOptions = {}): Promise<number> {
  let ran = 0;
  let firstError: unknown = null;
  while (!opts.signal?.aborted) {
    const id = await jobs.nextQueuedJobId(deps.db);
    if (!id) break;
    const at = iso(deps.clock.now());
    const claimed = await jobs.updateJobIf(deps.db, id, 'queued', { status: 'running', phase: 'collecting', started_at: at, heartbeat_at: at, updated_at: at });
    if (!claimed) continue; // another server took it
    const job = await jobs.findJob(deps.db, id);
    if (!job) continue;
    await runRetrainJob(deps, job, opts).catch((e: unknown) => (firstError ??= e));
    ran++;
  }
  if (firstError) throw firstError;
  return ran;
}

/** Fail running jobs whose server stopped renewing their heartbeat (it died); run at start-up and every minute. */
export function failStaleRetrains(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  return jobs.failStaleJobs(deps.db, iso(new Date(now.getTime() - STALE_AFTER_MS)), iso(now), 'classifier_job_interrupted');
}

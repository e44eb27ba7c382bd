import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { runDisclosureReminders } from './modules/disclosure/index.js';
import { purgeUnattachedFiles } from './modules/files/index.js';
import { deliverOutbox } from './modules/notifications/index.js';
import { runRequestTimers } from './modules/requests/index.js';
import { failStaleRetrains, runQueuedRetrains, warmClassifier } from './modules/triage/index.js';

/** Background work of a serving process, each run on its own interval. */
interface Job {
  name: string;
  everyMs: number;
  /** `signal` aborts when the app closes: a long round (a classifier training) ends early instead of being waited for. */
  run: (deps: AppDeps, signal: AbortSignal) => Promise<unknown>;
}

/**
 * Every job is safe to run on several app servers at once (rows are claimed by conditional updates), so each
 * server may run them all; `GONGZHI_JOBS=false` leaves a server out.
 */
export const jobs: Job[] = [
  { name: 'request timers', everyMs: 60_000, run: runRequestTimers },
  { name: 'notification delivery', everyMs: 30_000, run: (deps) => deliverOutbox(deps, { limit: 100 }) },
  { name: 'unattached upload purge', everyMs: 3_600_000, run: purgeUnattachedFiles },
  // Polled often so a retrain starts within seconds of the click: an idle round is one indexed read.
  { name: 'classifier retraining', everyMs: 2_000, run: (deps, signal) => runQueuedRetrains(deps, { signal }) },
  { name: 'stale classifier jobs', everyMs: 60_000, run: failStaleRetrains },
  // One reminder per catalogue item, period and kind, remembered in disclosure_reminders.
  { name: 'disclosure reminders', everyMs: 3_600_000, run: runDisclosureReminders },
];

/**
 * Start the jobs once the server is ready (config.jobs); tests keep them off and call the functions themselves.
 * A slow round never piles up behind itself, a failing round is logged and retried at the next tick, and
 * closing the app waits for running rounds.
 */
export function startJobs(app: FastifyInstance): void {
  if (!app.deps.config.jobs) return;
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<unknown>>();
  const closing = new AbortController();
  const tick = (job: Job) => {
    if (running.has(job.name) || closing.signal.aborted) return;
    const round = job
      .run(app.deps, closing.signal)
      .catch((err: unknown) => app.log.warn({ err, job: job.name }, 'background job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, round);
  };
  app.addHook('onReady', async () => {
    // The fallback classifier takes about a second to train: do it now, not inside the first intake's transaction.
    setImmediate(warmClassifier);
    for (const job of jobs) {
      tick(job);
      const t = setInterval(() => tick(job), job.everyMs);
      t.unref();
      timers.push(t);
    }
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearInterval(t);
    closing.abort();
    await Promise.all(running.values());
  });
}

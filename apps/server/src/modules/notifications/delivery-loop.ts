import type { FastifyInstance } from 'fastify';
import { deliverOutbox } from './delivery.js';

/** How often the outbox is looked at when this process runs jobs. */
const INTERVAL_MS = 30_000;

/**
 * Deliver the outbox in the background while the app runs, when `config.jobs` is on (tests keep it off and
 * call `deliverOutbox` themselves). Several app servers may all do this: rows are claimed one by one.
 */
export function startOutboxDelivery(app: FastifyInstance): void {
  if (!app.deps.config.jobs) return;
  let running: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return; // a slow round (timeouts) must not pile up behind itself
      running = deliverOutbox(app.deps, { limit: 100 })
        .catch((err: unknown) => app.log.warn({ err }, 'notification delivery round failed'))
        .finally(() => {
          running = null;
        });
    }, INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}

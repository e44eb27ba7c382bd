import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';

/**
 * Group commit for SQLite intake. With `synchronous = FULL` every commit waits for the disk (about 3 ms here), so
 * one transaction per request caps intake near 300 a second however fast the rest is. Intakes that arrive while a
 * commit is under way are written together in the next transaction, each inside its own savepoint: a request that
 * fails rolls back to its savepoint and leaves nothing, the others commit, and nobody is answered before the
 * commit that holds their request has reached the disk. A lone request is committed at once, as before.
 * PostgreSQL needs none of this: its connections commit in parallel and it groups WAL flushes itself.
 */

/** More than this waits for the next commit, so one transaction never grows without bound. */
const MAX_BATCH = 64;
const SAVEPOINT = CompiledQuery.raw('savepoint intake');
const RELEASE = CompiledQuery.raw('release intake');
const ROLLBACK = CompiledQuery.raw('rollback to intake');

interface Job {
  run: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

class GroupCommit {
  private queue: Job[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<Database>) {}

  run<R>(fn: (trx: Transaction<Database>) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ run: fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const outcomes = await this.commitBatch(batch);
        batch.forEach((job, i) => {
          const o = outcomes[i]!;
          if (o.ok) job.resolve(o.value);
          else job.reject(o.error);
        });
        // Let the requests that arrived during the commit reach the queue, so the next commit carries them all.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commitBatch(batch: Job[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of batch) {
          if (batch.length === 1) {
            outcomes.push({ ok: true, value: await job.run(trx) });
            continue;
          }
          await trx.executeQuery(SAVEPOINT);
          try {
            const value = await job.run(trx);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await trx.executeQuery(ROLLBACK);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (or a lone request did): nobody in the batch was written.
      return batch.map(() => ({ ok: false, error }));
    }
    return outcomes;
  }
}

const groups = new WeakMap<Kysely<Database>, GroupCommit>();

/** Run `fn` in a transaction shared with the intakes arriving at the same moment (SQLite only). */
export function inGroupCommit<R>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<R>): Promise<R> {
  let g = groups.get(db);
  if (!g) {
    g = new GroupCommit(db);
    groups.set(db, g);
  }
  return g.run(fn);
}

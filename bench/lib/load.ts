import { Worker } from 'node:worker_threads';

/** One timed run of closed-loop load against one URL. Latencies are of 2xx answers only. */
export interface LoadResult {
  /** 2xx answers received. */
  requests: number;
  durationS: number;
  /** 2xx answers per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface LoadJob {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  pipelining: number;
  /** Seconds (fractions allowed). */
  duration: number;
  /** GET by default; a POST sends `body` with every request. */
  method?: 'GET' | 'POST';
  body?: string;
}

type Reply = { id: number; ok: true; result: LoadResult } | { id: number; ok: false; error: string };

/**
 * autocannon in a worker thread. The servers under test stay alone on the main thread's event loop, and the
 * load generator gets its own core (on a 2-core machine: one each), as it would from a separate process.
 */
export class LoadGenerator {
  private readonly worker = new Worker(new URL('./load-worker.mjs', import.meta.url));
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker.on('message', (msg: Reply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`load generator: ${msg.error}`));
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', (code) => this.failAll(new Error(`load generator exited (${code})`)));
  }

  run(job: LoadJob): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, headers: {}, ...job });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(err: Error) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

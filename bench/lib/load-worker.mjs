// The load generator, run in a worker thread so that it never shares an event loop with the servers under test
// (which live on the main thread). Plain JavaScript on purpose: a worker thread must load this file with bare
// Node, whether the parent runs under tsx, vitest or anything else.
//
// Protocol: the parent posts { id, url, headers, connections, pipelining, duration, method?, body? } and gets back
// { id, ok: true, result } or { id, ok: false, error }. One job at a time.
import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';

/** Nearest-rank percentile of an ascending-sorted array. */
function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

function run(job) {
  return new Promise((resolve, reject) => {
    // autocannon's own histogram records whole milliseconds, too coarse for loopback (most answers take < 1 ms),
    // so every 2xx latency is kept here (as a float, in ms) and the percentiles are computed exactly.
    let latencies = new Float64Array(1 << 16);
    let n = 0;
    let other = 0;
    const statuses = {};
    const instance = autocannon(
      {
        url: job.url,
        method: job.method ?? 'GET',
        headers: job.headers,
        body: job.body,
        connections: job.connections,
        pipelining: job.pipelining,
        duration: job.duration,
        timeout: 10,
      },
      (err, res) => {
        if (err) return reject(err);
        const sorted = latencies.subarray(0, n).sort();
        let sum = 0;
        for (let i = 0; i < n; i++) sum += sorted[i];
        resolve({
          requests: n,
          durationS: res.duration,
          rps: res.duration > 0 ? n / res.duration : 0,
          p50Ms: percentile(sorted, 0.5),
          p99Ms: percentile(sorted, 0.99),
          meanMs: n ? sum / n : NaN,
          non2xx: other,
          statuses,
          errors: res.errors,
          timeouts: res.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        if (n === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[n++] = responseTime;
      } else {
        other++;
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      }
    });
  });
}

parentPort.on('message', (job) => {
  run(job).then(
    (result) => parentPort.postMessage({ id: job.id, ok: true, result }),
    (err) => parentPort.postMessage({ id: job.id, ok: false, error: String(err?.stack ?? err) }),
  );
});

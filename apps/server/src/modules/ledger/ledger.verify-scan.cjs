// The hot loop of the stored-chain verifier on SQLite (see ledger.verify.ts): rows of one seq range, in seq order,
// each [seq, id, canonical text as UTF-8 bytes, content_hash, prev_hash, entry_hash], hashed and linked here; only
// the rows that fail, or open the range, are returned. Plain CommonJS so that the same file runs in the main
// thread (required by ledger.verify.ts) and as a worker thread with a read-only connection of its own, under
// tsx, vitest or node alike; better-sqlite3 is synchronous, so threads are how ranges use every core.
'use strict';
const crypto = require('node:crypto');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');

/** One-shot SHA-256 (crypto.hash, Node ≥ 20.12, is several times faster for short inputs than a Hash object). */
const hashHex = crypto.hash ? (b) => crypto.hash('sha256', b, 'hex') : (b) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * @param {Iterable<unknown[]>} rows
 * @returns {{ seq: number, id: string, content_hash: string|null, prev_hash: string|null, entry_hash: string|null, content_ok: boolean, prev: { seq: number, id: string, entryHash: string }|null }[]}
 */
function scanRows(rows) {
  const events = [];
  let prev = null;
  for (const [seqValue, id, text, contentHash, prevHash, entryHash] of rows) {
    const seq = Number(seqValue);
    const contentOk = Buffer.isBuffer(text) && contentHash !== null && hashHex(text) === contentHash;
    const entryOk = prevHash !== null && contentHash !== null && hashHex(prevHash + contentHash) === entryHash;
    const linked = prev !== null && seq === prev.seq + 1 && prevHash === prev.entryHash;
    if (!contentOk || !entryOk || !linked) {
      events.push({ seq, id, content_hash: contentHash, prev_hash: prevHash, entry_hash: entryHash, content_ok: contentOk, prev });
    }
    prev = { seq, id, entryHash: entryHash ?? '' };
  }
  return events;
}

module.exports = { scanRows };

if (!isMainThread && workerData && workerData.task === 'ledger-verify-scan') {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    parentPort.postMessage({ events: scanRows(db.prepare(workerData.sql).raw(true).iterate(...workerData.parameters)) });
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    db.close();
  }
}

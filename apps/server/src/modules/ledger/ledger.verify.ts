import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ChainWalker, GENESIS_HASH, verifyChain, type ChainReport, type LedgerVerification } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import { canonicalRowText, recordOf, sha256 } from './ledger.chain.js';
import { readHead } from './ledger.repository.js';
import { communityFor } from './ledger.service.js';
import * as vrepo from './ledger.verify.repository.js';

/**
 * Verify a community's whole chain as stored: every content hash against the entry's columns, every link, every
 * gap, and the head; the same checks `ledger verify` runs on an exported file, with the same report.
 *
 * How: the database builds each entry's canonical text (ledger.verify.repository.ts). PostgreSQL hashes it and
 * returns only the rows whose hashes fail, and (in a second query, at the same time) the rows that do not link to
 * the one before. On SQLite the seq range is cut into one part per core (up to four; one part below 50,000
 * entries), each scanned by ledger.verify-scan.cjs in a worker thread with a read-only connection of its own.
 * What comes back, and each part's first row, is walked here in seq order; a row whose text did not match is
 * rebuilt in application code, so the verdict and the fields named are the application's.
 */

const PART_MIN = 50_000;
const MAX_PARTS = 4;
const load = createRequire(import.meta.url);
const driver = load.resolve('better-sqlite3');
const scanFile = new URL('./ledger.verify-scan.cjs', import.meta.url);
const { scanRows } = load('./ledger.verify-scan.cjs') as { scanRows: (rows: Iterable<unknown[]>) => vrepo.DoubtfulRow[] };

type Deps = Pick<AppDeps, 'db' | 'handle'>;
interface Part {
  rows: vrepo.DoubtfulRow[];
  end: Awaited<ReturnType<typeof vrepo.rangeEnd>>;
}

function cut(count: number, maxSeq: number, forced?: number): [number, number][] {
  const n = forced ?? Math.max(1, Math.min(availableParallelism(), MAX_PARTS, Math.floor(count / PART_MIN)));
  const width = Math.ceil(maxSeq / n);
  return Array.from({ length: n }, (_, i) => [i * width, i === n - 1 ? maxSeq : (i + 1) * width] as [number, number]);
}

function inWorker(deps: Deps, communityId: string, lo: number, hi: number): Promise<vrepo.DoubtfulRow[]> {
  const q = vrepo.sqliteRangeQuery(deps.db, communityId, lo, hi);
  const workerData = { task: 'ledger-verify-scan', driver, file: deps.handle.sqlite!.name, sql: q.sql, parameters: q.parameters };
  return new Promise((resolve, reject) => {
    const w = new Worker(scanFile, { workerData });
    w.once('message', (m: { events?: vrepo.DoubtfulRow[]; error?: string }) => (m.error !== undefined ? reject(new Error(`ledger verify: ${m.error}`)) : resolve(m.events!)));
    w.once('error', reject);
    // Settling twice is a no-op: after a message this changes nothing; without one it ends the wait.
    w.once('exit', (code) => reject(new Error(`ledger verify: a worker exited with ${code} before answering`)));
  });
}

async function sqliteParts(deps: Deps, communityId: string, count: number, maxSeq: number, forced?: number): Promise<Part[]> {
  const raw = deps.handle.sqlite!;
  const ranges = cut(count, maxSeq, forced);
  const threads = ranges.length > 1 && !raw.memory;
  return Promise.all(
    ranges.map(async ([lo, hi]) => ({
      rows: threads ? await inWorker(deps, communityId, lo, hi) : scanRows(vrepo.sqliteRangeRows(raw, deps.db, communityId, lo, hi)),
      end: await vrepo.rangeEnd(deps.db, communityId, lo, hi),
    })),
  );
}

async function pgPart(deps: Deps, communityId: string, maxSeq: number): Promise<Part[]> {
  const [hashes, links, end] = await Promise.all([vrepo.pgHashDoubts(deps.db, communityId, maxSeq), vrepo.pgLinkDoubts(deps.db, communityId, maxSeq), vrepo.rangeEnd(deps.db, communityId, 0, maxSeq)]);
  const bySeq = new Map(hashes.map((r) => [r.seq, r]));
  // A row that does not link knows its real predecessor; one whose content alone failed follows seq - 1.
  for (const l of links) bySeq.set(l.seq, { ...l, content_ok: bySeq.get(l.seq)?.content_ok ?? true });
  return [{ rows: [...bySeq.values()].sort((a, b) => a.seq - b.seq), end }];
}

/** The application's own content hash of each row the database did not vouch for, and what visibly disagrees. */
async function rebuild(deps: Deps, communityId: string, seqs: number[]) {
  const out = new Map<number, { hash: string; fields: string[] }>();
  for (const row of await vrepo.rowsBySeq(deps.db, communityId, seqs)) {
    try {
      out.set(Number(row.seq), { hash: sha256(canonicalRowText(row)), fields: verifyChain([recordOf(row)], sha256).problems.flatMap((p) => (p.kind === 'edited' ? p.fields : [])) });
    } catch {
      // A stored column no longer parses (lines or receipts rewritten into something that is not their JSON).
      out.set(Number(row.seq), { hash: 'unparseable', fields: ['receipts_or_lines'] });
    }
  }
  return out;
}

/** `parts` forces how many ranges on SQLite (the tests cut a short chain into several to check the seams). */
export async function verifyStoredChain(deps: Deps, communityId: string, opts: { parts?: number } = {}): Promise<ChainReport> {
  // Entries are posted while this runs: the walk stops at the highest seq seen now, and the head it is held to is
  // the one recorded for that seq, read before or after (a head behind the last entry is a problem, and named).
  const before = await readHead(deps.db, communityId);
  const { count, maxSeq } = await vrepo.chainExtent(deps.db, communityId);
  const parts = deps.handle.sqlite ? await sqliteParts(deps, communityId, count, maxSeq, opts.parts) : await pgPart(deps, communityId, maxSeq);
  const doubtful = parts.flatMap((p) => p.rows.filter((r) => !r.content_ok).map((r) => r.seq));
  const rebuilt = doubtful.length ? await rebuild(deps, communityId, doubtful) : new Map<number, { hash: string; fields: string[] }>();

  const walker = new ChainWalker(sha256);
  for (const { rows, end } of parts) {
    for (const r of rows) {
      if (r.prev) walker.resume(r.prev);
      const link = { seq: r.seq, id: r.id, contentHash: r.content_hash ?? '', prevHash: r.prev_hash ?? '', entryHash: r.entry_hash ?? '' };
      const mine = r.content_ok ? undefined : rebuilt.get(r.seq);
      walker.check(link, r.content_ok ? link.contentHash : (mine?.hash ?? 'unparseable'), () => mine?.fields ?? []);
    }
    walker.skip(end.count - rows.length);
    if (end.last) walker.resume(end.last);
  }
  const after = await readHead(deps.db, communityId);
  const head = [after, before].find((h) => h && Number(h.seq) === maxSeq) ?? after;
  return walker.finish(head?.entry_hash ?? GENESIS_HASH);
}

const running = new Map<string, Promise<LedgerVerification>>();

/**
 * The console's "verify the whole chain" for a community: its viewers (and the subdistrict above) may run it; one
 * run per community at a time (a second request while one runs gets the same answer), and each run is audited.
 */
export async function verifyCommunityChain(deps: AppDeps, ctx: RequestContext, communityId: string): Promise<LedgerVerification> {
  const c = await communityFor(deps, ctx.actor, communityId, 'view');
  const inFlight = running.get(c.id);
  if (inFlight) return inFlight;
  const run = (async () => {
    const started = performance.now();
    const report = await verifyStoredChain(deps, c.id);
    const result = { ...report, checkedAt: iso(deps.clock.now()), seconds: Math.round(performance.now() - started) / 1000 };
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, deps.clock, { action: 'ledger_chain.verified', targetType: 'community', targetId: c.id, communityId: c.id, scopePath: c.path, after: { ok: report.ok, entries: report.entries, problems: report.problems.length } }),
    );
    return result;
  })();
  running.set(c.id, run);
  try {
    return await run;
  } finally {
    running.delete(c.id);
  }
}

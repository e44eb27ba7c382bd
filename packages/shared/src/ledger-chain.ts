/**
 * The public ledger's hash chain: the canonical form of an entry, its hashes, and the offline verifier. Shared
 * by the server (which appends), the CLI (`ledger verify`) and any third party who reads the code. Pure: the
 * caller passes SHA-256 (node:crypto on the server and CLI), so this file runs anywhere.
 *
 * content_hash = sha256(canonical JSON of the entry's content), lowercase hex
 * entry_hash   = sha256(previous entry_hash + content_hash), both as lowercase hex text; seq 1 uses GENESIS_HASH.
 * See docs/ledger-verification.md for the procedure and a hand check with sha256sum.
 */

/** The "previous hash" of seq 1: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);
/** The canonical form's version, the first key of every canonical entry. */
export const LEDGER_CHAIN_VERSION = 1;

export type LedgerSide = 'debit' | 'credit';
export interface ChainLine {
  /** The account's code in its community's chart of accounts (codes never change). */
  account: string;
  side: LedgerSide;
  amount: number;
}

/** Every hashed field of a posted entry, as exported. Person counterparties are already masked ("张*"). */
export interface ChainContent {
  seq: number;
  id: string;
  communityId: string;
  kind: string;
  date: string;
  amount: number;
  counterparty: string;
  counterpartyKind: string;
  category: string;
  purpose: string;
  lines: ChainLine[];
  /** SHA-256 of each receipt's bytes, in attachment order. */
  receipts: string[];
  /** The id of the entry this one reverses, or null. */
  reverses: string | null;
  /** A reversal's reason (empty otherwise). */
  reason: string;
  postedAt: string;
  /** User ids of the author and of the approver (null when the entry needed no approval). */
  authorId: string;
  approverId: string | null;
}

/** An exported entry: its content plus the hashes the ledger stored. */
export interface ChainRecord extends ChainContent {
  contentHash: string;
  prevHash: string;
  entryHash: string;
}

export type Sha256 = (text: string) => string;

/** The canonical JSON: keys in this fixed order, no spaces, UTF-8, numbers as integers. */
export function canonicalContent(c: ChainContent): string {
  return JSON.stringify({
    v: LEDGER_CHAIN_VERSION,
    seq: c.seq,
    id: c.id,
    communityId: c.communityId,
    kind: c.kind,
    date: c.date,
    amount: c.amount,
    counterparty: c.counterparty,
    counterpartyKind: c.counterpartyKind,
    category: c.category,
    purpose: c.purpose,
    lines: c.lines.map((l) => ({ account: l.account, side: l.side, amount: l.amount })),
    receipts: [...c.receipts],
    reverses: c.reverses,
    reason: c.reason,
    postedAt: c.postedAt,
    authorId: c.authorId,
    approverId: c.approverId,
  });
}

export const contentHashOf = (sha256: Sha256, c: ChainContent): string => sha256(canonicalContent(c));
export const entryHashOf = (sha256: Sha256, prevHash: string, contentHash: string): string => sha256(prevHash + contentHash);

export type ChainProblem =
  /** The content no longer matches its content hash; `fields` names what visibly disagrees (may be empty). */
  | { kind: 'edited'; seq: number; id: string; fields: string[] }
  /** The content hash matches but the chain link does not: this entry or the one before was rewritten. */
  | { kind: 'broken_link'; seq: number; id: string }
  /** Sequence numbers missing between two entries (or before the first). */
  | { kind: 'removed'; fromSeq: number; toSeq: number; afterId: string | null }
  /** An entry out of its place in the file. */
  | { kind: 'reordered'; seq: number; id: string; position: number; expectedPosition: number }
  | { kind: 'duplicate'; seq: number; id: string }
  | { kind: 'head_mismatch'; expected: string; actual: string };

export interface ChainReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  problems: ChainProblem[];
}

/** What visibly disagrees inside an edited entry: the amount against its lines, or unbalanced lines. */
function suspectFields(r: ChainRecord): string[] {
  const debit = r.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
  const credit = r.lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0);
  const out: string[] = [];
  if (debit !== r.amount || credit !== r.amount) out.push(debit === credit ? 'amount' : 'lines');
  return out;
}

/**
 * The chain walked in seq order, one record at a time (constant memory: the database verifier streams a
 * million rows through it): each content hash, each link, gaps and repeated seqs.
 */
/** What the walk needs of a record besides its content: its place and its stored hashes. */
export type ChainLink = Pick<ChainRecord, 'seq' | 'id' | 'contentHash' | 'prevHash' | 'entryHash'>;

export class ChainWalker {
  private prev: Pick<ChainLink, 'seq' | 'id' | 'entryHash'> | null = null;
  private count = 0;
  readonly problems: ChainProblem[] = [];
  constructor(private readonly sha256: Sha256) {}

  push(r: ChainRecord): void {
    this.check(r, contentHashOf(this.sha256, r), () => suspectFields(r));
  }

  /**
   * The same check with the content hash already recomputed by the caller (the database verifier builds the
   * canonical text straight from the stored columns); `suspects` names the disagreeing fields on a mismatch.
   */
  check(r: ChainLink, computedContentHash: string, suspects: () => string[]): void {
    this.count++;
    if (computedContentHash !== r.contentHash) this.problems.push({ kind: 'edited', seq: r.seq, id: r.id, fields: suspects() });
    const prev = this.prev;
    if (prev && r.seq === prev.seq) {
      this.problems.push({ kind: 'duplicate', seq: r.seq, id: r.id });
      return;
    }
    const lastSeq = prev?.seq ?? 0;
    const gap = r.seq > lastSeq + 1;
    if (gap) this.problems.push({ kind: 'removed', fromSeq: lastSeq + 1, toSeq: r.seq - 1, afterId: prev?.id ?? null });
    const prevHash = prev?.entryHash ?? GENESIS_HASH;
    if (!gap && (r.prevHash !== prevHash || entryHashOf(this.sha256, prevHash, r.contentHash) !== r.entryHash)) {
      this.problems.push({ kind: 'broken_link', seq: r.seq, id: r.id });
    }
    this.prev = r;
  }

  /** The report; with `head`, the chain must also end at that published hash. */
  /**
   * Carry on after `link` without checking it. The stored-chain verifier checks ranges of the chain inside the
   * database, in parallel, and walks only the rows it could not vouch for: each resumes from its predecessor.
   */
  resume(link: Pick<ChainLink, 'seq' | 'id' | 'entryHash'>): void {
    this.prev = link;
  }

  /** Count `n` entries checked elsewhere (by the database, row by row) as sound. */
  skip(n: number): void {
    this.count += n;
  }

  finish(head?: string): ChainReport {
    const last = { seq: this.prev?.seq ?? 0, hash: this.prev?.entryHash ?? GENESIS_HASH };
    if (head !== undefined && head.toLowerCase() !== last.hash) this.problems.push({ kind: 'head_mismatch', expected: head.toLowerCase(), actual: last.hash });
    return { ok: this.problems.length === 0, entries: this.count, head: last, problems: this.problems };
  }
}

/**
 * Verify an exported chain: every content hash, every link, the sequence (1, 2, 3… in file order), and the
 * head when one is given. Every problem is named; the chain is intact only when there is none.
 */
export function verifyChain(records: ChainRecord[], sha256: Sha256, opts: { head?: string } = {}): ChainReport {
  const sorted = records.map((r, position) => ({ r, position })).sort((a, b) => a.r.seq - b.r.seq || a.position - b.position);
  const reordered: ChainProblem[] = [];
  sorted.forEach((s, expected) => {
    if (s.position !== expected) reordered.push({ kind: 'reordered', seq: s.r.seq, id: s.r.id, position: s.position + 1, expectedPosition: expected + 1 });
  });
  const walker = new ChainWalker(sha256);
  for (const { r } of sorted) walker.push(r);
  const report = walker.finish(opts.head);
  const problems = [...reordered, ...report.problems];
  return { ...report, ok: problems.length === 0, problems };
}

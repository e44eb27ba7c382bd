import { createHash } from 'node:crypto';
import { maskPersonName, type ChainContent, type ChainLine, type ChainRecord } from '@gongzhi/shared';
import type { ChainRow } from './ledger.repository.js';

/** SHA-256 of UTF-8 text, lowercase hex: the hash the chain uses everywhere. */
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface StoredReceipt {
  fileId: string;
  sha256: string;
  public: boolean;
  fileName: string;
  mime: string;
}

/** The counterparty as the public (and the chain) reads it: a person's name masked, an organisation's whole. */
export const publicCounterparty = (name: string, kind: string): string => (kind === 'person' ? maskPersonName(name) : name);

export const linesOf = (row: Pick<ChainRow, 'lines_json'>): ChainLine[] => JSON.parse(row.lines_json) as ChainLine[];
export const receiptsOf = (row: Pick<ChainRow, 'receipts_json'>): StoredReceipt[] => JSON.parse(row.receipts_json) as StoredReceipt[];

/** The hashed content of an entry row at the seq and posting time it is (or is being) posted with. */
export function contentOf(row: ChainRow, seq: number, postedAt: string, approverId: string | null): ChainContent {
  return {
    seq,
    id: row.id,
    communityId: row.community_id,
    kind: row.kind,
    date: row.entry_date,
    amount: Number(row.amount),
    counterparty: publicCounterparty(row.counterparty, row.counterparty_kind),
    counterpartyKind: row.counterparty_kind,
    category: row.category,
    purpose: row.purpose,
    lines: linesOf(row),
    receipts: receiptsOf(row).map((r) => r.sha256),
    reverses: row.reverses_id,
    reason: row.reason,
    postedAt,
    authorId: row.author_id,
    approverId,
  };
}

/** A posted row as exported: its content recomputed from the columns, and the hashes the ledger stored. */
export function recordOf(row: ChainRow): ChainRecord {
  return {
    ...contentOf(row, Number(row.seq), row.posted_at!, row.approver_id),
    contentHash: row.content_hash!,
    prevHash: row.prev_hash!,
    entryHash: row.entry_hash!,
  };
}

const q = JSON.stringify;

/**
 * The canonical text of a stored row, built straight from its columns: byte for byte what canonicalContent gives
 * for the row's content (a test holds them equal), without parsing and rebuilding the lines. The lines column
 * holds them in canonical form already; a stored form that differs in any byte (even only in spacing) no longer
 * matches its content hash and shows as edited, which is what a changed row is.
 */
export function canonicalRowText(row: ChainRow): string {
  const receipts = row.receipts_json === '[]' ? '[]' : q(receiptsOf(row).map((r) => r.sha256));
  return (
    `{"v":1,"seq":${Number(row.seq)},"id":${q(row.id)},"communityId":${q(row.community_id)},"kind":${q(row.kind)},"date":${q(row.entry_date)},` +
    `"amount":${Number(row.amount)},"counterparty":${q(publicCounterparty(row.counterparty, row.counterparty_kind))},"counterpartyKind":${q(row.counterparty_kind)},` +
    `"category":${q(row.category)},"purpose":${q(row.purpose)},"lines":${row.lines_json},"receipts":${receipts},"reverses":${row.reverses_id === null ? 'null' : q(row.reverses_id)},` +
    `"reason":${q(row.reason)},"postedAt":${q(row.posted_at)},"authorId":${q(row.author_id)},"approverId":${row.approver_id === null ? 'null' : q(row.approver_id)}}`
  );
}

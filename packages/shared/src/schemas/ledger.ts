import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema, type Label } from './registers.js';
import { freeText } from './requests.js';

/**
 * The public finance ledger (公开账本): a community's chart of accounts, double-entry entries in integer fen with
 * receipts, the second keeper's approval of expenses, reversing entries, the hash chain and its exports.
 */

export const ledgerAccountKinds = ['fund', 'income', 'expense'] as const;
export type LedgerAccountKind = (typeof ledgerAccountKinds)[number];
export const ledgerAccountKindLabels: Record<LedgerAccountKind, Label> = {
  fund: { zh: '资金账户', en: 'Fund account' },
  income: { zh: '收入科目', en: 'Income category' },
  expense: { zh: '支出科目', en: 'Expense category' },
};

export const ledgerEntryKinds = ['income', 'expense', 'reversal'] as const;
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];
export const ledgerEntryStatuses = ['pending', 'posted', 'rejected'] as const;
export type LedgerEntryStatus = (typeof ledgerEntryStatuses)[number];
export const counterpartyKinds = ['organisation', 'person'] as const;
export type CounterpartyKind = (typeof counterpartyKinds)[number];
export const ledgerSides = ['debit', 'credit'] as const;

/** One entry at most this many fen (10 million yuan): keeps every sum far inside a safe integer. */
export const LEDGER_MAX_AMOUNT = 1_000_000_000;
const fen = z.number().int().min(1).max(LEDGER_MAX_AMOUNT);

// ---- inputs ----

export const createLedgerAccountBody = z.object({
  code: z.string().trim().regex(/^[0-9A-Za-z.-]{1,16}$/, 'invalid code'),
  name: freeText(1, 60),
  kind: z.enum(ledgerAccountKinds),
});
export type CreateLedgerAccountBody = z.infer<typeof createLedgerAccountBody>;

export const ledgerLineInput = z.object({ accountId: idSchema, side: z.enum(ledgerSides), amount: fen });
export type LedgerLineInput = z.infer<typeof ledgerLineInput>;

export const ledgerReceiptInput = z.object({ fileId: idSchema, public: z.boolean().default(true) });

export const createLedgerEntryBody = z.object({
  kind: z.enum(['income', 'expense']),
  date: dateSchema,
  amount: fen,
  counterparty: freeText(1, 100),
  counterpartyKind: z.enum(counterpartyKinds),
  category: freeText(1, 40),
  purpose: freeText(2, 500),
  lines: z.array(ledgerLineInput).min(2).max(20),
  receipts: z.array(ledgerReceiptInput).max(10).default([]),
});
export type CreateLedgerEntryBody = z.infer<typeof createLedgerEntryBody>;

export const ledgerReasonBody = z.object({ reason: freeText(2, 500) });
export type LedgerReasonBody = z.infer<typeof ledgerReasonBody>;

export const ledgerEntriesQuery = z.object({
  status: z.enum(ledgerEntryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type LedgerEntriesQuery = z.infer<typeof ledgerEntriesQuery>;

export const publicLedgerQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

// ---- views ----

export const ledgerAccountView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ledgerAccountKinds),
  /** Fund accounts: debits − credits; income: credits − debits; expense: debits − credits (fen). */
  balance: z.number(),
  retiredAt: z.string().nullable(),
});
export type LedgerAccountView = z.infer<typeof ledgerAccountView>;
export const ledgerAccountList = z.object({ items: z.array(ledgerAccountView) });

export const ledgerLineView = z.object({ account: z.string(), accountName: z.string(), side: z.enum(ledgerSides), amount: z.number() });
export const ledgerReceiptView = z.object({ fileId: z.string(), fileName: z.string(), mime: z.string(), sha256: z.string(), public: z.boolean(), url: z.string() });

export const ledgerChainView = z.object({ seq: z.number(), contentHash: z.string(), prevHash: z.string(), entryHash: z.string() });

export const ledgerEntryView = z.object({
  id: z.string(),
  communityId: z.string(),
  kind: z.enum(ledgerEntryKinds),
  status: z.enum(ledgerEntryStatuses),
  date: z.string(),
  amount: z.number(),
  counterparty: z.string(),
  counterpartyKind: z.enum(counterpartyKinds),
  category: z.string(),
  purpose: z.string(),
  lines: z.array(ledgerLineView),
  receipts: z.array(ledgerReceiptView),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  reason: z.string(),
  authorName: z.string(),
  approverName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  chain: ledgerChainView.nullable(),
  can: z.object({ approve: z.boolean(), reverse: z.boolean() }),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;
export const ledgerEntryPage = z.object({ items: z.array(ledgerEntryView), total: z.number() });
export type LedgerEntryPage = z.infer<typeof ledgerEntryPage>;

export const ledgerHead = z.object({ seq: z.number(), entryHash: z.string() });
export type LedgerHead = z.infer<typeof ledgerHead>;

export const ledgerMonth = z.object({ month: z.string(), income: z.number(), expense: z.number(), entries: z.number() });
export type LedgerMonth = z.infer<typeof ledgerMonth>;

/** The public page's header: the community, its fund balances, twelve months of totals and the chain head. */
export const publicLedgerSummary = z.object({
  communityId: z.string(),
  communityName: z.string(),
  funds: z.array(z.object({ code: z.string(), name: z.string(), balance: z.number() })),
  months: z.array(ledgerMonth),
  head: ledgerHead,
});
export type PublicLedgerSummary = z.infer<typeof publicLedgerSummary>;

export const publicLedgerEntry = z.object({
  seq: z.number(),
  id: z.string(),
  kind: z.enum(ledgerEntryKinds),
  date: z.string(),
  amount: z.number(),
  counterparty: z.string(),
  counterpartyKind: z.enum(counterpartyKinds),
  category: z.string(),
  purpose: z.string(),
  lines: z.array(ledgerLineView),
  receipts: z.array(z.object({ sha256: z.string(), url: z.string().nullable(), mime: z.string() })),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  reason: z.string(),
  postedAt: z.string(),
  contentHash: z.string(),
  entryHash: z.string(),
});
export type PublicLedgerEntry = z.infer<typeof publicLedgerEntry>;
export const publicLedgerPage = z.object({ items: z.array(publicLedgerEntry), total: z.number() });
export type PublicLedgerPage = z.infer<typeof publicLedgerPage>;

/** Each problem the chain verifier names (the ChainProblem union of ledger-chain.ts, as a response schema). */
const chainProblem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edited'), seq: z.number(), id: z.string(), fields: z.array(z.string()) }),
  z.object({ kind: z.literal('broken_link'), seq: z.number(), id: z.string() }),
  z.object({ kind: z.literal('removed'), fromSeq: z.number(), toSeq: z.number(), afterId: z.string().nullable() }),
  z.object({ kind: z.literal('reordered'), seq: z.number(), id: z.string(), position: z.number(), expectedPosition: z.number() }),
  z.object({ kind: z.literal('duplicate'), seq: z.number(), id: z.string() }),
  z.object({ kind: z.literal('head_mismatch'), expected: z.string(), actual: z.string() }),
]);
/** The stored chain checked on the server: the verifier's report, when and how long it took. */
export const ledgerVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }),
  problems: z.array(chainProblem),
  checkedAt: z.string(),
  seconds: z.number(),
});
export type LedgerVerification = z.infer<typeof ledgerVerification>;

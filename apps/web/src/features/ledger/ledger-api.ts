import type {
  CreateLedgerAccountBody,
  CreateLedgerEntryBody,
  FileView,
  LedgerAccountView,
  LedgerEntryPage,
  LedgerEntryStatus,
  LedgerEntryView,
  LedgerVerification,
  PublicLedgerPage,
  PublicLedgerSummary,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

/** The ledger API (apps/server/src/modules/ledger): one function per route. */
export const ledgerApi = {
  accounts: (communityId: string, signal?: AbortSignal) => api.get<{ items: LedgerAccountView[] }>(`/communities/${communityId}/ledger/accounts`, undefined, signal),
  createAccount: (communityId: string, body: CreateLedgerAccountBody) => api.post<LedgerAccountView>(`/communities/${communityId}/ledger/accounts`, body),
  defaultChart: (communityId: string) => api.post<{ items: LedgerAccountView[] }>(`/communities/${communityId}/ledger/accounts/default`),
  retire: (accountId: string) => api.post<LedgerAccountView>(`/ledger/accounts/${accountId}/retire`),
  entries: (communityId: string, q: { status?: LedgerEntryStatus; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<LedgerEntryPage>(`/communities/${communityId}/ledger/entries`, q, signal),
  create: (communityId: string, body: CreateLedgerEntryBody) => api.post<LedgerEntryView>(`/communities/${communityId}/ledger/entries`, body),
  entry: (id: string) => api.get<LedgerEntryView>(`/ledger/entries/${id}`),
  approve: (id: string) => api.post<LedgerEntryView>(`/ledger/entries/${id}/approve`),
  reject: (id: string, reason: string) => api.post<LedgerEntryView>(`/ledger/entries/${id}/reject`, { reason }),
  reverse: (id: string, reason: string) => api.post<LedgerEntryView>(`/ledger/entries/${id}/reverse`, { reason }),
  verify: (communityId: string) => api.post<LedgerVerification>(`/communities/${communityId}/ledger/verify`),
  uploadReceipt: (file: File) => api.upload<FileView>('/ledger/receipts', file, file.name),
  exportUrl: (communityId: string, format: 'json' | 'xlsx') => `/api/v1/public/communities/${communityId}/ledger/export.${format}`,
  publicSummary: (communityId: string) => api.get<PublicLedgerSummary>(`/public/communities/${communityId}/ledger`),
  publicEntries: (communityId: string, q: { limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<PublicLedgerPage>(`/public/communities/${communityId}/ledger/entries`, q, signal),
};

/** Fen as yuan with two decimals and thousands separators: 1234567 → "12,345.67". */
export const yuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};

/** "12.5" or "12.50" yuan as integer fen, or null when it is not a positive amount with at most two decimals. */
export function fenOf(text: string): number | null {
  const m = /^\s*(\d{1,8})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

import type { z } from 'zod';
import type {
  ConsentBasis,
  CreateResidentBody,
  HouseholdView,
  ListResidentsQuery,
  Relation,
  ResidentDetail,
  ResidentTag,
  ResidentView,
  RevealableField,
  correctionView,
  householdDetail,
  historyEntryView,
  updateResidentBody,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export type HouseholdDetail = z.infer<typeof householdDetail>;
export type HistoryEntry = z.infer<typeof historyEntryView>;
export type CorrectionView = z.infer<typeof correctionView>;
export type ResidentUpdate = z.input<typeof updateResidentBody>;
export type ResidentQuery = Partial<ListResidentsQuery>;
export type Page<T> = { items: T[]; total: number };

export interface HouseholdQuery {
  q?: string;
  placeId?: string;
  status?: 'active' | 'moved_out';
  limit: number;
  offset: number;
}

const r = (id: string) => `/residents/${encodeURIComponent(id)}`;
const h = (id: string) => `/households/${encodeURIComponent(id)}`;

/** Residents: the register, one record, and every change to it. */
export const residentsApi = {
  list: (q: ResidentQuery, signal?: AbortSignal) => api.get<Page<ResidentView>>('/residents', { ...q }, signal),
  get: (id: string) => api.get<ResidentDetail>(r(id)),
  create: (body: CreateResidentBody) => api.post<ResidentDetail>('/residents', body),
  update: (id: string, body: ResidentUpdate) => api.patch<ResidentDetail>(r(id), body),
  move: (id: string, body: { householdId: string | null; relation?: Relation; onDate?: string; note?: string }) =>
    api.post<ResidentDetail>(`${r(id)}/move`, body),
  leave: (id: string, body: { event: 'moved_out' | 'deceased'; onDate: string; note?: string }) =>
    api.post<ResidentDetail>(`${r(id)}/leave`, body),
  addTag: (id: string, body: { tag: ResidentTag; basis?: ConsentBasis; detail?: string }) =>
    api.post<ResidentDetail>(`${r(id)}/tags`, body),
  removeTag: (id: string, tag: ResidentTag) => api.delete<ResidentDetail>(`${r(id)}/tags/${encodeURIComponent(tag)}`),
  addConsent: (id: string, body: { purpose: string; basis: ConsentBasis; detail: string }) =>
    api.post<ResidentDetail>(`${r(id)}/consents`, body),
  withdrawConsent: (id: string, consentId: string) =>
    api.post<ResidentDetail>(`${r(id)}/consents/${encodeURIComponent(consentId)}/withdraw`),
  reveal: (id: string, field: RevealableField, purpose: string) =>
    api.post<{ field: RevealableField; value: string | null }>(`${r(id)}/reveal`, { field, purpose }),
  exportData: (id: string, purpose: string) => api.post<unknown>(`${r(id)}/export`, { purpose }),
  createAccount: (id: string) => api.post<{ userId: string; claimCode: { code: string; expiresAt: string } }>(`${r(id)}/account`),
};

/** Households: who lives together at one dwelling. */
export const householdsApi = {
  list: (q: HouseholdQuery, signal?: AbortSignal) => api.get<Page<HouseholdView>>('/households', { ...q }, signal),
  get: (id: string) => api.get<HouseholdDetail>(h(id)),
  create: (body: { dwellingId: string; movedInOn?: string; note?: string }) => api.post<HouseholdDetail>('/households', body),
  update: (id: string, body: { householderId?: string; note?: string | null; movedInOn?: string | null }) =>
    api.patch<HouseholdDetail>(h(id), body),
  move: (id: string, body: { dwellingId: string; onDate?: string; note?: string }) => api.post<HouseholdDetail>(`${h(id)}/move`, body),
  moveOut: (id: string, body: { onDate: string; note?: string }) => api.post<HouseholdDetail>(`${h(id)}/move-out`, body),
};

/** Correction requests from residents, answered by data officers. */
export const correctionsApi = {
  list: (q: { status: 'open' | 'accepted' | 'rejected'; limit: number; offset: number }) =>
    api.get<Page<CorrectionView>>('/corrections', q),
  resolve: (id: string, body: { status: 'accepted' | 'rejected'; response: string }) =>
    api.post<CorrectionView>(`/corrections/${encodeURIComponent(id)}/resolve`, body),
};

import type {
  FeeBoardEstateOption,
  FeeBoardImportResult,
  FeeBoardList,
  FeeBoardView,
  PublicFeeBoardEstates,
  PublicFeeBoardView,
  SaveFeeBoardDraftBody,
} from '@gongzhi/shared';
import { api, request, requestFile } from '../../api/client.js';

/** The fee-boards API (apps/server/src/modules/fee-boards): one function per route. */
export const feeBoardsApi = {
  estates: (signal?: AbortSignal) => api.get<{ items: FeeBoardEstateOption[] }>('/fee-boards/estates', undefined, signal),
  list: (q: { estateId?: string; month?: string }, signal?: AbortSignal) => api.get<FeeBoardList>('/fee-boards', q, signal),
  get: (id: string) => api.get<FeeBoardView>(`/fee-boards/${id}`),
  saveDraft: (body: SaveFeeBoardDraftBody) => request<FeeBoardView>('PUT', '/fee-boards/drafts', { body }),
  publish: (id: string) => api.post<FeeBoardView>(`/fee-boards/${id}/publish`),
  discard: (id: string) => api.delete<{ ok: true }>(`/fee-boards/${id}`),
  template: () => requestFile('GET', '/fee-boards/template.xlsx', { fallbackName: 'fee-board-template.xlsx' }),
  import: (file: File) => api.upload<FeeBoardImportResult>('/fee-boards/import', file, file.name),
};

/** What the portal reads without a login. */
export const publicFeeBoardsApi = {
  community: (communityId: string) => api.get<PublicFeeBoardEstates>(`/public/communities/${communityId}/fee-boards`),
  board: (id: string) => api.get<PublicFeeBoardView>(`/public/fee-boards/${id}`),
  posterUrl: (id: string, size: 'A3' | 'A4') => `/api/v1/public/fee-boards/${id}/poster.pdf?size=${size}`,
};

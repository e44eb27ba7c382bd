import type { z } from 'zod';
import type {
  disclosureItemBody,
  DisclosureItemList,
  DisclosureItemView,
  OverdueList,
  publicationBody,
  PublicationCommentView,
  PublicationDetail,
  PublicationKind,
  PublicationStatus,
  PublicationSummary,
  PublicCatalogue,
  PublicPublication,
  PublicPublicationPage,
  PublicPublicationSummary,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export type ItemInput = z.input<typeof disclosureItemBody>;
export type PublicationInput = z.input<typeof publicationBody>;
export type FeedItem = PublicPublicationSummary & { objectionOpen: boolean };

export interface PublicationQuery {
  status?: PublicationStatus;
  kind?: PublicationKind;
  limit: number;
  offset: number;
}

/** The disclosure catalogue and publications API, for the console, the resident app and the portal. */
export const disclosureApi = {
  items: (includeRetired: boolean, signal?: AbortSignal) => api.get<DisclosureItemList>('/disclosure/items', { includeRetired: includeRetired ? 'true' : undefined }, signal),
  overdue: (signal?: AbortSignal) => api.get<OverdueList>('/disclosure/overdue', undefined, signal),
  owners: () => api.get<{ items: { userId: string; displayName: string; role: string }[] }>('/disclosure/owners'),
  createItem: (body: ItemInput) => api.post<DisclosureItemView>('/disclosure/items', body),
  patchItem: (id: string, body: Partial<ItemInput>) => api.patch<DisclosureItemView>(`/disclosure/items/${id}`, body),
  retire: (id: string) => api.post<DisclosureItemView>(`/disclosure/items/${id}/retire`),
  restore: (id: string) => api.post<DisclosureItemView>(`/disclosure/items/${id}/restore`),
  loadDefaults: () => api.post<{ added: number; items: DisclosureItemView[] }>('/disclosure/defaults', {}),

  list: (q: PublicationQuery, signal?: AbortSignal) => api.get<{ items: PublicationSummary[]; total: number }>('/publications', { ...q }, signal),
  get: (id: string) => api.get<PublicationDetail>(`/publications/${id}`),
  create: (body: PublicationInput) => api.post<PublicationDetail>('/publications', body),
  patch: (id: string, body: Partial<PublicationInput>) => api.patch<PublicationDetail>(`/publications/${id}`, body),
  act: (id: string, action: 'submit' | 'approve' | 'publish' | 'archive') => api.post<PublicationDetail>(`/publications/${id}/${action}`),
  returnToAuthor: (id: string, note: string) => api.post<PublicationDetail>(`/publications/${id}/return`, { note }),
  closeNotice: (id: string, outcome: string) => api.post<PublicationDetail>(`/publications/${id}/close-notice`, { outcome }),
  answer: (id: string, commentId: string, text: string) => api.post<PublicationDetail>(`/publications/${id}/comments/${commentId}/answer`, { text }),

  feed: (signal?: AbortSignal) => api.get<{ items: FeedItem[] }>('/publications/feed', undefined, signal),
  file: (id: string, kind: 'objections' | 'questions', text: string) => api.post<PublicationCommentView>(`/publications/${id}/${kind}`, { text }),
  publicList: (communityId: string, q: { category?: string; archived?: boolean; offset?: number }, signal?: AbortSignal) =>
    api.get<PublicPublicationPage>(`/public/communities/${communityId}/publications`, { category: q.category, archived: q.archived ? 'true' : undefined, offset: q.offset, limit: 50 }, signal),
  publicCatalogue: (communityId: string, signal?: AbortSignal) => api.get<PublicCatalogue>(`/public/communities/${communityId}/disclosure-catalogue`, undefined, signal),
  publicGet: (id: string) => api.get<PublicPublication>(`/public/publications/${id}`),
  posterUrl: (id: string) => `/api/v1/public/publications/${id}/poster.pdf`,
};

import type { z } from 'zod';
import type {
  createRequestBody,
  FileView,
  RequestCreated,
  RequestDetail,
  requestListResponse,
  requestPlaceOption,
  requestPlaceOptions,
  Rating,
  SimilarRequest,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export type RequestList = z.infer<typeof requestListResponse>;
export type PlaceOption = z.infer<typeof requestPlaceOption>;
export type PlaceOptions = z.infer<typeof requestPlaceOptions>;
export type { FileView, RequestDetail, SimilarRequest };

/** The resident's own requests: submit, list, read, rate, dispute, withdraw. */
export const myRequestsApi = {
  create: (body: z.input<typeof createRequestBody>) => api.post<RequestCreated>('/requests', body),
  list: (offset: number, limit = 20) => api.get<RequestList>('/requests', { mine: 'true', offset, limit }),
  detail: (id: string) => api.get<RequestDetail>(`/requests/${encodeURIComponent(id)}`),
  similar: (text: string, signal?: AbortSignal) => api.get<{ items: SimilarRequest[] }>('/requests/similar', { text, limit: 5 }, signal),
  placeOptions: () => api.get<PlaceOptions>('/requests/place-options'),
  rate: (id: string, body: { rating: Rating; resolved: boolean; comment?: string }) =>
    api.post<RequestDetail>(`/requests/${encodeURIComponent(id)}/rate`, body),
  object: (id: string, reason: string) => api.post<RequestDetail>(`/requests/${encodeURIComponent(id)}/objection`, { reason }),
  withdraw: (id: string, reason?: string) => api.post<RequestDetail>(`/requests/${encodeURIComponent(id)}/withdraw`, reason ? { reason } : {}),
};

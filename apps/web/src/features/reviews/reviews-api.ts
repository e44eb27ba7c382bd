import type {
  ListReviewsQuery,
  MyReviewView,
  PaperReviewFormBody,
  PublicReviewList,
  ReviewFormBody,
  ReviewResults,
  ReviewRoundBody,
  ReviewRoundSummary,
  ReviewRoundView,
} from '@gongzhi/shared';
import { api, request } from '../../api/client.js';

const at = (id: string, rest = '') => `/reviews/${encodeURIComponent(id)}${rest}`;

/** The reviews API (apps/server/src/modules/reviews) for the console: one function per route. */
export const reviewsApi = {
  list: (q: ListReviewsQuery, signal?: AbortSignal) => api.get<{ items: ReviewRoundSummary[] }>('/reviews', q, signal),
  get: (id: string) => api.get<ReviewRoundView>(at(id)),
  create: (body: ReviewRoundBody) => api.post<ReviewRoundView>('/reviews', body),
  update: (id: string, body: ReviewRoundBody) => request<ReviewRoundView>('PUT', at(id), { body }),
  open: (id: string) => api.post<ReviewRoundView>(at(id, '/open')),
  close: (id: string) => api.post<ReviewRoundView>(at(id, '/close')),
  publish: (id: string, publishComments: boolean) => api.post<ReviewRoundView>(at(id, '/publish'), { publishComments }),
  results: (id: string, signal?: AbortSignal) => api.get<ReviewResults>(at(id, '/results'), undefined, signal),
  representatives: (id: string, signal?: AbortSignal) => api.get<{ items: { id: string; name: string; returned: boolean }[] }>(at(id, '/representatives'), undefined, signal),
  paperForm: (id: string, body: PaperReviewFormBody) => api.post<{ returned: true; at: string }>(at(id, '/paper-forms'), body),
};

type MyReviewSummary = Omit<MyReviewView, 'subjects'>;

/** A representative's forms on the phone. */
export const myReviewsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: MyReviewSummary[] }>('/my-reviews', undefined, signal),
  get: (id: string) => api.get<MyReviewView>(`/my-reviews/${encodeURIComponent(id)}`),
  submit: (id: string, body: ReviewFormBody) => api.post<{ returned: true; at: string }>(`/my-reviews/${encodeURIComponent(id)}/form`, body),
};

/** Published results for the portal (no login). */
export const publicReviewsApi = {
  ofCommunity: (communityId: string) => api.get<PublicReviewList>(`/public/communities/${encodeURIComponent(communityId)}/reviews`),
  get: (id: string) => api.get<ReviewResults>(`/public/reviews/${encodeURIComponent(id)}`),
};

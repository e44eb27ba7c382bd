import type {
  ArticleStance,
  CommentPage,
  CommentView,
  CovenantSummary,
  CovenantView,
  OpinionView,
  PublicCovenantView,
  QuestionView,
  VersionView,
} from '@gongzhi/shared';
import { api, apiUrl, request } from '../../api/client.js';

export type { ArticleStance, CommentPage, CommentView, CovenantSummary, CovenantView, OpinionView, PublicCovenantView, QuestionView, VersionView };

const base = (id: string) => `/covenants/${encodeURIComponent(id)}`;

/** What a resident reads and does on the covenant pages (the server decides who may do what in each phase). */
export const myCovenantApi = {
  list: () => api.get<{ items: CovenantSummary[] }>('/covenants'),
  detail: (id: string) => api.get<CovenantView>(base(id)),
  version: (id: string, versionId: string) => api.get<VersionView>(`${base(id)}/versions/${encodeURIComponent(versionId)}`),
  opinions: (id: string) => api.get<{ items: OpinionView[] }>(`${base(id)}/opinions`),
  addOpinion: (id: string, text: string) => api.post<OpinionView>(`${base(id)}/opinions`, { text }),
  comments: (id: string, query: { versionId?: string; articleId?: string; before?: string; limit?: number }) =>
    api.get<CommentPage>(`${base(id)}/comments`, query),
  /**
   * My own comments, newest first. `mine=true` asks the server to filter; the page filters on `mine` too, so the
   * list is right either way.
   */
  myComments: (id: string, before?: string) => api.get<CommentPage>(`${base(id)}/comments`, { mine: true, before, limit: 50 }),
  addComment: (id: string, body: { versionId: string; articleId?: string; text: string }) => api.post<CommentView>(`${base(id)}/comments`, body),
  stance: (id: string, articleId: string, stance: ArticleStance | null) =>
    request<{ support: number; oppose: number; myStance: ArticleStance | null }>('PUT', `${base(id)}/articles/${encodeURIComponent(articleId)}/stance`, {
      body: { stance },
    }),
  questions: (id: string, versionId: string) => api.get<{ items: QuestionView[] }>(`${base(id)}/questions`, { versionId }),
  answer: (id: string, questionId: string, options: number[]) =>
    request<QuestionView>('PUT', `${base(id)}/questions/${encodeURIComponent(questionId)}/answer`, { body: { options } }),
};

/** What the public portal reads without a login. */
export const publicCovenantApi = {
  detail: (id: string) => api.get<PublicCovenantView>(`/public/covenants/${encodeURIComponent(id)}`),
  ofCommunity: (communityId: string, signal?: AbortSignal) =>
    api.get<{ items: { id: string; title: string; publishedAt: string }[] }>(
      `/public/communities/${encodeURIComponent(communityId)}/covenants`,
      undefined,
      signal,
    ),
  posterUrl: (id: string, size: 'A3' | 'A4') => apiUrl(`/public/covenants/${encodeURIComponent(id)}/poster.pdf`, { size }),
};

import type { z } from 'zod';
import type {
  ArticleDiffRow,
  CommentPage,
  CommentView,
  CovenantPhase,
  CovenantSummary,
  CovenantView,
  HandlingBody,
  ListCommentsQuery,
  OpinionView,
  QuestionView,
  UpdatePhaseBody,
  VersionView,
  createCovenantBody,
  opinionBody,
  questionBody,
  reviewBody,
} from '@gongzhi/shared';
import { api, request } from '../../api/client.js';

export type NewCovenant = z.input<typeof createCovenantBody>;
export type NewOpinion = z.input<typeof opinionBody>;
export type NewQuestion = z.input<typeof questionBody>;
export type ReviewInput = z.input<typeof reviewBody>;
export type CommentQuery = Partial<Omit<ListCommentsQuery, 'limit'>> & { limit?: number };

const enc = encodeURIComponent;
const base = (id: string) => `/covenants/${enc(id)}`;

/** The covenant process as the console drives it (helpers C1's server routes, covenant-api.md). */
export const covenantApi = {
  list: (communityId?: string, signal?: AbortSignal) => api.get<{ items: CovenantSummary[] }>('/covenants', { communityId }, signal),
  create: (body: NewCovenant) => api.post<CovenantView>('/covenants', body),
  get: (id: string) => api.get<CovenantView>(base(id)),
  rename: (id: string, title: string) => api.patch<CovenantView>(base(id), { title }),
  updatePhase: (id: string, phase: CovenantPhase, body: UpdatePhaseBody) =>
    request<CovenantView>('PUT', `${base(id)}/phases/${enc(phase)}`, { body }),
  advance: (id: string, to: CovenantPhase) => api.post<CovenantView>(`${base(id)}/advance`, { to }),

  opinions: (id: string, signal?: AbortSignal) => api.get<{ items: OpinionView[] }>(`${base(id)}/opinions`, undefined, signal),
  addOpinion: (id: string, body: NewOpinion) => api.post<OpinionView>(`${base(id)}/opinions`, body),
  handleOpinion: (id: string, opinionId: string, body: HandlingBody) =>
    api.post<OpinionView>(`${base(id)}/opinions/${enc(opinionId)}/handling`, body),

  createVersion: (id: string, body: { markdown: string; changelog?: string }) => api.post<VersionView>(`${base(id)}/versions`, body),
  version: (id: string, versionId: string, signal?: AbortSignal) =>
    api.get<VersionView>(`${base(id)}/versions/${enc(versionId)}`, undefined, signal),
  diff: (id: string, from: string, to: string, signal?: AbortSignal) =>
    api.get<{ rows: ArticleDiffRow[] }>(`${base(id)}/diff`, { from, to }, signal),

  comments: (id: string, q: CommentQuery, signal?: AbortSignal) => api.get<CommentPage>(`${base(id)}/comments`, { ...q }, signal),
  handleComment: (id: string, commentId: string, body: HandlingBody) =>
    api.post<CommentView>(`${base(id)}/comments/${enc(commentId)}/handling`, body),

  questions: (id: string, versionId?: string, signal?: AbortSignal) =>
    api.get<{ items: QuestionView[] }>(`${base(id)}/questions`, { versionId }, signal),
  addQuestion: (id: string, body: NewQuestion) => api.post<QuestionView>(`${base(id)}/questions`, body),

  review: (id: string, body: ReviewInput) => api.post<CovenantView>(`${base(id)}/reviews`, body),
  file: (id: string, body: { filedOn: string; reference: string }) => api.post<CovenantView>(`${base(id)}/filing`, body),
  publish: (id: string) => api.post<CovenantView>(`${base(id)}/publish`),
};

/** Where the portal shows a published covenant, and its printable poster (both need no login). */
export const publicCovenantPath = (id: string) => `/covenants/${enc(id)}`;
export const posterUrl = (id: string, size: 'A3' | 'A4') => `/api/v1/public/covenants/${enc(id)}/poster.pdf?size=${size}`;

import type { z } from 'zod';
import type {
  AddTopicTaskBody,
  AgendaTopicBody,
  RecordDecisionBody,
  TopicComment,
  TopicCounts,
  TopicDetail,
  TopicPermissions,
  TopicSide,
  TopicStatus,
  TopicSummary,
  proposeTopicBody,
  topicCommentBody,
} from '@gongzhi/shared';
import { api, request } from '../../api/client.js';

export type NewTopic = z.input<typeof proposeTopicBody>;
export type NewComment = z.input<typeof topicCommentBody>;
type Page<T> = { items: T[]; total: number };
export type CommentPage = Page<TopicComment> & { counts: TopicCounts };

export interface TopicQuery {
  status?: TopicStatus;
  mine?: 'true';
  q?: string;
  limit: number;
  offset: number;
}

const enc = encodeURIComponent;
const at = (id: string, rest = '') => `/topics/${enc(id)}${rest}`;

/** The topics API (`/api/v1/topics`), shared by the console and the resident pages. */
export const topicsApi = {
  list: (q: TopicQuery, signal?: AbortSignal) => api.get<Page<TopicSummary>>('/topics', { ...q }, signal),
  get: (id: string) => api.get<TopicDetail>(at(id)),
  propose: (body: NewTopic) => api.post<TopicDetail>('/topics', body),
  agenda: (id: string, body: AgendaTopicBody) => api.post<TopicDetail>(at(id, '/agenda'), body),
  decline: (id: string, reason: string) => api.post<TopicDetail>(at(id, '/decline'), { reason }),
  closeConsultation: (id: string) => api.post<TopicDetail>(at(id, '/close-consultation')),
  permissions: (id: string, permissions: TopicPermissions) => request<TopicDetail>('PUT', at(id, '/permissions'), { body: { permissions } }),
  decision: (id: string, body: RecordDecisionBody) => api.post<TopicDetail>(at(id, '/decision'), body),
  addTask: (id: string, body: AddTopicTaskBody) => api.post<TopicDetail>(at(id, '/tasks'), body),
  completeTask: (id: string, taskId: string, note: string) => api.post<TopicDetail>(at(id, `/tasks/${enc(taskId)}/done`), { note }),
  reportBack: (id: string, text: string, publish: boolean) => api.post<TopicDetail>(at(id, '/report-back'), { text, publish }),
  close: (id: string) => api.post<TopicDetail>(at(id, '/close')),
  comments: (id: string, q: { side?: TopicSide; kind?: 'opinion' | 'question'; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<CommentPage>(at(id, '/comments'), { ...q }, signal),
  comment: (id: string, body: NewComment) => api.post<TopicComment>(at(id, '/comments'), body),
  answer: (id: string, commentId: string, text: string) => api.post<TopicComment>(at(id, `/comments/${enc(commentId)}/answer`), { text }),
};

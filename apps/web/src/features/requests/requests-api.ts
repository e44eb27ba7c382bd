import type { z } from 'zod';
import type {
  CallbackView,
  CategoryView,
  ClassifierJobView,
  CreateRequestBody,
  DispatchBody,
  FileView,
  ListRequestsQuery,
  RequestCreated,
  RequestDetail,
  RequestSettings,
  RequestSummary,
  SimilarRequest,
  Urgency,
  classifierModelView,
  completeCallbackBody,
  createCategoryBody,
  createProactiveCaseBody,
  createRoutingRuleBody,
  noteBody,
  proactiveCaseView,
  proactiveSuggestion,
  replyBody,
  requestSuggestions,
  requestSettingsView,
  routingRuleView,
  updateCategoryBody,
  updateProactiveCaseBody,
} from '@gongzhi/shared';
import { api, request } from '../../api/client.js';

export type RequestQuery = Partial<Omit<ListRequestsQuery, 'overdue' | 'assignedToMe' | 'mine'>> & {
  overdue?: 'true';
  assignedToMe?: 'true';
};
export type RequestPage = { items: RequestSummary[]; total: number; totalCapped: boolean };
export type RequestSuggestions = z.infer<typeof requestSuggestions>;
export type RoutingRule = z.infer<typeof routingRuleView>;
export type RequestSettingsView = z.infer<typeof requestSettingsView>;
export type NewRoutingRule = z.input<typeof createRoutingRuleBody>;
export type NewCategory = z.input<typeof createCategoryBody>;
export type CategoryChange = z.input<typeof updateCategoryBody>;
export type ClassifierModel = z.infer<typeof classifierModelView>;
export type ProactiveSuggestion = z.infer<typeof proactiveSuggestion>;
export type ProactiveCase = z.infer<typeof proactiveCaseView>;
export type NewProactiveCase = z.input<typeof createProactiveCaseBody>;
export type ProactiveCaseChange = z.input<typeof updateProactiveCaseBody>;
export type NoteInput = z.input<typeof noteBody>;
export type ReplyInput = z.input<typeof replyBody>;
export type CallbackInput = z.input<typeof completeCallbackBody>;

const r = (id: string) => `/requests/${encodeURIComponent(id)}`;
const enc = encodeURIComponent;

/** Requests: intake, the queue, one request and every step of its lifecycle. */
export const requestsApi = {
  list: (q: RequestQuery, signal?: AbortSignal) => api.get<RequestPage>('/requests', { ...q }, signal),
  get: (id: string) => api.get<RequestDetail>(r(id)),
  create: (body: CreateRequestBody) => api.post<RequestCreated>('/requests', body),
  similar: (q: { text: string; placeId?: string; excludeId?: string; limit?: number }, signal?: AbortSignal) =>
    api.get<{ items: SimilarRequest[] }>('/requests/similar', { ...q }, signal),
  suggestions: (id: string) => api.get<RequestSuggestions>(`${r(id)}/suggestions`),
  classify: (id: string, categoryId: string) => api.post<RequestDetail>(`${r(id)}/classify`, { categoryId }),
  urgency: (id: string, body: { urgency: Urgency; reason?: string }) => api.post<RequestDetail>(`${r(id)}/urgency`, body),
  dispatch: (id: string, body: DispatchBody) => api.post<RequestDetail>(`${r(id)}/dispatch`, body),
  accept: (id: string) => api.post<RequestDetail>(`${r(id)}/accept`),
  return: (id: string, reason: string) => api.post<RequestDetail>(`${r(id)}/return`, { reason }),
  note: (id: string, body: NoteInput) => api.post<RequestDetail>(`${r(id)}/notes`, body),
  reply: (id: string, body: ReplyInput) => api.post<RequestDetail>(`${r(id)}/reply`, body),
  selfResolve: (id: string, body: ReplyInput) => api.post<RequestDetail>(`${r(id)}/self-resolve`, body),
  merge: (id: string, intoId: string) => api.post<RequestDetail>(`${r(id)}/merge`, { intoId }),
  withdraw: (id: string, reason?: string) => api.post<RequestDetail>(`${r(id)}/withdraw`, { reason }),
  close: (id: string, note?: string) => api.post<RequestDetail>(`${r(id)}/close`, { note }),
  /** The submitter's full phone number, for a stated purpose that is audited. */
  revealPhone: (id: string, purpose: string) => api.post<{ phone: string | null }>(`${r(id)}/reveal-phone`, { purpose }),
};

/** Photos are uploaded first and attached to a request, a note or a reply by id. */
export const filesApi = {
  upload: (file: File) => api.upload<FileView>('/files', file, file.name),
};

/** Callback tasks: staff call the resident back and record their rating. */
export const callbacksApi = {
  list: (q: { status: 'open' | 'done' | 'unreachable'; limit: number; offset: number }) =>
    api.get<{ items: CallbackView[]; total: number }>('/callbacks', { ...q }),
  complete: (id: string, body: CallbackInput) => api.post<{ ok: true }>(`/callbacks/${enc(id)}/complete`, body),
};

/** The community's taxonomy, routing rules, deadlines and classifier. */
export const requestAdminApi = {
  categories: (q: { includeRetired?: boolean } = {}) =>
    api.get<{ items: CategoryView[] }>('/request-categories', { includeRetired: q.includeRetired ? 'true' : undefined }),
  createCategory: (body: NewCategory) => api.post<CategoryView>('/request-categories', body),
  updateCategory: (id: string, body: CategoryChange) => api.patch<CategoryView>(`/request-categories/${enc(id)}`, body),
  retireCategory: (id: string) => api.post<CategoryView>(`/request-categories/${enc(id)}/retire`),
  rules: () => api.get<{ items: RoutingRule[] }>('/routing-rules'),
  createRule: (body: NewRoutingRule) => api.post<RoutingRule>('/routing-rules', body),
  deleteRule: (id: string) => api.delete<unknown>(`/routing-rules/${enc(id)}`),
  settings: (communityId: string) => api.get<RequestSettingsView>('/request-settings', { communityId }),
  saveSettings: (communityId: string, settings: RequestSettings) =>
    request<RequestSettingsView>('PUT', '/request-settings', { query: { communityId }, body: settings }),
  models: () => api.get<{ items: ClassifierModel[] }>('/classifier/models'),
  /** Starts a background job (202), or answers the community's job already queued or running (200). */
  retrain: () => api.post<ClassifierJobView>('/classifier/retrain'),
  job: (id: string) => api.get<ClassifierJobView>(`/classifier/jobs/${enc(id)}`),
  jobs: (q: { limit: number }) => api.get<{ items: ClassifierJobView[] }>('/classifier/jobs', q),
  activate: (id: string) => api.post<ClassifierModel>(`/classifier/models/${enc(id)}/activate`),
};

/** 未诉先办: clusters of similar requests, and the cases opened on them. */
export const proactiveApi = {
  suggestions: (q: { days: number; min: number }) => api.get<{ items: ProactiveSuggestion[] }>('/proactive-suggestions', q),
  cases: (q: { status?: string } = {}) => api.get<{ items: ProactiveCase[] }>('/proactive-cases', q),
  create: (body: NewProactiveCase) => api.post<ProactiveCase>('/proactive-cases', body),
  update: (id: string, body: ProactiveCaseChange) => api.patch<ProactiveCase>(`/proactive-cases/${enc(id)}`, body),
};

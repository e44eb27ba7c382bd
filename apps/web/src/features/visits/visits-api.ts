import type { z } from 'zod';
import type {
  CreateVisitPlanBody,
  MeetingDetail,
  MeetingKind,
  MeetingOpinionInput,
  MeetingSummary,
  UpdateMeetingBody,
  UpdateVisitBody,
  UpdateVisitPlanBody,
  VisitCoverageResponse,
  VisitDetail,
  VisitPlanDetail,
  VisitPlanStatus,
  VisitPlanSummary,
  VisitSummary,
  convertToRequestBody,
  createMeetingBody,
  createVisitBody,
  unvisitedResponse,
  visitAssignee,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export type VisitAssignee = z.infer<typeof visitAssignee>;
export type ConvertInput = z.input<typeof convertToRequestBody>;
export type Converted = { requestId: string; number: string };
export type UnvisitedPage = z.infer<typeof unvisitedResponse>;
export type NewVisit = z.input<typeof createVisitBody>;
export type NewMeeting = z.input<typeof createMeetingBody>;
type Page<T> = { items: T[]; total: number };
type Paging = { limit: number; offset: number };

export interface VisitQuery extends Paging {
  planId?: string;
  placeId?: string;
  householdId?: string;
  organisationId?: string;
  mine?: 'true';
  /** ISO moments. */
  from?: string;
  to?: string;
}

const enc = encodeURIComponent;

/** Visiting plans, visit records and the people who may carry a plan or host a meeting. */
export const visitsApi = {
  plans: (q: Paging & { status?: VisitPlanStatus; mine?: 'true'; placeId?: string }, signal?: AbortSignal) =>
    api.get<Page<VisitPlanSummary>>('/visit-plans', { ...q }, signal),
  plan: (id: string) => api.get<VisitPlanDetail>(`/visit-plans/${enc(id)}`),
  createPlan: (body: CreateVisitPlanBody) => api.post<VisitPlanDetail>('/visit-plans', body),
  updatePlan: (id: string, body: UpdateVisitPlanBody) => api.patch<VisitPlanDetail>(`/visit-plans/${enc(id)}`, body),
  cancelPlan: (id: string) => api.post<VisitPlanDetail>(`/visit-plans/${enc(id)}/cancel`),
  assignees: (placeId?: string) => api.get<{ items: VisitAssignee[] }>('/visit-assignees', { placeId }),
  list: (q: VisitQuery, signal?: AbortSignal) => api.get<Page<VisitSummary>>('/visits', { ...q }, signal),
  get: (id: string) => api.get<VisitDetail>(`/visits/${enc(id)}`),
  create: (body: NewVisit) => api.post<VisitDetail>('/visits', body),
  update: (id: string, body: UpdateVisitBody) => api.patch<VisitDetail>(`/visits/${enc(id)}`, body),
  convertItem: (id: string, itemId: string, body: ConvertInput) =>
    api.post<Converted>(`/visits/${enc(id)}/items/${enc(itemId)}/request`, body),
};

/** Consultation meetings (恳谈会, 交流会, 坝坝会), their attendees and opinions. */
export const meetingsApi = {
  list: (q: Paging & { kind?: MeetingKind; placeId?: string }, signal?: AbortSignal) =>
    api.get<Page<MeetingSummary>>('/consultation-meetings', { ...q }, signal),
  get: (id: string) => api.get<MeetingDetail>(`/consultation-meetings/${enc(id)}`),
  create: (body: NewMeeting) => api.post<MeetingDetail>('/consultation-meetings', body),
  update: (id: string, body: UpdateMeetingBody) => api.patch<MeetingDetail>(`/consultation-meetings/${enc(id)}`, body),
  addOpinion: (id: string, body: MeetingOpinionInput) => api.post<MeetingDetail>(`/consultation-meetings/${enc(id)}/opinions`, body),
  convertOpinion: (id: string, opinionId: string, body: ConvertInput) =>
    api.post<Converted>(`/consultation-meetings/${enc(id)}/opinions/${enc(opinionId)}/request`, body),
};

/** Visit coverage per grid and the households nobody visited. */
export const coverageApi = {
  grids: (q: { months: number; placeId?: string }, signal?: AbortSignal) => api.get<VisitCoverageResponse>('/visit-coverage', { ...q }, signal),
  unvisited: (q: Paging & { months: number; gridId?: string }, signal?: AbortSignal) =>
    api.get<UnvisitedPage>('/visit-coverage/unvisited', { ...q }, signal),
};

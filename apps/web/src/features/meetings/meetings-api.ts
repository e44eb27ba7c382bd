import type { z } from 'zod';
import type {
  AddInviteeBody,
  CloseVoteBody,
  DeliberationMeetingDetail,
  DeliberationMeetingKind,
  DeliberationMeetingStatus,
  DeliberationMeetingSummary,
  DeskSignInBody,
  InviteeView,
  MeetingRuleBody,
  MeetingRuleView,
  MembershipRole,
  MinutesBody,
  MotionBody,
  MyInvitationView,
  NamedVotesBody,
  SpeakerBody,
  createDeliberationMeetingBody,
} from '@gongzhi/shared';
import { api, request, requestFile } from '../../api/client.js';

export type NewMeeting = z.input<typeof createDeliberationMeetingBody>;
export type Detail = DeliberationMeetingDetail;
type Page<T> = { items: T[]; total: number };

const enc = encodeURIComponent;
const base = (id: string) => `/deliberation-meetings/${enc(id)}`;

/** Formal meetings: notice, invitees and sign-in, the chair's tools, minutes. */
export const meetingsApi = {
  list: (q: { kind?: DeliberationMeetingKind; status?: DeliberationMeetingStatus; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<Page<DeliberationMeetingSummary>>('/deliberation-meetings', { ...q }, signal),
  get: (id: string) => api.get<Detail>(base(id)),
  create: (body: NewMeeting) => api.post<Detail>('/deliberation-meetings', body),
  step: (id: string, step: 'notify' | 'open' | 'close') => api.post<Detail>(`${base(id)}/${step}`),
  minutes: (id: string, body: MinutesBody) => request<Detail>('PUT', `${base(id)}/minutes`, { body }),
  minutesPdf: (id: string) => requestFile('GET', `${base(id)}/minutes.pdf`, { fallbackName: 'minutes.pdf' }),
  qrUrl: (id: string) => `/api/v1${base(id)}/sign-in-qr`,
  invitees: (id: string, q: { q?: string; present?: 'yes' | 'no'; eligible?: 'yes' | 'no'; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<Page<InviteeView>>(`${base(id)}/invitees`, { ...q }, signal),
  addInvitee: (id: string, body: AddInviteeBody) => api.post<InviteeView>(`${base(id)}/invitees`, body),
  removeInvitee: (id: string, inviteeId: string) => api.delete<{ ok: true }>(`${base(id)}/invitees/${enc(inviteeId)}`),
  tick: (id: string, inviteeId: string, body: DeskSignInBody = {}) => api.post<InviteeView>(`${base(id)}/invitees/${enc(inviteeId)}/sign-in`, body),
  untick: (id: string, inviteeId: string) => api.post<InviteeView>(`${base(id)}/invitees/${enc(inviteeId)}/sign-out`),
  queue: (id: string, body: SpeakerBody) => api.post<Detail>(`${base(id)}/speeches`, body),
  speech: (id: string, speechId: string, step: 'start' | 'stop' | 'withdraw') => api.post<Detail>(`${base(id)}/speeches/${enc(speechId)}/${step}`),
  table: (id: string, body: MotionBody) => api.post<Detail>(`${base(id)}/motions`, body),
  votes: (id: string, motionId: string, body: NamedVotesBody) => api.post<Detail>(`${base(id)}/motions/${enc(motionId)}/votes`, body),
  closeVote: (id: string, motionId: string, body: CloseVoteBody) => api.post<Detail>(`${base(id)}/motions/${enc(motionId)}/close`, body),
  // Whom a council or joint meeting may invite: the community's current posts and its organisations.
  posts: (communityId: string) => api.get<{ items: { id: string; personName: string; role: MembershipRole; organisationName: string | null }[] }>('/memberships', { communityId }),
  organisations: (communityId: string) => api.get<{ items: { id: string; name: string }[] }>('/organisations', { communityId }),
  // Resident side.
  myInvitation: (id: string) => api.get<MyInvitationView>(`${base(id)}/my-invitation`),
  signIn: (id: string, token: string) => api.post<MyInvitationView>(`${base(id)}/sign-in`, { token }),
  mine: () => api.get<{ items: MyInvitationView[] }>('/my-meetings'),
  // Quorum and majority per meeting kind, per community.
  rules: (communityId: string) => api.get<{ items: MeetingRuleView[] }>('/meeting-rules', { communityId }),
  setRule: (kind: DeliberationMeetingKind, body: MeetingRuleBody) => request<{ items: MeetingRuleView[] }>('PUT', `/meeting-rules/${enc(kind)}`, { body }),
};

/** Meeting times are shown in China Standard Time, as the notice states them. */
export const cst = (iso: string | null): string => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');

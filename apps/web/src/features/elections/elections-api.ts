import type {
  BallotChoice,
  CandidateView,
  CreateElectionBody,
  ElectionDetail,
  ElectionPhase,
  ElectionPost,
  ElectionSummary,
  ElectionTally,
  MyElectionView,
  ObjectionKind,
  ObjectionView,
  ProxyView,
  PublicElectionView,
  PublicVoterList,
  VoterView,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export interface BatchView {
  id: string;
  label: string;
  ballotCount: number;
  entered: number;
  tellerName: string;
}

/** The elections API (apps/server/src/modules/elections): one function per route. */
export const electionsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: ElectionSummary[] }>('/elections', undefined, signal),
  create: (body: CreateElectionBody) => api.post<ElectionDetail>('/elections', body),
  detail: (id: string) => api.get<ElectionDetail>(`/elections/${id}`),
  advance: (id: string, to: ElectionPhase) => api.post<ElectionDetail>(`/elections/${id}/phase`, { to }),
  voters: (id: string, signal?: AbortSignal) => api.get<{ items: VoterView[]; total: number }>(`/elections/${id}/voters`, { includeRemoved: 'true' }, signal),
  build: (id: string) => api.post<{ added: number; skippedNoBirthDate: number; alreadyRegistered: number }>(`/elections/${id}/voters/build`),
  addVoter: (id: string, body: { basis: 'residence_application' | 'community_worker'; residentId?: string; userId?: string; basisNote: string; workingSince?: string }) =>
    api.post<VoterView>(`/elections/${id}/voters`, body),
  removeVoter: (id: string, voterId: string, reason: string) => api.post<VoterView>(`/elections/${id}/voters/${voterId}/remove`, { reason }),
  setRepresentative: (id: string, voterId: string) => api.post<VoterView>(`/elections/${id}/representative`, { voterId }),
  tellerOptions: (communityId: string, signal?: AbortSignal) => api.get<{ items: { userId: string; displayName: string }[] }>('/elections/tellers', { communityId }, signal),
  objections: (id: string, signal?: AbortSignal) => api.get<{ items: ObjectionView[] }>(`/elections/${id}/objections`, undefined, signal),
  answer: (id: string, objectionId: string, accept: boolean, answer: string, subjectVoterId?: string) =>
    api.post<ObjectionView>(`/elections/${id}/objections/${objectionId}/answer`, { accept, answer, ...(subjectVoterId ? { subjectVoterId } : {}) }),
  candidates: (id: string, signal?: AbortSignal) => api.get<{ items: CandidateView[] }>(`/elections/${id}/candidates`, undefined, signal),
  addCandidate: (id: string, body: { post: ElectionPost; voterId: string; statement: string }) => api.post<CandidateView>(`/elections/${id}/candidates`, body),
  proxies: (id: string, signal?: AbortSignal) => api.get<{ items: ProxyView[] }>(`/elections/${id}/proxies`, undefined, signal),
  addProxy: (id: string, body: { grantorVoterId: string; holderVoterId: string; reference: string }) => api.post<ProxyView>(`/elections/${id}/proxies`, body),
  issuePaper: (id: string, voterId: string, byProxy: boolean) => api.post<{ voterId: string }>(`/elections/${id}/roll`, { voterId, byProxy }),
  batches: (id: string, signal?: AbortSignal) => api.get<{ items: BatchView[] }>(`/elections/${id}/batches`, undefined, signal),
  openBatch: (id: string, label: string, ballotCount: number) => api.post<BatchView>(`/elections/${id}/batches`, { label, ballotCount }),
  enterBallot: (id: string, batchId: string, valid: boolean, choices: BallotChoice[]) => api.post<BatchView>(`/elections/${id}/batches/${batchId}/ballots`, { valid, choices }),
  ballots: (id: string, signal?: AbortSignal) => api.get<{ items: { id: string; valid: boolean; choices: BallotChoice[] }[]; total: number }>(`/elections/${id}/ballots`, undefined, signal),
  tally: (id: string, signal?: AbortSignal) => api.get<ElectionTally>(`/elections/${id}/tally`, undefined, signal),
  publish: (id: string) => api.post<ElectionTally>(`/elections/${id}/publish`),
  terms: (id: string, organisationId: string) => api.post<{ termStartOn: string; termEndOn: string; created: number; ended: number }>(`/elections/${id}/terms`, { organisationId }),
};

/** The resident's side. */
export const myElectionsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: ElectionSummary[] }>('/my/elections', undefined, signal),
  detail: (id: string) => api.get<MyElectionView>(`/my/elections/${id}`),
  vote: (id: string, choices: BallotChoice[], forVoterId?: string) => api.post<{ recorded: true; votedOn: string }>(`/my/elections/${id}/ballot`, { choices, ...(forVoterId ? { forVoterId } : {}) }),
  object: (id: string, body: { kind: ObjectionKind; subjectName: string; reason: string }) => api.post<ObjectionView>(`/my/elections/${id}/objections`, body),
};

/** The public portal's side (no login). */
export const publicElectionsApi = {
  ofCommunity: (communityId: string, signal?: AbortSignal) => api.get<{ items: ElectionSummary[] }>(`/public/communities/${communityId}/elections`, undefined, signal),
  detail: (id: string) => api.get<PublicElectionView>(`/public/elections/${id}`),
  voterList: (id: string, signal?: AbortSignal) => api.get<PublicVoterList>(`/public/elections/${id}/voter-list`, undefined, signal),
};

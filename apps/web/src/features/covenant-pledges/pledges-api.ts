import type {
  CoverageGrouping,
  CoverageResponse,
  MyPledgeView,
  NominationView,
  PaperPledgeBody,
  PledgeHouseholdOption,
  PledgeMethod,
  PledgePage,
  PledgeView,
  UnreachedPage,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

type Paging = { limit: number; offset: number };

/** The pledges API (apps/server/src/modules/covenant-pledges): one function per route. */
export const pledgesApi = {
  mine: (covenantId: string) => api.get<MyPledgeView>(`/covenants/${covenantId}/pledges/mine`),
  sign: (covenantId: string) => api.post<PledgeView>(`/covenants/${covenantId}/pledges/mine`, { agree: true }),
  recordPaper: (covenantId: string, body: PaperPledgeBody) => api.post<PledgeView>(`/covenants/${covenantId}/pledges`, body),
  revoke: (covenantId: string, pledgeId: string, reason: string) => api.post<PledgeView>(`/covenants/${covenantId}/pledges/${pledgeId}/revoke`, { reason }),
  list: (covenantId: string, q: Paging & { placeId?: string; method?: PledgeMethod; includeRevoked?: 'true' }, signal?: AbortSignal) =>
    api.get<PledgePage>(`/covenants/${covenantId}/pledges`, q, signal),
  coverage: (covenantId: string, q: { by: CoverageGrouping; placeId?: string }, signal?: AbortSignal) => api.get<CoverageResponse>(`/covenants/${covenantId}/coverage`, q, signal),
  unreached: (covenantId: string, q: Paging & { placeId?: string }, signal?: AbortSignal) => api.get<UnreachedPage>(`/covenants/${covenantId}/coverage/unreached`, q, signal),
  households: (covenantId: string, q: string, signal?: AbortSignal) =>
    api.get<{ items: PledgeHouseholdOption[] }>(`/covenants/${covenantId}/pledge-households`, { q, limit: 20 }, signal),
  nominations: (covenantId: string, signal?: AbortSignal) => api.get<{ items: NominationView[] }>(`/covenants/${covenantId}/nominations`, undefined, signal),
  nominate: (covenantId: string, body: { householdId: string; reason: string }) => api.post<NominationView>(`/covenants/${covenantId}/nominations`, body),
  posterUrl: (covenantId: string, size: 'A3' | 'A4') => `/api/v1/public/covenants/${covenantId}/poster.pdf?size=${size}`,
};

import type { z } from 'zod';
import type {
  MembershipRole,
  MembershipView,
  OrganisationKind,
  OrganisationView,
  PartyMemberView,
  createMembershipBody,
  createOrganisationBody,
  createPartyMemberBody,
  personRolesView,
  updateOrganisationBody,
  updatePartyMemberBody,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export type NewOrganisation = z.input<typeof createOrganisationBody>;
export type OrganisationChange = z.input<typeof updateOrganisationBody>;
export type NewMembership = z.input<typeof createMembershipBody>;
export type NewPartyMember = z.input<typeof createPartyMemberBody>;
export type PartyMemberChange = z.input<typeof updatePartyMemberBody>;
export type PersonRoles = z.infer<typeof personRolesView>;

export interface PartyMemberQuery {
  communityId?: string;
  partyOrgId?: string;
  reporting?: 'local' | 'employed';
  q?: string;
  status?: 'active' | 'transferred_out' | 'deceased';
  limit: number;
  offset: number;
}

const o = (id: string) => `/organisations/${encodeURIComponent(id)}`;
const pm = (id: string) => `/party-members/${encodeURIComponent(id)}`;

/** Organisations (party organisations, committees, stakeholders) and the posts people hold in them. */
export const organisationsApi = {
  list: (q: { communityId?: string; kind?: OrganisationKind; q?: string; includeRetired?: boolean }) =>
    api.get<{ items: OrganisationView[] }>('/organisations', { ...q, includeRetired: q.includeRetired ? 'true' : undefined }),
  get: (id: string) => api.get<{ organisation: OrganisationView; members: MembershipView[] }>(o(id)),
  create: (body: NewOrganisation) => api.post<OrganisationView>('/organisations', body),
  update: (id: string, body: OrganisationChange) => api.patch<OrganisationView>(o(id), body),
  retire: (id: string) => api.post<OrganisationView>(`${o(id)}/retire`),
  memberships: (q: { organisationId?: string; communityId?: string; role?: MembershipRole; includeEnded?: boolean }) =>
    api.get<{ items: MembershipView[] }>('/memberships', { ...q, includeEnded: q.includeEnded ? 'true' : undefined }),
  addMember: (body: NewMembership) => api.post<MembershipView>('/memberships', body),
  endMember: (id: string, body: { endOn?: string } = {}) => api.post<MembershipView>(`/memberships/${encodeURIComponent(id)}/end`, body),
  personRoles: (residentId: string) => api.get<PersonRoles>(`/people/${encodeURIComponent(residentId)}/roles`),
};

/** The party member roster, dual reporting included. */
export const partyMembersApi = {
  list: (q: PartyMemberQuery, signal?: AbortSignal) => api.get<{ items: PartyMemberView[]; total: number }>('/party-members', { ...q }, signal),
  get: (id: string) => api.get<PartyMemberView>(pm(id)),
  create: (body: NewPartyMember) => api.post<PartyMemberView>('/party-members', body),
  update: (id: string, body: PartyMemberChange) => api.patch<PartyMemberView>(pm(id), body),
};

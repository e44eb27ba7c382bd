import type { Role, UserView } from '@gongzhi/shared';
import { api } from '../../api/client.js';

export interface UserQuery {
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

export interface NewUser {
  displayName: string;
  username?: string;
  phone?: string;
  password?: string;
  roles: { role: Role; placeId: string }[];
}

export interface ClaimSlip {
  code: string;
  expiresAt: string;
  displayName: string;
  communityName: string | null;
}

const path = (id: string) => `/users/${encodeURIComponent(id)}`;

/** Accounts within the staff member's scope. */
export const usersApi = {
  list: (q: UserQuery) => api.get<{ items: UserView[]; total: number }>('/users', { ...q }),
  create: (body: NewUser) => api.post<{ user: UserView; claimCode: { code: string; expiresAt: string } | null }>('/users', body),
  setStatus: (id: string, status: 'active' | 'disabled') => api.patch<UserView>(path(id), { status }),
  grantRole: (id: string, role: Role, placeId: string) => api.post<UserView>(`${path(id)}/roles`, { role, placeId }),
  revokeRole: (id: string, roleId: string) => api.delete<UserView>(`${path(id)}/roles/${encodeURIComponent(roleId)}`),
  issueClaimCode: (id: string) => api.post<ClaimSlip>(`${path(id)}/claim-code`),
};

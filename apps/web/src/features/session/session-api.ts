import type { Me } from '@gongzhi/shared';
import { api } from '../../api/client.js';
import type { AppLocale } from '../../i18n/index.js';

export type Preferences = { elderMode?: boolean; locale?: AppLocale };
export interface ClaimInput {
  code: string;
  username?: string;
  phone?: string;
  password: string;
}

/** Calls for the signed-in account: who am I, log in and out, claim, password, preferences, on-behalf. */
export const sessionApi = {
  me: () => api.get<Me>('/me'),
  login: (account: string, password: string) => api.post<{ ok: true }>('/auth/login', { account, password }),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  claim: (input: ClaimInput) => api.post<{ ok: true }>('/auth/claim', input),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
  savePreferences: (prefs: Preferences) => api.patch<{ ok: true }>('/me/preferences', prefs),
  startOnBehalf: (residentUserId: string, reason: string) =>
    api.post<{ id: string; displayName: string }>('/me/on-behalf', { residentUserId, reason }),
  stopOnBehalf: () => api.delete<{ ok: true }>('/me/on-behalf'),
};

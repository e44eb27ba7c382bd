import type { PublicCommunity } from '@gongzhi/shared';
import { api } from '../../api/client.js';

/** Anonymous reads for the portal. */
export const publicApi = {
  communities: (signal?: AbortSignal) => api.get<{ items: PublicCommunity[] }>('/public/communities', undefined, signal),
};

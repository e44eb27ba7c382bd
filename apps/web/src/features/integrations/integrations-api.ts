import type { z } from 'zod';
import type {
  NotificationEndpointView,
  Open311ClientView,
  createNotificationEndpointBody,
  createdOpen311Client,
  endpointTestResult,
  updateNotificationEndpointBody,
} from '@gongzhi/shared';
import { api } from '../../api/client.js';

export type NewEndpoint = z.input<typeof createNotificationEndpointBody>;
export type EndpointChange = z.input<typeof updateNotificationEndpointBody>;
export type EndpointTestResult = z.infer<typeof endpointTestResult>;
export type CreatedOpen311Client = z.infer<typeof createdOpen311Client>;

const enc = encodeURIComponent;

/** The community's notification endpoints (group robots, webhooks, mail): targets come back masked. */
export const endpointsApi = {
  list: () => api.get<{ items: NotificationEndpointView[] }>('/notification-endpoints'),
  create: (body: NewEndpoint) => api.post<NotificationEndpointView>('/notification-endpoints', body),
  update: (id: string, body: EndpointChange) => api.patch<NotificationEndpointView>(`/notification-endpoints/${enc(id)}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/notification-endpoints/${enc(id)}`),
  test: (id: string) => api.post<EndpointTestResult>(`/notification-endpoints/${enc(id)}/test`),
};

/** Open311 integrations: the key is in the create answer only. */
export const open311ClientsApi = {
  list: () => api.get<{ items: Open311ClientView[] }>('/open311-clients'),
  create: (body: { communityId: string; name: string }) => api.post<CreatedOpen311Client>('/open311-clients', body),
  revoke: (id: string) => api.post<Open311ClientView>(`/open311-clients/${enc(id)}/revoke`),
};

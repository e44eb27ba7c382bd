import type { z } from 'zod';
import type { NotificationListResponse, NotificationPreferencesView, NotificationView, updateNotificationPreferencesBody } from '@gongzhi/shared';
import { api, request } from '../../api/client.js';

export type { NotificationView, NotificationPreferencesView };
export type NotificationPreferencesInput = z.input<typeof updateNotificationPreferencesBody>;

/** My messages (newest first), marking them read, and how I want to be told. */
export const notificationsApi = {
  list: (offset = 0, limit = 20) => api.get<NotificationListResponse>('/notifications', { offset, limit }),
  read: (id: string) => api.post<NotificationView>(`/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<{ updated: number }>('/notifications/read-all'),
  preferences: () => api.get<NotificationPreferencesView>('/me/notification-preferences'),
  savePreferences: (p: NotificationPreferencesInput) =>
    request<NotificationPreferencesView>('PUT', '/me/notification-preferences', { body: p }),
};

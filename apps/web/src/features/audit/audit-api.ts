import type { AuditEntryView } from '@gongzhi/shared';
import { api } from '../../api/client.js';

export interface AuditFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

/** The audit log, newest first, one keyset page at a time. */
export const auditApi = {
  list: (filter: AuditFilter, limit: number, before?: string) =>
    api.get<{ items: AuditEntryView[]; nextBefore: string | null }>('/audit-log', { ...filter, limit, before }),
  actions: () => api.get<{ items: string[] }>('/audit-log/actions'),
};

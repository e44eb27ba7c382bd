import type { ImportJobView, TransferKind } from '@gongzhi/shared';
import { api, requestFile } from '../../api/client.js';

const job = (id: string) => `/imports/${encodeURIComponent(id)}`;

/** Excel in and out: templates, validated uploads, background imports, masked or revealed exports. */
export const transferApi = {
  template: (kind: TransferKind) => requestFile('GET', `/transfer/templates/${kind}`, { fallbackName: `${kind}-template.xlsx` }),
  upload: (kind: TransferKind, communityId: string, file: File) => api.upload<ImportJobView>('/imports', file, file.name, { kind, communityId }),
  list: (communityId?: string) => api.get<{ items: ImportJobView[] }>('/imports', { communityId, limit: 20 }),
  get: (id: string) => api.get<ImportJobView>(job(id)),
  commit: (id: string) => api.post<ImportJobView>(`${job(id)}/commit`),
  report: (id: string) => requestFile('GET', `${job(id)}/report.xlsx`, { fallbackName: 'import-report.xlsx' }),
  export: (kind: TransferKind, q: { communityId: string; placeId?: string; reveal?: boolean; purpose?: string }) =>
    requestFile('GET', `/exports/${kind}`, {
      query: { communityId: q.communityId, placeId: q.placeId, reveal: q.reveal ? 'true' : undefined, purpose: q.purpose },
      fallbackName: `${kind}.xlsx`,
    }),
};

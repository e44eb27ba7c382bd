import type { ImportJobView } from '@gongzhi/shared';
import { useJobProgress } from '../../api/use-job-progress.js';
import { transferApi } from './transfer-api.js';

export const finished = (job: ImportJobView) => job.status === 'done' || job.status === 'failed' || job.status === 'interrupted';

const fetchImport = (id: string) => transferApi.get(id);
const importing = (job: ImportJobView) => job.status === 'importing';

/** Follow an import running on the server (`GET /imports/:id`) until it is done, failed or interrupted. */
export function useImportProgress(start: ImportJobView | null): { job: ImportJobView | null; pollError: unknown } {
  return useJobProgress(start, fetchImport, importing);
}

import type { ClassifierJobView } from '@gongzhi/shared';
import { useJobProgress } from '../../api/use-job-progress.js';
import { requestAdminApi } from './requests-api.js';

/** Queued or running: the server may still move it on. */
export const jobOpen = (job: ClassifierJobView): boolean => job.status === 'queued' || job.status === 'running';

/** Follow a retraining job (`GET /classifier/jobs/:id`) until it is done or failed. */
export const useRetrainJob = (start: ClassifierJobView | null) => useJobProgress(start, requestAdminApi.job, jobOpen);

import { useEffect, useState } from 'react';
import type { ImportJobView } from '@gongzhi/shared';
import { transferApi } from './transfer-api.js';

const POLL_MS = 800;
export const finished = (job: ImportJobView) => job.status === 'done' || job.status === 'failed' || job.status === 'interrupted';

/**
 * Follow an import running on the server: ask `GET /imports/:id` until it is done, failed or interrupted.
 * A failed poll (a network blip) is retried; the job keeps running on the server regardless.
 */
export function useImportProgress(start: ImportJobView | null): { job: ImportJobView | null; pollError: unknown } {
  const [job, setJob] = useState(start);
  const [pollError, setPollError] = useState<unknown>(null);

  useEffect(() => {
    setJob(start);
    if (!start || start.status !== 'importing') return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await transferApi.get(start.id);
        if (!live) return;
        setJob(next);
        setPollError(null);
        if (finished(next)) return;
      } catch (e) {
        if (!live) return;
        setPollError(e);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [start]);

  return { job, pollError };
}

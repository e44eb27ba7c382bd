import { useEffect, useState } from 'react';

const POLL_MS = 1000;

/**
 * Follow a background job on the server (an import, a classifier retraining): fetch it again every second
 * while `open(job)` holds. A failed poll (a network blip) is shown and retried; the job runs on the server
 * regardless, and leaving the page stops only the polling. `fetchJob` and `open` must be stable (module-level).
 */
export function useJobProgress<J extends { id: string }>(
  start: J | null,
  fetchJob: (id: string) => Promise<J>,
  open: (job: J) => boolean,
): { job: J | null; pollError: unknown } {
  const [job, setJob] = useState(start);
  const [pollError, setPollError] = useState<unknown>(null);

  useEffect(() => {
    setJob(start);
    setPollError(null);
    if (!start || !open(start)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await fetchJob(start.id);
        if (!live) return;
        setJob(next);
        setPollError(null);
        if (!open(next)) return;
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
  }, [start, fetchJob, open]);

  return { job, pollError };
}

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Data reloaded whenever `key` (the serialised query) changes, or on `reload()` (after a change). The last
 * answer stays on screen while the next one loads, so changing a filter or period does not make the page jump;
 * an answer to an older key that arrives late is dropped (its request aborted), so fast typing never shows it.
 */
export function useLoaded<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    loadRef.current(ctl.signal).then(
      (d) => {
        if (ctl.signal.aborted) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload };
}

// One empty list for every hook that has no answer yet, so `items` keeps its identity between renders.
const noItems: never[] = [];

/** One page of a server-side list (`{ items, total }`), loaded as `useLoaded` does. */
export function usePaged<T>(key: string, load: (signal: AbortSignal) => Promise<{ items: T[]; total: number; totalCapped?: boolean }>) {
  const { data, loading, error, reload } = useLoaded(key, load);
  return { items: data?.items ?? noItems, total: data?.total ?? 0, totalCapped: data?.totalCapped ?? false, loading, error, reload };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from './registers-api.js';

/**
 * One page of a server-side list, reloaded whenever `key` (the serialised query) changes. An older answer
 * that arrives after a newer request is dropped, so fast typing never shows stale rows.
 */
export function usePaged<T>(key: string, load: (signal: AbortSignal) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    loadRef.current(ctl.signal).then(
      (r) => {
        if (ctl.signal.aborted) return;
        setItems(r.items);
        setTotal(r.total);
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
  return { items, total, loading, error, reload };
}

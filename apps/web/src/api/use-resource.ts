import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api-error.js';

/** One record being loaded: a 404 (missing, or outside the actor's scope) is its own state. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Load one record with `load(key)`; reload when `key` changes or on `reload()`. `set` puts an answer the
 * server already gave (after a change) in place without another round trip.
 */
export function useResource<T>(key: string, load: (key: string) => Promise<T>) {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    // Keep showing the record while it reloads; only a new key shows the spinner.
    setState((s) => (s.status === 'ready' && shownKey.current === key ? s : { status: 'loading' }));
    loadRef.current(key).then(
      (data) => {
        if (!live) return;
        shownKey.current = key;
        setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!live) return;
        const missing = error instanceof ApiError && (error.status === 404 || error.code === 'validation_failed');
        setState(missing ? { status: 'not-found' } : { status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, set };
}

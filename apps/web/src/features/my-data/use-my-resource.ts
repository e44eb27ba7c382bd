import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.js';

/** A resident-app record: loading, ready, not linked to a resident record, or failed. */
export type MyResource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'not-linked' } | { status: 'failed'; error: unknown };

/** Load `/me/…`; an account not linked to a resident record answers `resident_not_linked`, its own state. */
export function useMyResource<T>(load: () => Promise<T>) {
  const [state, setState] = useState<MyResource<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!live) return;
        const notLinked = error instanceof ApiError && error.code === 'resident_not_linked';
        setState(notLinked ? { status: 'not-linked' } : { status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
    // The loader is a module-level function; only `version` asks again.
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}

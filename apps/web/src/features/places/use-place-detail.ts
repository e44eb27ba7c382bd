import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { placesApi, type PlaceDetail, type PlaceHistoryEntry } from './places-api.js';

export type DetailState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; detail: PlaceDetail; history: PlaceHistoryEntry[] };

/** Load one place and its history; `reload` after a change. A 404 means missing or out of scope. */
export function usePlaceDetail(id: string | undefined, includeRetired: boolean) {
  const [state, setState] = useState<DetailState>({ kind: 'none' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!id) {
      setState({ kind: 'none' });
      return;
    }
    let live = true;
    setState((s) => (s.kind === 'ready' && s.detail.place.id === id ? s : { kind: 'loading' }));
    Promise.all([placesApi.detail(id, includeRetired), placesApi.history(id)])
      .then(([detail, h]) => live && setState({ kind: 'ready', detail, history: h.items }))
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && (error.status === 404 || error.code === 'validation_failed')) setState({ kind: 'not-found' });
        else setState({ kind: 'failed', error });
      });
    return () => {
      live = false;
    };
  }, [id, includeRetired, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}

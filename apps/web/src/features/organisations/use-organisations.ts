import { useCallback, useEffect, useState } from 'react';
import type { OrganisationKind, OrganisationView } from '@gongzhi/shared';
import { organisationsApi } from './organisations-api.js';

/** The organisations of one kind (or all), reloaded when the filter changes. */
export function useOrganisations(filter: { communityId?: string; kind?: OrganisationKind; q?: string; includeRetired?: boolean }) {
  const [items, setItems] = useState<OrganisationView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    setLoading(true);
    organisationsApi
      .list(JSON.parse(key) as typeof filter)
      .then((r) => {
        if (!live) return;
        setItems(r.items);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, loading, error, reload };
}

import { useCallback, useEffect, useState } from 'react';
import type { Role, UserView } from '@gongzhi/shared';
import { usersApi } from './users-api.js';

export interface UserFilter {
  q: string;
  role: Role | undefined;
  page: number;
  pageSize: number;
}

/** One page of accounts from the server (`{ items, total }`), reloaded when the filter changes. */
export function useUsers(filter: UserFilter) {
  const [items, setItems] = useState<UserView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const { q, role, page, pageSize } = filter;

  useEffect(() => {
    let live = true;
    setLoading(true);
    usersApi
      .list({ q: q.trim() || undefined, role, limit: pageSize, offset: (page - 1) * pageSize })
      .then((r) => {
        if (!live) return;
        setItems(r.items);
        setTotal(r.total);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q, role, page, pageSize, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  /** Put a changed account in place without a round trip. */
  const replace = useCallback((u: UserView) => setItems((list) => list.map((x) => (x.id === u.id ? u : x))), []);
  return { items, total, loading, error, reload, replace };
}

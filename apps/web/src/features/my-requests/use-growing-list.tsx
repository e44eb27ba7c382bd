import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';

/**
 * A phone list that grows with "show older ones" instead of pages: the first page on mount, then `more()`
 * appends the next. `setItems` lets a page change rows in place (a message marked read).
 */
export function useGrowingList<T>(load: (offset: number) => Promise<{ items: T[]; total: number }>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchFrom = useCallback(async (offset: number) => {
    setBusy(true);
    try {
      const r = await loadRef.current(offset);
      setItems((prev) => (offset === 0 || !prev ? r.items : [...prev, ...r.items]));
      setTotal(r.total);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    void fetchFrom(0);
  }, [fetchFrom]);

  const more = useCallback(() => void fetchFrom(items?.length ?? 0), [fetchFrom, items]);
  return { items, setItems, total, error, busy, more, hasMore: items !== null && items.length < total };
}

/** Loading, failed, or empty (with the page's own words and call to action); nothing once there are rows. */
export function GrowingListState({ items, error, empty }: { items: unknown[] | null; error: unknown; empty: ReactNode }) {
  const { t } = useTranslation();
  if (error !== null)
    return (
      <div className="gz-notice gz-notice-error" role="alert">
        {errorText(error)}
      </div>
    );
  if (items === null)
    return (
      <div className="gz-page-loading" role="status">
        {t('states.loading')}
      </div>
    );
  return items.length === 0 ? <>{empty}</> : null;
}

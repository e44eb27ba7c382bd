import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentPage, CommentView } from '@gongzhi/shared';

/**
 * Comments newest first, growing with "show older ones" through the `before` cursor. `prepend` puts a comment
 * just written at the top without reloading the list. A new `key` starts over.
 */
export function useCommentPages(key: string, load: (before: string | undefined) => Promise<CommentPage>) {
  const [items, setItems] = useState<CommentView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (before: string | undefined, live: () => boolean = () => true) => {
    setBusy(true);
    try {
      const page = await loadRef.current(before);
      if (!live()) return;
      setItems((prev) => (before === undefined || !prev ? page.items : [...prev, ...page.items]));
      setNext(page.nextBefore);
      setTotal(page.total);
      setError(null);
    } catch (e) {
      if (live()) setError(e);
    } finally {
      if (live()) setBusy(false);
    }
  }, []);

  useEffect(() => {
    let live = true;
    setItems(null);
    void fetchPage(undefined, () => live);
    return () => {
      live = false;
    };
  }, [key, fetchPage]);

  const more = useCallback(() => {
    if (next) void fetchPage(next);
  }, [fetchPage, next]);
  const prepend = useCallback((c: CommentView) => {
    setItems((prev) => [c, ...(prev ?? [])]);
    setTotal((n) => n + 1);
  }, []);
  return { items, total, error, busy, more, hasMore: next !== null, prepend };
}

import { useCallback, useEffect, useState } from 'react';
import { notificationsApi } from './notifications-api.js';

/** How often the count is asked again while the page is open; a visible tab also asks when it comes back. */
const POLL_MS = 60_000;

/**
 * The number of my unread messages, kept fresh: on mount, every minute while the page is visible, and when
 * the window regains focus. A failure keeps the last count (a badge is not worth an error message).
 */
export function useUnreadCount() {
  const [count, setCount] = useState(0);
  const refresh = useCallback(async () => {
    try {
      const r = await notificationsApi.list(0, 1);
      setCount(r.unread);
    } catch {
      // keep the last count
    }
  }, []);
  useEffect(() => {
    void refresh();
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const timer = window.setInterval(tick, POLL_MS);
    window.addEventListener('focus', tick);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', tick);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [refresh]);
  return { count, setCount, refresh };
}

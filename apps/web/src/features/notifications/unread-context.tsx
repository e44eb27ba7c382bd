import { createContext, useContext, type ReactNode } from 'react';
import { useUnreadCount } from './use-unread-count.js';

interface Unread {
  count: number;
  setCount: (n: number) => void;
  refresh: () => Promise<void>;
}

const UnreadContext = createContext<Unread>({ count: 0, setCount: () => undefined, refresh: async () => undefined });

/** One unread count for the resident app: the tab bar, the home page and the messages page share it. */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const value = useUnreadCount();
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

/** The shared unread count (zero outside a provider). */
export const useUnread = (): Unread => useContext(UnreadContext);

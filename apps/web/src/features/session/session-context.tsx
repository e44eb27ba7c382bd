import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '@gongzhi/shared';
import { ApiError } from '../../api/api-error.js';
import { onAuthLost, setCsrfToken } from '../../api/client.js';
import { currentLocale, setLocale } from '../../i18n/index.js';
import { addPendingPreferences, storeElderMode, takePendingPreferences } from '../preferences/local-preferences.js';
import { sessionApi, type ClaimInput, type Preferences } from './session-api.js';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface Session {
  status: SessionStatus;
  me: Me | null;
  /** Ask the server who is logged in (also fetches a fresh CSRF token). */
  refresh: () => Promise<Me | null>;
  login: (account: string, password: string) => Promise<Me | null>;
  claim: (input: ClaimInput) => Promise<Me | null>;
  logout: () => Promise<void>;
  /** Remember a preference: on the account when logged in, else on this device until the next login. */
  savePreferences: (p: Preferences) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Apply the account's preferences to this device. */
function applyAccountPreferences(me: Me): void {
  storeElderMode(me.preferences.elderMode);
  if (me.preferences.locale !== currentLocale()) void setLocale(me.preferences.locale);
}

/** Holds the signed-in account for one face (console or resident app). The portal needs none. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const becomeAnonymous = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
    setStatus('anonymous');
  }, []);

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      const m = await sessionApi.me();
      setCsrfToken(m.csrfToken);
      setMe(m);
      setStatus('authenticated');
      return m;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        becomeAnonymous();
        return null;
      }
      throw e;
    }
  }, [becomeAnonymous]);

  // A just-logged-in account takes the choices made on the login page, then everything follows the account.
  const afterLogin = useCallback(async (): Promise<Me | null> => {
    let m = await refresh();
    const pending = takePendingPreferences();
    if (m && pending) {
      await sessionApi.savePreferences(pending).catch(() => undefined);
      m = await refresh();
    }
    if (m) applyAccountPreferences(m);
    return m;
  }, [refresh]);

  useEffect(() => {
    let live = true;
    sessionApi
      .me()
      .then((m) => {
        if (!live) return;
        setCsrfToken(m.csrfToken);
        applyAccountPreferences(m);
        setMe(m);
        setStatus('authenticated');
      })
      .catch(() => live && becomeAnonymous());
    const stop = onAuthLost(() => live && becomeAnonymous());
    return () => {
      live = false;
      stop();
    };
  }, [becomeAnonymous]);

  const value = useMemo<Session>(
    () => ({
      status,
      me,
      refresh,
      login: async (account, password) => {
        await sessionApi.login(account, password);
        return afterLogin();
      },
      claim: async (input) => {
        await sessionApi.claim(input);
        return afterLogin();
      },
      logout: async () => {
        await sessionApi.logout().catch(() => undefined);
        becomeAnonymous();
      },
      savePreferences: async (p) => {
        if (!me) {
          addPendingPreferences(p);
          return;
        }
        setMe({ ...me, preferences: { ...me.preferences, ...p } });
        await sessionApi.savePreferences(p);
      },
    }),
    [status, me, refresh, afterLogin, becomeAnonymous],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the face this component is in. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The session if there is one (the portal has none). */
export const useOptionalSession = (): Session | null => useContext(SessionContext);

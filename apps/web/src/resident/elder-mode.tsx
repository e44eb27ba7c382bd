import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { storeElderMode, storedElderMode } from '../features/preferences/local-preferences.js';
import { useSession } from '../features/session/session-context.js';

interface ElderMode {
  on: boolean;
  set: (on: boolean) => Promise<void>;
}

const ElderModeContext = createContext<ElderMode>({ on: false, set: async () => undefined });

/**
 * Elder mode (长辈版): large type, strong contrast, no pop-ups. It follows the account when logged in
 * (`me.preferences.elderMode`) and this device before login. The class on <html> drives the styles.
 */
export function ElderModeProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const accountValue = session.me?.preferences.elderMode;
  const [on, setOn] = useState<boolean>(() => accountValue ?? storedElderMode());

  useEffect(() => {
    if (accountValue !== undefined) setOn(accountValue);
  }, [accountValue]);

  useEffect(() => {
    document.documentElement.classList.toggle('gz-elder', on);
    return () => document.documentElement.classList.remove('gz-elder');
  }, [on]);

  const { savePreferences } = session;
  const set = useCallback(
    async (next: boolean) => {
      setOn(next);
      storeElderMode(next);
      await savePreferences({ elderMode: next });
    },
    [savePreferences],
  );

  const value = useMemo(() => ({ on, set }), [on, set]);
  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>;
}

export const useElderMode = (): ElderMode => useContext(ElderModeContext);

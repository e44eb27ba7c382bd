import { useCallback } from 'react';
import { setLocale, type AppLocale } from '../../i18n/index.js';
import { useOptionalSession } from '../session/session-context.js';
import { addPendingPreferences } from './local-preferences.js';

/** Switch the language: on this device at once, and on the account (or at the next login). */
export function useChangeLocale(): (locale: AppLocale) => void {
  const session = useOptionalSession();
  return useCallback(
    (locale: AppLocale) => {
      void setLocale(locale);
      if (session) void session.savePreferences({ locale }).catch(() => undefined);
      else addPendingPreferences({ locale });
    },
    [session],
  );
}

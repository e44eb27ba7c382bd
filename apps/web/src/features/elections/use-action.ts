import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';

/** Run one write, show its error inline (returned) and a short success message, then call `after`. */
export function useAction(after: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      void message.success(t('elections.console.saved'));
      after();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy };
}

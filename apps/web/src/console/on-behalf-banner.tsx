import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.js';
import { sessionApi } from '../features/session/session-api.js';
import { useSession } from '../features/session/session-context.js';

/** Shown on every page while the staff member acts on a resident's behalf. */
export function OnBehalfBanner() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!me?.onBehalfOf) return null;

  const stop = async () => {
    setBusy(true);
    try {
      await sessionApi.stopOnBehalf();
      await refresh();
      message.success(t('console.onBehalf.stopped'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      type="warning"
      banner
      showIcon
      title={t('console.onBehalf.banner', { name: me.onBehalfOf.displayName })}
      action={
        <Button size="small" danger loading={busy} onClick={stop}>
          {t('console.onBehalf.stop')}
        </Button>
      }
    />
  );
}

import { useState } from 'react';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { myRequestsApi } from './my-requests-api.js';

/** 撤回: asked once more right on the page (never in a dialog), with "keep it" as large as "withdraw". */
export function WithdrawSection({ requestId, onDone }: { requestId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await myRequestsApi.withdraw(requestId);
      setAsking(false);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!asking)
    return (
      <div className="resident-actions">
        <Button block fill="outline" color="danger" size="large" onClick={() => setAsking(true)}>
          {t('myRequests.withdraw.button')}
        </Button>
      </div>
    );
  return (
    <section className="resident-card gz-confirm" role="group" aria-label={t('myRequests.withdraw.button')}>
      <p>{t('myRequests.withdraw.confirm')}</p>
      <FormError text={error} />
      <div className="gz-confirm-buttons">
        <Button block color="danger" size="large" loading={busy} onClick={() => void withdraw()}>
          {t('myRequests.withdraw.yes')}
        </Button>
        <Button block size="large" onClick={() => setAsking(false)}>
          {t('myRequests.withdraw.no')}
        </Button>
      </div>
    </section>
  );
}

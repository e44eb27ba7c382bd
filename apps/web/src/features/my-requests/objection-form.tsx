import { useId, useState } from 'react';
import { Button, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { myRequestsApi } from './my-requests-api.js';

const MIN_REASON = 4;

/** 对答复有异议: one button opens the reason field right on the page (no pop-up); sending reopens the request. */
export function ObjectionForm({ requestId, onDone }: { requestId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (reason.trim().length < MIN_REASON) return setError(t('myRequests.objection.reasonTooShort'));
    setBusy(true);
    setError(null);
    try {
      await myRequestsApi.object(requestId, reason.trim());
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="resident-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('myRequests.objection.title')}</h2>
      <p>{t('myRequests.objection.hint')}</p>
      {!open ? (
        <div className="gz-form-foot">
          <Button block fill="outline" color="primary" size="large" aria-expanded={false} onClick={() => setOpen(true)}>
            {t('myRequests.objection.submit')}
          </Button>
        </div>
      ) : (
        <>
          <h3>
            <label htmlFor={`${id}-reason`}>{t('myRequests.objection.reason')}</label>
          </h3>
          <TextArea id={`${id}-reason`} value={reason} onChange={setReason} rows={3} maxLength={500} showCount />
          <div className="gz-form-foot">
            <FormError text={error} />
            <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
              {t('myRequests.objection.submit')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

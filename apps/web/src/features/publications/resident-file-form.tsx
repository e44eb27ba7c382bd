import { useId, useState } from 'react';
import { Button, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { disclosureApi } from '../disclosure/disclosure-api.js';

/** 提出异议 / 我要提问: one button opens the field on the page itself (no pop-up, elder mode friendly). */
export function ResidentFileForm({ publicationId, kind, onDone }: { publicationId: string; kind: 'objections' | 'questions'; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const title = t(kind === 'objections' ? 'disclosure.resident.object' : 'disclosure.resident.ask');

  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await disclosureApi.file(publicationId, kind, text.trim());
      setText('');
      setOpen(false);
      setSent(true);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="resident-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {sent && <p role="status">{t('disclosure.resident.sent')}</p>}
      {!open ? (
        <Button block fill="outline" color="primary" size="large" onClick={() => setOpen(true)}>
          {title}
        </Button>
      ) : (
        <>
          <label htmlFor={`${id}-text`}>{t(kind === 'objections' ? 'disclosure.resident.objectionLabel' : 'disclosure.resident.questionLabel')}</label>
          <TextArea id={`${id}-text`} value={text} onChange={setText} rows={3} maxLength={1000} showCount />
          <div className="gz-form-foot">
            <FormError text={error} />
            <Button block color="primary" size="large" loading={busy} disabled={!text.trim()} onClick={() => void submit()}>
              {t('disclosure.resident.send')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

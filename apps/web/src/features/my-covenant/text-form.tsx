import { useId, useState } from 'react';
import { Button, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';

const MIN_TEXT = 2;

/**
 * A text box and one big submit button, right on the page (no pop-up). After sending, a thank-you stays on
 * the page until the person starts writing again.
 */
export function TextForm({
  title,
  label,
  placeholder,
  submitLabel,
  doneText,
  maxLength = 2000,
  onSubmit,
}: {
  title: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  doneText: string;
  maxLength?: number;
  onSubmit: (text: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (text.trim().length < MIN_TEXT) return setError(t('myCovenant.form.tooShort'));
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="resident-card gz-text-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <h3>
        <label htmlFor={`${id}-text`}>{label}</label>
      </h3>
      <TextArea
        id={`${id}-text`}
        value={text}
        onChange={(v) => {
          setText(v);
          setDone(false);
          if (v.trim().length >= MIN_TEXT) setError(null);
        }}
        rows={4}
        maxLength={maxLength}
        showCount
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
      />
      <div className="gz-form-foot">
        {done && (
          <div className="gz-notice gz-notice-success" role="status">
            {doneText}
          </div>
        )}
        <FormError text={error} />
        <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
          {submitLabel}
        </Button>
      </div>
    </section>
  );
}

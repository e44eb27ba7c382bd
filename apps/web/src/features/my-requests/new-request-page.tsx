import { useState } from 'react';
import { Button, List, NavBar, TextArea } from 'antd-mobile';
import type { RequestKind } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { ToggleSwitch } from '../../resident/toggle-switch.js';
import { useSession } from '../session/session-context.js';
import { KindPicker } from './kind-picker.js';
import { myRequestsApi } from './my-requests-api.js';
import { PhotoPicker } from './photo-picker.js';
import { PlacePicker } from './place-picker.js';
import { SimilarList } from './similar-list.js';
import { usePhotoUploads } from './use-photo-uploads.js';
import './my-requests.css';

const MIN_TEXT = 5;
const MAX_TEXT = 2000;

/** 我要反映: what kind of matter, what happened (with similar requests), photos, where, and whether to hide my name. */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const uploads = usePhotoUploads(me?.csrfToken ?? '');
  const [kind, setKind] = useState<RequestKind | null>(null);
  const [text, setText] = useState('');
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [kindError, setKindError] = useState<string | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = text.trim();
    const kindMissing = kind === null ? t('myRequests.new.kindRequired') : null;
    const textShort = trimmed.length < MIN_TEXT ? t('myRequests.new.textTooShort') : null;
    setKindError(kindMissing);
    setTextError(textShort);
    if (kindMissing || textShort || kind === null) {
      setError(kindMissing ?? textShort);
      return;
    }
    if (uploads.uploading) return setError(t('myRequests.new.waitUploads'));
    if (uploads.failed) return setError(t('myRequests.new.failedUploads'));
    setBusy(true);
    setError(null);
    try {
      const created = await myRequestsApi.create({ kind, text: trimmed, photoIds: uploads.ids, anonymous, ...(placeId ? { placeId } : {}) });
      navigate(`/m/requests/${created.id}/submitted`, { replace: true });
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="resident-page gz-new-request">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('myRequests.new.title')}
      </NavBar>
      <p className="resident-intro">{t('myRequests.new.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <section className="gz-step">
          <h2 id="gz-kind-title">{t('myRequests.new.kindTitle')}</h2>
          <KindPicker
            value={kind}
            labelledBy="gz-kind-title"
            error={kindError}
            onChange={(k) => {
              setKind(k);
              setKindError(null);
            }}
          />
        </section>
        <section className="gz-step">
          <h2>
            <label htmlFor="gz-request-text">{t('myRequests.new.textTitle')}</label>
          </h2>
          <TextArea
            id="gz-request-text"
            value={text}
            onChange={(v) => {
              setText(v);
              if (textError && v.trim().length >= MIN_TEXT) setTextError(null);
            }}
            rows={5}
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={MAX_TEXT}
            showCount
            placeholder={t('myRequests.new.textPlaceholder')}
            aria-invalid={textError ? true : undefined}
          />
          {textError && (
            <div className="gz-field-error" role="alert">
              {textError}
            </div>
          )}
          <SimilarList text={text} />
        </section>
        <section className="gz-step">
          <h2>{t('myRequests.new.photosTitle')}</h2>
          <PhotoPicker uploads={uploads} />
        </section>
        <section className="gz-step">
          <h2 id="gz-place-title">{t('myRequests.new.placeTitle')}</h2>
          <PlacePicker value={placeId} onChange={setPlaceId} labelledBy="gz-place-title" />
        </section>
        <List className="gz-step-list">
          <List.Item
            description={t('myRequests.new.anonymousHint')}
            extra={<ToggleSwitch checked={anonymous} onChange={setAnonymous} label={t('myRequests.new.anonymous')} />}
          >
            {t('myRequests.new.anonymous')}
          </List.Item>
        </List>
        <div className="resident-actions">
          <FormError text={error} />
          <Button block type="submit" color="primary" size="large" loading={busy} disabled={busy}>
            {t('myRequests.new.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

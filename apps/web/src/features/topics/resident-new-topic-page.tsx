import { useState } from 'react';
import { Button, Input, NavBar, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error.js';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { topicsApi } from './topics-api.js';
import '../my-requests/my-requests.css';
import '../my-requests/request-controls.css';
import './topics-resident.css';

/** 提出议题 (`/m/topics/new`): a title and what it is about; the community decides whether to put it on the agenda. */
export default function ResidentNewTopicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (title.trim().length < 4 || description.trim().length < 10) return setError(t('validation.tooShort'));
    setBusy(true);
    setError(null);
    try {
      const topic = await topicsApi.propose({ title: title.trim(), description: description.trim() });
      navigate(`/m/topics/${topic.id}?new=1`, { replace: true });
    } catch (e) {
      // An account not yet linked to the register is told how to get linked, not just "not allowed".
      setError(e instanceof ApiError && e.code === 'not_open_to_you' ? t('topics.resident.notOpen') : errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="resident-page gz-topics">
      <NavBar onBack={() => navigate('/m/topics')} backIcon backArrow>
        {t('topics.resident.proposeTitle')}
      </NavBar>
      <p className="resident-intro">{t('topics.resident.proposeIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <section className="gz-step">
          <h2>
            <label htmlFor="gz-topic-title">{t('topics.fields.title')}</label>
          </h2>
          <Input id="gz-topic-title" value={title} onChange={setTitle} maxLength={120} placeholder={t('topics.fields.titlePlaceholder')} clearable />
        </section>
        <section className="gz-step">
          <h2>
            <label htmlFor="gz-topic-description">{t('topics.fields.description')}</label>
          </h2>
          <TextArea
            id="gz-topic-description"
            value={description}
            onChange={setDescription}
            rows={6}
            autoSize={{ minRows: 5, maxRows: 12 }}
            maxLength={4000}
            showCount
            placeholder={t('topics.fields.descriptionPlaceholder')}
          />
        </section>
        <div className="resident-actions">
          <FormError text={error} />
          <Button block type="submit" color="primary" size="large" loading={busy} disabled={busy}>
            {t('topics.create.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

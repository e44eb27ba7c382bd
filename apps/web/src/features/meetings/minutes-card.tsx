import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { meetingsApi, type Detail } from './meetings-api.js';

/** The recorder's summary and decisions; they go into the minutes PDF with the attendance and votes. */
export function MinutesCard({ meeting, onSaved }: { meeting: Detail; onSaved: (d: Detail) => void }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(meeting.minutesSummary ?? '');
  const [decisions, setDecisions] = useState(meeting.minutesDecisions ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const writable = meeting.status === 'in_session' || meeting.status === 'closed';
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await meetingsApi.minutes(meeting.id, { summary, decisions }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form layout="vertical" style={{ maxWidth: 800 }}>
      <Form.Item label={t('meetings.minutes.summary')}>
        <Input.TextArea value={summary} onChange={(e) => setSummary(e.target.value)} autoSize={{ minRows: 4 }} maxLength={20000} disabled={!writable} />
      </Form.Item>
      <Form.Item label={t('meetings.minutes.decisions')}>
        <Input.TextArea value={decisions} onChange={(e) => setDecisions(e.target.value)} autoSize={{ minRows: 3 }} maxLength={20000} disabled={!writable} />
      </Form.Item>
      {error !== null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />}
      <Button type="primary" onClick={() => void save()} loading={saving} disabled={!writable}>
        {t('meetings.minutes.save')}
      </Button>
    </Form>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopicDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { topicsApi } from './topics-api.js';

const writable = ['decided', 'implementing', 'rejected'];

/** The report-back: staff write a draft and publish it; once published it is what residents read. */
export function TopicReportCard({ topic, onSaved }: { topic: TopicDetail; onSaved: (t: TopicDetail) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(topic.reportBack ?? '');
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const editing = topic.can.manage && writable.includes(topic.status);
  if (!editing && !topic.reportBack) return null;

  const save = async (publish: boolean) => {
    setBusy(publish ? 'publish' : 'save');
    setError(null);
    try {
      onSaved(await topicsApi.reportBack(topic.id, text.trim(), publish));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      size="small"
      title={t('topics.report.title')}
      extra={
        topic.reportBackPublishedAt ? (
          <Tag color="green">{t('topics.report.published', { date: formatDateTime(topic.reportBackPublishedAt) })}</Tag>
        ) : topic.reportBack ? (
          <Tag>{t('topics.detail.draft')}</Tag>
        ) : null
      }
    >
      {editing ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
          <Input.TextArea aria-label={t('topics.report.title')} rows={6} maxLength={8000} showCount placeholder={t('topics.report.placeholder')} value={text} onChange={(e) => setText(e.target.value)} />
          <Space>
            <Button loading={busy === 'save'} disabled={text.trim().length < 10} onClick={() => void save(false)}>
              {t('topics.report.save')}
            </Button>
            <Button type="primary" loading={busy === 'publish'} disabled={text.trim().length < 10} onClick={() => void save(true)}>
              {t('topics.report.publish')}
            </Button>
          </Space>
        </Space>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{topic.reportBack}</Typography.Paragraph>
      )}
    </Card>
  );
}

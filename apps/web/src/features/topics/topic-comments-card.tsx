import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { topicSideLabels, topicSides, type TopicComment, type TopicDetail, type TopicSide } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { SideChart } from './topic-bits.js';
import { topicsApi } from './topics-api.js';

const PAGE = 20;
type Filter = TopicSide | 'question' | 'all';
const sideColour: Record<TopicSide, string> = { support: 'green', oppose: 'red', neutral: 'default' };

/** A question with its public answer, or a box to answer it (staff of the community). */
function Answer({ topicId, c, canAnswer, onAnswered }: { topicId: string; c: TopicComment; canAnswer: boolean; onAnswered: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  if (c.answer)
    return (
      <Typography.Paragraph style={{ background: '#f6ffed', padding: 8, marginTop: 6, whiteSpace: 'pre-wrap' }}>
        <Typography.Text strong>{t('topics.comments.answered')}：</Typography.Text>
        {c.answer}
      </Typography.Paragraph>
    );
  if (!canAnswer) return null;
  const save = async () => {
    setBusy(true);
    try {
      await topicsApi.answer(topicId, c.id, text.trim());
      setText('');
      onAnswered();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%', marginTop: 6 }}>
      <Input aria-label={t('topics.comments.answer')} placeholder={t('topics.comments.answerPlaceholder')} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void save()}>
        {t('topics.comments.answerSave')}
      </Button>
    </Space.Compact>
  );
}

/** Comments with their sides, the counts as a bar chart, and staff answers to questions. */
export function TopicCommentsCard({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const q = {
    side: filter === 'all' || filter === 'question' ? undefined : filter,
    kind: filter === 'question' ? ('question' as const) : undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useLoaded(JSON.stringify(q), (signal) => topicsApi.comments(topic.id, q, signal));
  const counts = list.data?.counts ?? topic.counts;

  return (
    <Card size="small" title={t('topics.comments.title')} extra={t('topics.comments.countsLine', counts)}>
      <SideChart counts={counts} />
      <Segmented<Filter>
        aria-label={t('topics.comments.title')}
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={[
          { value: 'all' as const, label: t('topics.comments.all') },
          ...topicSides.map((s) => ({ value: s, label: label(topicSideLabels[s]) })),
          { value: 'question' as const, label: t('topics.comments.questions') },
        ]}
        style={{ margin: '8px 0' }}
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <List<TopicComment>
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('topics.comments.empty')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, size: 'small' }}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <div style={{ width: '100%' }}>
              <Space wrap size={6}>
                {c.side ? <Tag color={sideColour[c.side]}>{label(topicSideLabels[c.side])}</Tag> : <Tag color="blue">{t('topics.comments.question')}</Tag>}
                <Typography.Text strong>{c.authorName}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{c.text}</Typography.Paragraph>
              {c.kind === 'question' && <Answer topicId={topic.id} c={c} canAnswer={topic.can.manage} onAnswered={list.reload} />}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Card, Empty, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deliberationManagerRoles, topicStatusLabels, topicStatuses, type TopicStatus, type TopicSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { TopicStatusTag } from './topic-bits.js';
import { formatDateTime } from '../../i18n/format.js';
import { topicsApi, type TopicQuery } from './topics-api.js';

const PAGE = 20;
type StatusFilter = TopicStatus | 'all';

/** 议事议题 (`/console/deliberation/topics`): every topic of the community, newest first, by status. */
export default function TopicsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query: TopicQuery = { status: status === 'all' ? undefined : status, q: q || undefined, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<TopicSummary>(JSON.stringify(query), (signal) => topicsApi.list(query, signal));

  return (
    <Card
      title={t('topics.list.pageTitle')}
      extra={
        hasRole(me, deliberationManagerRoles) && (
          <LinkButton to="/console/deliberation/topics/new" type="primary" icon={<PlusOutlined />}>
            {t('topics.list.create')}
          </LinkButton>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<StatusFilter>
            aria-label={t('topics.fields.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[{ value: 'all' as const, label: t('topics.list.allStatuses') }, ...topicStatuses.map((s) => ({ value: s, label: label(topicStatusLabels[s]) }))]}
          />
          <Input.Search
            allowClear
            aria-label={t('topics.list.search')}
            placeholder={t('topics.list.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 220 }}
          />
        </Space>
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <Table<TopicSummary>
          rowKey="id"
          size="middle"
          aria-label={t('topics.list.table')}
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: <Empty description={t('topics.list.empty')} /> }}
          pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'proposedAt', title: t('topics.list.proposedAt'), width: 150, render: (_: unknown, r) => formatDateTime(r.proposedAt) },
            {
              key: 'title',
              title: t('topics.fields.title'),
              render: (_: unknown, r) => (
                <Space wrap size={4}>
                  <Link to={`/console/deliberation/topics/${r.id}`}>{r.title}</Link>
                  {r.overdueTasks > 0 && <Tag color="red">{t('topics.list.overdue', { count: r.overdueTasks })}</Tag>}
                </Space>
              ),
            },
            { key: 'status', title: t('topics.fields.status'), width: 110, render: (_: unknown, r) => <TopicStatusTag status={r.status} /> },
            { key: 'proposer', title: t('topics.list.proposer'), width: 120, responsive: ['md'], dataIndex: 'proposerName' },
            { key: 'place', title: t('topics.list.place'), responsive: ['lg'], render: (_: unknown, r) => r.placeLabel ?? r.communityName },
            {
              key: 'counts',
              title: t('topics.list.counts'),
              width: 130,
              responsive: ['sm'],
              render: (_: unknown, r) => (
                <Typography.Text>
                  <span style={{ color: '#389e0d' }}>{r.counts.support}</span> / <span style={{ color: '#cf1322' }}>{r.counts.oppose}</span> / {r.counts.neutral}
                </Typography.Text>
              ),
            },
            { key: 'requests', title: t('topics.list.requests'), width: 90, align: 'right', responsive: ['lg'], dataIndex: 'requestCount' },
          ]}
        />
      </Space>
    </Card>
  );
}

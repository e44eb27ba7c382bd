import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { reviewManagerRoles, type ReviewRoundSummary } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useSession } from '../session/session-context.js';
import { ReviewStatusTag } from './review-bits.js';
import { RoundForm } from './round-form.js';
import { reviewsApi } from './reviews-api.js';

/** 民主评议 (`/console/reviews`): the rounds of my communities, newest first, and a new one. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useLoaded('reviews', (signal) => reviewsApi.list({}, signal));
  const manager = hasRole(me, reviewManagerRoles);

  return (
    <Card
      title={t('reviews.list.pageTitle')}
      extra={
        manager &&
        !creating && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('reviews.list.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {creating && (
          <Card size="small" title={t('reviews.list.create')}>
            <RoundForm
              save={reviewsApi.create}
              onCancel={() => setCreating(false)}
              onSaved={(r) => {
                message.success(t('reviews.form.created'));
                navigate(`/console/reviews/${r.id}`);
              }}
            />
          </Card>
        )}
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <Table<ReviewRoundSummary>
          rowKey="id"
          size="middle"
          aria-label={t('reviews.list.table')}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('reviews.list.empty')} /> }}
          columns={[
            { key: 'period', title: t('reviews.list.period'), width: 120, dataIndex: 'period' },
            { key: 'title', title: t('reviews.list.title'), render: (_: unknown, r) => <Link to={`/console/reviews/${r.id}`}>{r.title}</Link> },
            { key: 'community', title: t('reviews.list.community'), width: 140, responsive: ['md'], dataIndex: 'communityName' },
            { key: 'status', title: t('reviews.list.status'), width: 100, render: (_: unknown, r) => <ReviewStatusTag status={r.status} /> },
            { key: 'turnout', title: t('reviews.list.turnout'), width: 130, align: 'right', render: (_: unknown, r) => `${r.turnout.returned} / ${r.turnout.representatives}` },
            { key: 'dates', title: t('reviews.list.dates'), width: 300, responsive: ['lg'], render: (_: unknown, r) => `${formatDateTime(r.opensAt)} – ${formatDateTime(r.closesAt)}` },
          ]}
        />
      </Space>
    </Card>
  );
}

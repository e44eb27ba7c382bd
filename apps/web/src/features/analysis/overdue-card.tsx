import { useState } from 'react';
import { Alert, Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OverdueItem } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useSpanText } from '../requests/request-bits.js';
import { analysisApi } from './analysis-api.js';

const PAGE = 10;

/** Requests past their reply deadline now, most overdue first, each linking to its page (keyed by place, so a new place starts at page 1). */
export function OverdueCard({ placeId }: { placeId?: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const span = useSpanText();
  const [page, setPage] = useState(1);
  // The list is "overdue now": the period does not narrow it, only the place does.
  const query = { placeId, limit: PAGE, offset: (page - 1) * PAGE };
  const list = useLoaded(JSON.stringify({ ...query, lang: i18n.language }), (signal) => analysisApi.overdue(query, signal));
  return (
    <Card size="small" title={t('analysis.overdue.title', { count: list.data?.total ?? 0 })}>
      <Typography.Paragraph type="secondary">{t('analysis.definitions.overdue')}</Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<OverdueItem>
        size="small"
        rowKey="id"
        aria-label={t('analysis.overdue.table')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analysis.overdue.none')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number',
            title: t('analysis.overdue.number'),
            width: 150,
            render: (_: unknown, r) => (
              <Link to={`/console/requests/${r.id}`} className="gz-mono">
                {r.number}
              </Link>
            ),
          },
          { key: 'title', title: t('analysis.overdue.requestTitle'), dataIndex: 'title', ellipsis: true },
          { key: 'category', title: t('analysis.overdue.category'), width: 110, render: (_: unknown, r) => (r.category ? (english ? r.category.nameEn : r.category.nameZh) : '—') },
          { key: 'handler', title: t('analysis.overdue.handler'), width: 110, render: (_: unknown, r) => r.handlerName ?? t('analysis.overdue.undispatched') },
          {
            key: 'late',
            title: t('analysis.overdue.late'),
            width: 120,
            render: (_: unknown, r) => <Typography.Text type="danger">{span(r.overdueMinutes * 60_000)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Card, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { shortDateTime } from './visit-bits.js';
import { coverageApi, type UnvisitedPage } from './visits-api.js';

type Row = UnvisitedPage['items'][number];
const PAGE = 20;

/** Households of one grid that nobody visited in the last N months, with their last visit (or never). */
export function UnvisitedList({ gridId, gridName, months }: { gridId: string; gridName: string; months: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = { gridId, months, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<Row>(JSON.stringify(query), (signal) => coverageApi.unvisited(query, signal));
  return (
    <Card size="small" title={t('visits.coverage.unvisitedTitle', { grid: gridName, months, count: list.total })}>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<Row>
        rowKey="householdId"
        size="small"
        aria-label={t('visits.coverage.unvisitedTable')}
        loading={list.loading}
        scroll={{ x: 560 }}
        dataSource={list.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.coverage.allVisited')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('visits.coverage.householder'), width: 120, render: (_: unknown, r) => r.householderName ?? '—' },
          { key: 'place', title: t('visits.fields.where'), render: (_: unknown, r) => <Link to={`/console/households/${r.householdId}`}>{r.placeLabel}</Link> },
          {
            key: 'last',
            title: t('visits.coverage.lastVisit'),
            width: 160,
            render: (_: unknown, r) => (r.lastVisitedAt ? shortDateTime(r.lastVisitedAt) : <Tag color="orange">{t('visits.coverage.never')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}

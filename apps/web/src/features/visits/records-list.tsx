import { useState } from 'react';
import { Alert, DatePicker, Empty, Space, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VisitSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { PlacePicker } from '../places/place-picker.js';
import { shortDateTime } from './visit-bits.js';
import { visitsApi, type VisitQuery } from './visits-api.js';

const PAGE = 20;

/** Where a visit was: the householder or organisation, then the address (the community's name for the community itself). */
export function whereText(v: Pick<VisitSummary, 'householderName' | 'organisationName' | 'placeLabel'>): string {
  return [v.organisationName ?? v.householderName, v.placeLabel].filter(Boolean).join(' · ');
}

/** Visit records, latest first: by place, by date, or only mine. */
export function RecordsList({ mineFirst }: { mineFirst: boolean }) {
  const { t } = useTranslation();
  const [placeId, setPlaceId] = useState<string>();
  const [mine, setMine] = useState(mineFirst);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const query: VisitQuery = {
    placeId,
    mine: mine ? 'true' : undefined,
    from: range ? range[0].startOf('day').toISOString() : undefined,
    to: range ? range[1].endOf('day').toISOString() : undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = usePaged<VisitSummary>(JSON.stringify(query), (signal) => visitsApi.list(query, signal));
  const again = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="middle">
        <div style={{ minWidth: 220 }}>
          <PlacePicker
            kinds={['community', 'grid', 'estate', 'building', 'entrance', 'dwelling']}
            value={placeId}
            onChange={again(setPlaceId)}
            aria-label={t('visits.records.place')}
            placeholder={t('visits.records.placeAll')}
          />
        </div>
        <DatePicker.RangePicker aria-label={t('visits.records.range')} value={range} onChange={(r) => again(setRange)(r?.[0] && r[1] ? [r[0], r[1]] : null)} />
        <label>
          <Space>
            <Switch size="small" checked={mine} onChange={again(setMine)} />
            {t('visits.records.mine')}
          </Space>
        </label>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<VisitSummary>
        rowKey="id"
        size="middle"
        aria-label={t('visits.records.table')}
        loading={list.loading}
        dataSource={list.items}
        locale={{ emptyText: <Empty description={t('visits.records.empty')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          {
            key: 'when',
            title: t('visits.fields.visitedAt'),
            width: 150,
            render: (_: unknown, v) => <Link to={`/console/visits/${v.id}`}>{shortDateTime(v.visitedAt)}</Link>,
          },
          { key: 'where', title: t('visits.fields.where'), render: (_: unknown, v) => whereText(v) },
          { key: 'visitor', title: t('visits.fields.visitor'), width: 100, dataIndex: 'visitorName', responsive: ['md'] },
          { key: 'plan', title: t('visits.fields.plan'), width: 160, responsive: ['lg'], render: (_: unknown, v) => v.planTitle ?? '—' },
          {
            key: 'items',
            title: t('visits.fields.items'),
            width: 110,
            responsive: ['sm'],
            render: (_: unknown, v) => (
              <Typography.Text type={v.itemCount > v.convertedCount ? 'warning' : 'secondary'}>
                {t('visits.records.itemCount', { count: v.itemCount, converted: v.convertedCount })}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}

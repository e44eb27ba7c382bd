import { useState } from 'react';
import { Alert, Empty, Segmented, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { visitPlanStatuses, visitPlanTargetKindLabels, type VisitPlanStatus, type VisitPlanSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { PlanProgress, PlanStatusTag } from './visit-bits.js';
import { visitsApi } from './visits-api.js';

const PAGE = 20;
type StatusFilter = VisitPlanStatus | 'all';

/** Visiting plans, newest first, with progress; filter by status and "assigned to me". */
export function PlansList() {
  const { t } = useTranslation();
  const label = useLabel();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const query = { status: status === 'all' ? undefined : status, mine: mine ? ('true' as const) : undefined, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<VisitPlanSummary>(JSON.stringify(query), (signal) => visitsApi.plans(query, signal));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="middle">
        <Segmented<StatusFilter>
          aria-label={t('visits.plans.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[...visitPlanStatuses, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('visits.plans.all') : t(`visits.plans.statuses.${s}`) }))}
        />
        <label>
          <Space>
            <Switch
              size="small"
              checked={mine}
              onChange={(v) => {
                setMine(v);
                setPage(1);
              }}
            />
            {t('visits.plans.mine')}
          </Space>
        </label>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<VisitPlanSummary>
        rowKey="id"
        size="middle"
        aria-label={t('visits.plans.table')}
        loading={list.loading}
        dataSource={list.items}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={t('visits.plans.empty')} /> }}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'title', title: t('visits.plans.title'), render: (_: unknown, p) => <Link to={`/console/visits/plans/${p.id}`}>{p.title}</Link> },
          { key: 'kind', title: t('visits.plans.targetKind'), width: 110, render: (_: unknown, p) => label(visitPlanTargetKindLabels[p.targetKind]) },
          {
            key: 'period',
            title: t('visits.plans.period'),
            width: 200,
            render: (_: unknown, p) => (
              <Typography.Text className="gz-nowrap">
                {p.startsOn} ~ {p.endsOn}
              </Typography.Text>
            ),
          },
          { key: 'assignee', title: t('visits.plans.assignee'), width: 110, render: (_: unknown, p) => p.assigneeName ?? '—' },
          { key: 'progress', title: t('visits.plans.progress'), width: 180, render: (_: unknown, p) => <PlanProgress visited={p.visitedCount} total={p.targetCount} /> },
          { key: 'status', title: t('visits.plans.status'), width: 90, render: (_: unknown, p) => <PlanStatusTag status={p.status} /> },
        ]}
      />
    </Space>
  );
}

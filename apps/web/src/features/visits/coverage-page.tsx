import { Alert, Card, Col, Empty, Progress, Row, Segmented, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { GridCoverage } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { PlacePicker } from '../places/place-picker.js';
import { CoverageChart } from './coverage-chart.js';
import { UnvisitedList } from './unvisited-list.js';
import { coverageApi } from './visits-api.js';

const monthChoices = [3, 6, 12] as const;

/** 走访覆盖 (`/console/visits/coverage`): per grid, the share of households visited lately, and who was missed. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const m = Number(params.get('months'));
  const months = (monthChoices as readonly number[]).includes(m) ? m : 6;
  const placeId = params.get('placeId') || undefined;
  const query = { months, placeId };
  const coverage = useLoaded(JSON.stringify(query), (signal) => coverageApi.grids(query, signal));
  const grids = coverage.data?.grids ?? [];
  const chosenId = params.get('gridId') ?? (grids.length === 1 ? grids[0]!.gridId : undefined);
  const chosen = grids.find((g) => g.gridId === chosenId);
  const several = new Set(grids.map((g) => g.communityId)).size > 1;

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={<Typography.Title level={3} style={{ margin: 0 }}>{t('visits.coverage.title')}</Typography.Title>}
        extra={<LinkButton to="/console/visits">{t('visits.plans.back')}</LinkButton>}
      >
        <Space wrap size="middle">
          <Segmented<number>
            aria-label={t('visits.coverage.months')}
            value={months}
            onChange={(v) => setParam('months', String(v))}
            options={monthChoices.map((n) => ({ value: n, label: t('visits.coverage.lastMonths', { count: n }) }))}
          />
          <div style={{ minWidth: 220 }}>
            <PlacePicker
              kinds={['community', 'grid']}
              value={placeId}
              onChange={(id) => setParam('placeId', id)}
              aria-label={t('visits.coverage.place')}
              placeholder={t('visits.coverage.placeAll')}
            />
          </div>
        </Space>
        {coverage.data && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('visits.coverage.definition', { months, since: coverage.data.since.slice(0, 10) })}
          </Typography.Paragraph>
        )}
      </Card>
      {coverage.error ? <Alert type="error" showIcon title={errorText(coverage.error)} /> : null}
      {!coverage.data ? (
        coverage.error ? null : <Spin />
      ) : grids.length === 0 ? (
        <Card>
          <Empty description={t('visits.coverage.noGrids')} />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('visits.coverage.households')} value={coverage.data.total.households} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('visits.coverage.visited')} value={coverage.data.total.visited} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('visits.coverage.percentage')} value={coverage.data.total.percentage} suffix="%" precision={1} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('visits.coverage.chart')}>
            <CoverageChart grids={grids} onPick={(id) => setParam('gridId', id)} />
          </Card>
          <Card size="small" title={t('visits.coverage.byGrid')}>
            <Table<GridCoverage>
              rowKey="gridId"
              size="small"
              aria-label={t('visits.coverage.byGrid')}
              dataSource={grids}
              pagination={false}
              scroll={{ x: 520 }}
              rowClassName={(g) => (g.gridId === chosenId ? 'ant-table-row-selected' : '')}
              onRow={(g) => ({ onClick: () => setParam('gridId', g.gridId), style: { cursor: 'pointer' } })}
              columns={[
                { key: 'grid', title: t('visits.coverage.grid'), render: (_: unknown, g) => (several ? `${g.communityName} · ${g.gridName}` : g.gridName) },
                { key: 'households', title: t('visits.coverage.households'), dataIndex: 'households', align: 'right', width: 90 },
                { key: 'visited', title: t('visits.coverage.visited'), dataIndex: 'visited', align: 'right', width: 90 },
                {
                  key: 'pct',
                  title: t('visits.coverage.percentage'),
                  width: 180,
                  render: (_: unknown, g) => <Progress percent={g.percentage} size="small" format={(p) => `${(p ?? 0).toFixed(1)}%`} />,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('visits.coverage.pickHint')}
            </Typography.Paragraph>
          </Card>
          {chosen && <UnvisitedList key={`${chosen.gridId}-${months}`} gridId={chosen.gridId} gridName={chosen.gridName} months={months} />}
        </>
      )}
    </Space>
  );
}

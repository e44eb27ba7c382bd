import { useState } from 'react';
import { Alert, Card, Empty, Segmented, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RateDimension, RatesByView, RateView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { analysisApi, type AnalysisScope } from './analysis-api.js';
import { percent } from './rate-text.js';

type Row = RatesByView['rows'][number];

/** The three rates broken down by grid, handler, category or month (and community, for a subdistrict). */
export function RatesCard({ scope, wide }: { scope: AnalysisScope; wide: boolean }) {
  const { t, i18n } = useTranslation();
  const dimensions: RateDimension[] = wide ? ['community', 'grid', 'handler', 'category', 'month'] : ['grid', 'handler', 'category', 'month'];
  const [by, setBy] = useState<RateDimension>(dimensions[0]!);
  const query = { ...scope, by };
  const rates = useLoaded(JSON.stringify({ ...query, lang: i18n.language }), (signal) => analysisApi.rates(query, signal));

  const rateColumn = (key: 'response' | 'resolution' | 'satisfaction') => ({
    key,
    title: <Tooltip title={t(`analysis.definitions.${key}`)}>{t(`analysis.figures.${key}`)}</Tooltip>,
    align: 'right' as const,
    width: 110,
    sorter: (a: Row, b: Row) => (a.rates[key].rate ?? -1) - (b.rates[key].rate ?? -1),
    render: (_: unknown, r: Row) => {
      const v: RateView = r.rates[key];
      return <Tooltip title={t('analysis.figures.ratio', { numerator: v.numerator, denominator: v.denominator })}>{percent(v)}</Tooltip>;
    },
  });

  return (
    <Card
      size="small"
      title={t('analysis.rates.title')}
      extra={
        <Segmented<RateDimension>
          size="small"
          aria-label={t('analysis.rates.by')}
          value={by}
          onChange={setBy}
          options={dimensions.map((d) => ({ value: d, label: t(`analysis.rates.dimensions.${d}`) }))}
        />
      }
    >
      {rates.error ? <Alert type="error" showIcon title={errorText(rates.error)} /> : null}
      <Table<Row>
        size="small"
        rowKey={(r) => r.key ?? `none-${r.name}`}
        aria-label={t('analysis.rates.title')}
        loading={rates.loading}
        dataSource={rates.data?.by === by ? rates.data.rows : []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analysis.empty')} /> }}
        columns={[
          { key: 'name', title: t(`analysis.rates.dimensions.${by}`), dataIndex: 'name', render: (v: string) => v || t('analysis.rates.unassigned') },
          { key: 'received', title: t('analysis.figures.received'), dataIndex: 'received', align: 'right', width: 90, sorter: (a, b) => a.received - b.received },
          { key: 'closed', title: t('analysis.figures.closed'), dataIndex: 'closed', align: 'right', width: 90, sorter: (a, b) => a.closed - b.closed },
          rateColumn('response'),
          rateColumn('resolution'),
          rateColumn('satisfaction'),
        ]}
      />
    </Card>
  );
}

import { useMemo } from 'react';
import { Col, Row, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { requestChannelLabels, timeGranularities, type AnalysisSummary, type TimeGranularity } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import { ChartCard } from './chart-card.js';
import { baseChart, chartColors, shortName } from './chart-theme.js';
import { EChart } from './echart.js';

interface Props {
  summary: AnalysisSummary;
  onGranularity: (g: TimeGranularity) => void;
  /** Open the request queue with these filters (category or place). */
  onDrill: (filter: { categoryId?: string; placeId?: string }) => void;
}

/** Volume over time (line), by category (bar), by channel (pie) and by grid (bar). */
export function VolumeCharts({ summary, onGranularity, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const english = i18n.language === 'en-US';
  const received = t('analysis.figures.received');

  const time = useMemo(() => {
    const { buckets, granularity } = summary.byTime;
    const x = buckets.map((b) => (granularity === 'month' ? b.start.slice(0, 7) : b.start.slice(5)));
    return {
      ...baseChart,
      xAxis: { type: 'category', data: x, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: received, data: buckets.map((b) => b.count), smooth: true, areaStyle: { opacity: 0.12 }, symbolSize: 5 }],
    };
  }, [summary.byTime, received]);

  const categories = useMemo(() => {
    // Largest at the top of a horizontal bar chart: the axis runs bottom-up.
    const rows = [...summary.byCategory].reverse();
    const names = rows.map((c) => (english ? c.nameEn : c.nameZh) || t('analysis.uncategorised'));
    const option = {
      ...baseChart,
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, axisLabel: { formatter: (v: string) => shortName(v, english ? 16 : 8) } },
      series: [{ type: 'bar', name: received, data: rows.map((c) => c.count), barMaxWidth: 18, cursor: 'pointer' }],
    };
    return { option, ids: rows.map((c) => c.id) };
  }, [summary.byCategory, english, received, t]);

  const channels = useMemo(
    () => ({
      color: chartColors,
      tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '66%'],
          center: ['50%', '44%'],
          label: { show: false },
          data: summary.byChannel.map((c) => ({ name: label(requestChannelLabels[c.channel]), value: c.count })),
        },
      ],
    }),
    [summary.byChannel, label],
  );

  const grids = useMemo(() => {
    const rows = summary.byGrid;
    return {
      ...baseChart,
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: rows.map((g) => g.name || t('analysis.noGrid')), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: received, data: rows.map((g) => g.count), barMaxWidth: 32, cursor: 'pointer' }],
    };
  }, [summary.byGrid, received, t]);

  const none = summary.totals.received === 0;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('analysis.charts.time')}
          empty={none}
          extra={
            <Segmented<TimeGranularity>
              size="small"
              aria-label={t('analysis.charts.granularity')}
              value={summary.byTime.granularity}
              onChange={onGranularity}
              options={timeGranularities.map((g) => ({ value: g, label: t(`analysis.granularity.${g}`) }))}
            />
          }
        >
          <EChart option={time} label={t('analysis.charts.time')} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('analysis.charts.category')} empty={summary.byCategory.length === 0}>
          <EChart
            option={categories.option}
            label={t('analysis.charts.category')}
            height={Math.max(220, categories.ids.length * 28 + 40)}
            onClick={(i) => {
              const id = categories.ids[i];
              if (id) onDrill({ categoryId: id });
            }}
          />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('analysis.charts.channel')} empty={summary.byChannel.length === 0}>
          <EChart option={channels} label={t('analysis.charts.channel')} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={t('analysis.charts.grid')} empty={summary.byGrid.length === 0}>
          <EChart
            option={grids}
            label={t('analysis.charts.grid')}
            onClick={(i) => {
              const id = summary.byGrid[i]?.id;
              if (id) onDrill({ placeId: id });
            }}
          />
        </ChartCard>
      </Col>
    </Row>
  );
}

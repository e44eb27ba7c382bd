import { useMemo } from 'react';
import { reviewLevels, type ReviewSubjectResult } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { baseChart, shortName } from '../analysis/chart-theme.js';
import { EChart } from '../analysis/echart.js';
import { levelColour, useLevelLabel } from './review-format.js';

/**
 * Each subject's shares as one stacked bar (green / gold / red), on the console and the portal. The legend uses the
 * members' words; services' levels read the same colours (满意 = 称职 …), which the table beside it spells out.
 */
export function SharesChart({ subjects }: { subjects: ReviewSubjectResult[] }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const rows = useMemo(() => [...subjects].reverse(), [subjects]);
  // The legend's words, joined so the option is rebuilt only when the language changes.
  const names = reviewLevels.map((l) => levelLabel('member', l)).join('|');
  const option = useMemo(
    () => ({
      ...baseChart,
      color: reviewLevels.map((l) => levelColour[l]),
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${(v / 10).toFixed(1)}%` },
      legend: { top: 0 },
      grid: { ...baseChart.grid, top: 32 },
      xAxis: { type: 'value', max: 1000, axisLabel: { formatter: (v: number) => `${v / 10}%` } },
      yAxis: { type: 'category', data: rows.map((s) => shortName(s.name)) },
      series: reviewLevels.map((l, i) => ({ type: 'bar', stack: 'shares', name: names.split('|')[i], data: rows.map((s) => s.shares[l]), barMaxWidth: 22 })),
    }),
    [rows, names],
  );
  return <EChart option={option} label={t('reviews.results.chart')} height={Math.max(160, 48 + rows.length * 34)} />;
}

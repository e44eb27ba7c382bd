import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { baseChart } from '../analysis/chart-theme.js';
import { EChart } from '../analysis/echart.js';

export interface MonthTotals {
  month: string;
  collectedFen: number;
  spentFen: number;
}

/** Collected vs spent per month (yuan), twelve bars pairs; months without a board stay empty. */
export function FeeChart({ months, label }: { months: MonthTotals[]; label: string }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      ...baseChart,
      color: ['#b3261e', '#1677ff'],
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { ...baseChart.grid, top: 32 },
      xAxis: { type: 'category', data: months.map((m) => m.month.slice(2)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('feeBoards.collected'), data: months.map((m) => m.collectedFen / 100), barMaxWidth: 18 },
        { type: 'bar', name: t('feeBoards.spent'), data: months.map((m) => m.spentFen / 100), barMaxWidth: 18 },
      ],
    }),
    [months, t],
  );
  return <EChart option={option} label={label} height={220} />;
}

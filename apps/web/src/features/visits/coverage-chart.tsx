import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridCoverage } from '@gongzhi/shared';
import { baseChart } from '../analysis/chart-theme.js';
import { EChart } from '../analysis/echart.js';

/** Per grid, households visited and not visited, stacked; clicking a grid picks it. */
export function CoverageChart({ grids, onPick }: { grids: GridCoverage[]; onPick: (gridId: string) => void }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      ...baseChart,
      color: ['#52c41a', '#d9d9d9'],
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { ...baseChart.grid, top: 32 },
      xAxis: { type: 'category', data: grids.map((g) => g.gridName), axisLabel: { interval: 0, rotate: grids.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', stack: 'households', name: t('visits.coverage.visited'), data: grids.map((g) => g.visited), barMaxWidth: 40, cursor: 'pointer' },
        { type: 'bar', stack: 'households', name: t('visits.coverage.notVisited'), data: grids.map((g) => g.households - g.visited), barMaxWidth: 40, cursor: 'pointer' },
      ],
    }),
    [grids, t],
  );
  return (
    <EChart
      option={option}
      label={t('visits.coverage.chart')}
      height={300}
      onClick={(i) => {
        const id = grids[i]?.gridId;
        if (id) onPick(id);
      }}
    />
  );
}

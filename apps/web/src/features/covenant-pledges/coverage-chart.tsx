import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageRow } from '@gongzhi/shared';
import { baseChart } from '../analysis/chart-theme.js';
import { EChart } from '../analysis/echart.js';

/** The label of a bar: a building with its estate ("阳光小区 3栋"), or a grid's name. */
export const rowLabel = (r: CoverageRow): string => (r.parentName ? `${r.parentName} ${r.name}` : r.name);

/** Per building or grid, households pledged and not yet, stacked; clicking a bar picks that place. */
export function PledgeCoverageChart({ rows, byLabel, onPick }: { rows: CoverageRow[]; byLabel: string; onPick: (row: CoverageRow) => void }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      ...baseChart,
      color: ['#cf1322', '#d9d9d9'],
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { ...baseChart.grid, top: 32 },
      xAxis: { type: 'category', data: rows.map(rowLabel), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', stack: 'households', name: t('covenantPledges.coverage.pledged'), data: rows.map((r) => r.pledged), barMaxWidth: 40, cursor: 'pointer' },
        { type: 'bar', stack: 'households', name: t('covenantPledges.coverage.notPledged'), data: rows.map((r) => r.households - r.pledged), barMaxWidth: 40, cursor: 'pointer' },
      ],
    }),
    [rows, t],
  );
  return (
    <EChart
      option={option}
      label={t('covenantPledges.coverage.chart', { by: byLabel })}
      height={300}
      onClick={(i) => {
        const r = rows[i];
        if (r) onPick(r);
      }}
    />
  );
}

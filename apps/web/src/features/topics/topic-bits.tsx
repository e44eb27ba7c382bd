import { useMemo } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { topicSideLabels, topicSides, topicStatusLabels, type TopicCounts, type TopicStatus } from '@gongzhi/shared';
import { baseChart } from '../analysis/chart-theme.js';
import { EChart } from '../analysis/echart.js';
import { useLabel } from '../../i18n/labels.js';

const statusColor: Record<TopicStatus, string> = {
  proposed: 'gold',
  declined: 'default',
  on_agenda: 'processing',
  decided: 'cyan',
  rejected: 'red',
  implementing: 'blue',
  reported: 'green',
  closed: 'default',
};

/** 已提出 / 协商中 / 已决定 …, coloured by how far along the topic is. */
export function TopicStatusTag({ status }: { status: TopicStatus }) {
  const label = useLabel();
  return <Tag color={statusColor[status]}>{label(topicStatusLabels[status])}</Tag>;
}

/** Support / oppose / neutral / questions as one horizontal bar each. */
export function SideChart({ counts }: { counts: TopicCounts }) {
  const { t } = useTranslation();
  const label = useLabel();
  const option = useMemo(() => {
    const names = [...topicSides.map((s) => label(topicSideLabels[s])), t('topics.comments.questions')];
    return {
      ...baseChart,
      grid: { ...baseChart.grid, left: 56, top: 8, bottom: 8 },
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: [
            { value: counts.support, itemStyle: { color: '#52c41a' } },
            { value: counts.oppose, itemStyle: { color: '#cf1322' } },
            { value: counts.neutral, itemStyle: { color: '#8c8c8c' } },
            { value: counts.questions, itemStyle: { color: '#1677ff' } },
          ],
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [counts, t, label]);
  return <EChart option={option} label={t('topics.comments.chart')} height={160} />;
}

import type { ReactNode } from 'react';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** A dashboard card that shows its chart, or says there is nothing to chart for the period. */
export function ChartCard({ title, extra, empty, children }: { title: string; extra?: ReactNode; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={extra} className="gz-chart-card">
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analysis.empty')} /> : children}
    </Card>
  );
}

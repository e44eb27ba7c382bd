import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitPlanStatusLabels, type VisitPlanStatus } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

const planStatusColor: Record<VisitPlanStatus, string> = { active: 'processing', done: 'success', cancelled: 'default' };

/** 进行中 / 已完成 / 已取消. */
export function PlanStatusTag({ status }: { status: VisitPlanStatus }) {
  const label = useLabel();
  return <Tag color={planStatusColor[status]}>{label(visitPlanStatusLabels[status])}</Tag>;
}

/** Targets visited of all, as a bar with the counts. */
export function PlanProgress({ visited, total }: { visited: number; total: number }) {
  const { t } = useTranslation();
  const pct = total === 0 ? 0 : Math.round((visited / total) * 100);
  return (
    <div aria-label={t('visits.plans.progressLabel', { visited, total })} style={{ minWidth: 140 }}>
      <Progress percent={pct} size="small" status={pct >= 100 ? 'success' : 'active'} format={() => `${visited}/${total}`} />
    </div>
  );
}

/** A local date-time `YYYY-MM-DD HH:mm` from an ISO moment (visits happen at a time of day that matters). */
export function shortDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

import { useEffect, useState } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  handlingStatuses,
  requestStatusLabels,
  urgencyLabels,
  type Label,
  type RequestStatus,
  type Urgency,
} from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';

const statusColor: Record<RequestStatus, string> = {
  received: 'gold',
  dispatched: 'blue',
  in_progress: 'processing',
  replied: 'cyan',
  rated: 'green',
  closed: 'default',
  returned: 'orange',
  objection: 'magenta',
  merged: 'default',
  withdrawn: 'default',
};
const urgencyColor: Record<Urgency, string> = { emergency: 'red', utility: 'volcano', general: 'default', complex: 'purple' };

/** 已受理 / 已派单 / … in the status's colour. */
export function RequestStatusTag({ status }: { status: RequestStatus }) {
  const label = useLabel();
  return <Tag color={statusColor[status]}>{label(requestStatusLabels[status])}</Tag>;
}

/** 紧急 / 水电气热 / 一般 / 复杂. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const label = useLabel();
  return <Tag color={urgencyColor[urgency]}>{label(urgencyLabels[urgency])}</Tag>;
}

/** The current time, ticking every `ms` so countdowns stay true while a page is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** "3 天 2 小时" / "45 分钟": the span between two instants, two units at most. */
export function useSpanText(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return h > 0 ? t('requests.span.daysHours', { d, h }) : t('requests.span.days', { d });
    if (h > 0) return m > 0 ? t('requests.span.hoursMinutes', { h, m }) : t('requests.span.hours', { h });
    return t('requests.span.minutes', { m });
  };
}

export type DueState = 'done' | 'overdue' | 'soon' | 'ok';

/** Where a deadline stands: only handling states can be overdue; `soonMinutes` before it is "due soon". */
export function dueState(status: RequestStatus, dueAt: string, now: number, soonMinutes: number): DueState {
  if (!handlingStatuses.includes(status)) return 'done';
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left <= soonMinutes * 60_000 ? 'soon' : 'ok';
}

/** A reply deadline with its countdown: red when overdue, orange when due soon. */
export function DueText({ status, dueAt, soonMinutes, now }: { status: RequestStatus; dueAt: string; soonMinutes: number; now: number }) {
  const { t } = useTranslation();
  const span = useSpanText();
  const state = dueState(status, dueAt, now, soonMinutes);
  const left = new Date(dueAt).getTime() - now;
  const when = formatDateTime(dueAt);
  if (state === 'done') return <Typography.Text type="secondary">{when}</Typography.Text>;
  if (state === 'overdue')
    return (
      <Tooltip title={when}>
        <Typography.Text type="danger" strong className="gz-nowrap">
          <ExclamationCircleOutlined /> {t('requests.due.overdueBy', { span: span(left) })}
        </Typography.Text>
      </Tooltip>
    );
  return (
    <Tooltip title={when}>
      <Typography.Text type={state === 'soon' ? 'warning' : undefined} strong={state === 'soon'} className="gz-nowrap">
        <ClockCircleOutlined /> {t('requests.due.left', { span: span(left) })}
      </Typography.Text>
    </Tooltip>
  );
}

/** A category with its source; a model's guess below the threshold is marked for staff to check. */
export function CategoryText({
  name,
  confidence,
  source,
  lowConfidence,
}: {
  name: Label | null;
  confidence: number | null;
  source: string | null;
  lowConfidence: number;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  if (!name) return <Typography.Text type="secondary">{t('requests.category.none')}</Typography.Text>;
  const low = source === 'model' && confidence !== null && confidence < lowConfidence;
  return (
    <Space size={4} wrap>
      <span>{label(name)}</span>
      {low && (
        <Tooltip title={t('requests.category.lowHint', { confidence: percent(confidence) })}>
          <Tag color="warning" icon={<WarningOutlined />}>
            {t('requests.category.low')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** 0.8734 → "87%". */
export const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);

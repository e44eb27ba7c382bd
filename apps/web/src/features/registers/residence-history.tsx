import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import type { HistoryEntry } from './registers-api.js';

/** Where a person or household lived and when it changed, newest first. */
export function ResidenceHistory({ items }: { items: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.resident.noHistory')} />;
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      items={sorted.map((h) => ({
        key: h.id,
        content: (
          <>
            <Typography.Text strong>{t(`registers.history.${h.event}`)}</Typography.Text>
            {(h.fromPlaceLabel || h.toPlaceLabel) && (
              <div>
                {h.fromPlaceLabel && h.toPlaceLabel
                  ? t('registers.history.fromTo', { from: h.fromPlaceLabel, to: h.toPlaceLabel })
                  : (h.toPlaceLabel ?? h.fromPlaceLabel)}
              </div>
            )}
            {h.onDate && <div>{t('registers.history.on', { date: h.onDate })}</div>}
            {h.note && <div>{h.note}</div>}
            <Typography.Text type="secondary">
              {formatDateTime(h.at)}
              {h.actorName ? ` · ${t('registers.history.by', { name: h.actorName })}` : ''}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

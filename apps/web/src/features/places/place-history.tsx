import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import type { PlaceHistoryEntry } from './places-api.js';

/** Every change to a place, newest first. */
export function PlaceHistory({ items }: { items: PlaceHistoryEntry[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('places.history.empty')} />;
  const text = (h: PlaceHistoryEntry): string => {
    const vars = { from: h.fromValue ?? '', to: h.toValue ?? '' };
    if (h.change === 'retired' && h.toValue) return t('places.history.retiredWithReason', vars);
    return t(`places.history.${h.change}`, vars);
  };
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      items={sorted.map((h) => ({
        key: h.id,
        content: (
          <>
            <div>{text(h)}</div>
            <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
          </>
        ),
      }))}
    />
  );
}

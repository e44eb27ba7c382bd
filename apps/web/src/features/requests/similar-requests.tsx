import { useEffect, useState } from 'react';
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SimilarRequest } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import { percent, RequestStatusTag } from './request-bits.js';
import { requestsApi } from './requests-api.js';

interface Props {
  text: string;
  placeId?: string;
  excludeId?: string;
  /** Open an existing request instead of entering a new one. */
  onOpen: (id: string) => void;
}

const MIN_CHARS = 5;

/** Similar open requests while the text is typed (after a pause); near-duplicates come with a warning. */
export function SimilarRequests({ text, placeId, excludeId, onOpen }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [items, setItems] = useState<SimilarRequest[]>([]);
  const trimmed = text.trim();

  useEffect(() => {
    if (trimmed.length < MIN_CHARS) return setItems([]);
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      requestsApi.similar({ text: trimmed, placeId, excludeId, limit: 5 }, ctl.signal).then(
        (r) => !ctl.signal.aborted && setItems(r.items),
        () => undefined,
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [trimmed, placeId, excludeId]);

  if (items.length === 0) return null;
  const duplicate = items.find((i) => i.duplicate);
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} role="region" aria-label={t('requests.similar.title')}>
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          title={t('requests.similar.duplicate', { number: duplicate.number })}
          description={t('requests.similar.duplicateHint')}
          action={
            <Button size="small" onClick={() => onOpen(duplicate.id)}>
              {t('requests.similar.openExisting')}
            </Button>
          }
        />
      )}
      <List<SimilarRequest>
        size="small"
        bordered
        header={<Typography.Text strong>{t('requests.similar.title')}</Typography.Text>}
        dataSource={items}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button key="open" type="link" size="small" onClick={() => onOpen(s.id)}>
                {t('requests.similar.open')}
              </Button>,
            ]}
          >
            <Space wrap size={4}>
              <Typography.Text className="gz-mono">{s.number}</Typography.Text>
              <RequestStatusTag status={s.status} />
              <span>{s.title}</span>
              {s.placeName && <Typography.Text type="secondary">{s.placeName}</Typography.Text>}
              {s.categoryName && <Tag>{label(s.categoryName)}</Tag>}
              <Typography.Text type="secondary">{t('requests.similar.score', { score: percent(s.score) })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

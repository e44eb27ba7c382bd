import { Breadcrumb, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { placeKinds, type Me } from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { countSummary, type CountedKind } from './count-summary.js';
import { PlaceActions } from './place-actions.js';
import { PlaceHistory } from './place-history.js';
import { ancestorsInScope, canManagePlaces, placeRights } from './place-permissions.js';
import type { PlaceDetail as Detail, PlaceHistoryEntry } from './places-api.js';

interface Props {
  detail: Detail;
  history: PlaceHistoryEntry[];
  me: Me | null;
  onChanged: (nextId: string) => void;
}

/** One place: where it sits, what is below it, what happened to it, and what the user may do with it. */
export function PlaceDetail({ detail, history, me, onChanged }: Props) {
  const { t } = useTranslation();
  const { place, ancestors, children, counts } = detail;
  const ancestorIds = ancestors.map((a) => a.id);
  const rights = placeRights(me, place, ancestorIds);
  const linkable = ancestorsInScope(me, ancestorIds);
  const belowKinds = placeKinds.slice(placeKinds.indexOf(place.kind) + 1) as CountedKind[];
  const summary = countSummary(t, counts, { kinds: belowKinds });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Breadcrumb
          aria-label={t('places.detail.breadcrumb')}
          items={[
            ...ancestors.map((a) => ({
              key: a.id,
              title: linkable.has(a.id) ? <Link to={`/console/places/${a.id}`}>{a.name}</Link> : a.name,
            })),
            { key: place.id, title: place.name },
          ]}
        />
        <Typography.Title level={3} style={{ margin: '12px 0' }}>
          {place.name} {place.retiredAt && <Tag>{t('places.detail.retired')}</Tag>}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'kind', label: t('places.detail.kind'), children: t(`kinds.${place.kind}`) },
            {
              key: 'status',
              label: t('places.detail.status'),
              children: place.retiredAt ? `${t('places.detail.retired')} · ${formatDateTime(place.retiredAt)}` : t('places.detail.active'),
            },
            { key: 'counts', label: t('places.detail.counts'), children: summary || t('places.detail.noCounts'), span: 2 },
            { key: 'created', label: t('places.detail.createdAt'), children: formatDateTime(place.createdAt) },
            { key: 'updated', label: t('places.detail.updatedAt'), children: formatDateTime(place.updatedAt) },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          {canManagePlaces(me) ? (
            <PlaceActions place={place} rights={rights} onChanged={onChanged} />
          ) : (
            <Typography.Text type="secondary">{t('places.readOnly')}</Typography.Text>
          )}
        </div>
      </Card>
      <Card size="small" title={t('places.detail.children')}>
        {children.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.detail.noChildren')} />
        ) : (
          <List
            size="small"
            grid={{ gutter: 8, xs: 2, sm: 3, md: 4 }}
            dataSource={children}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/console/places/${c.id}`}>{c.name}</Link> {c.retiredAt && <Tag>{t('places.detail.retired')}</Tag>}
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('places.history.title')}>
        <PlaceHistory items={history} />
      </Card>
    </Space>
  );
}

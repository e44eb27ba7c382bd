import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { deliberationManagerRoles, type CovenantSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { useSession } from '../session/session-context.js';
import { CovenantCreateDrawer } from './covenant-create-drawer.js';
import { PhaseTag, dayOf } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';
import './covenant.css';

/** 居民公约 (`/console/covenants`): every covenant process of the viewer's communities, newest first. */
export default function CovenantsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [creating, setCreating] = useState(false);
  const [community, setCommunity] = useState<string | undefined>();
  const list = useLoaded('all', (signal) => covenantApi.list(undefined, signal));
  const items = list.data?.items ?? [];
  // A subdistrict admin sees several communities: filter among those the list holds, no extra round trip.
  const communities = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of items) seen.set(c.communityId, c.communityName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [items]);
  const shown = community ? items.filter((c) => c.communityId === community) : items;

  return (
    <Card
      title={t('covenant.title')}
      extra={
        hasRole(me, deliberationManagerRoles) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('covenant.create.open')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('covenant.list.intro')} />
        {communities.length > 1 && (
          <Select
            allowClear
            aria-label={t('covenant.list.community')}
            placeholder={t('covenant.list.allCommunities')}
            value={community}
            onChange={setCommunity}
            options={communities}
            style={{ minWidth: 220 }}
          />
        )}
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <Table<CovenantSummary>
          rowKey="id"
          size="middle"
          aria-label={t('covenant.list.table')}
          loading={list.loading}
          dataSource={shown}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('covenant.list.empty')} /> }}
          columns={[
            { key: 'title', title: t('covenant.list.name'), render: (_: unknown, c) => <Link to={`/console/covenants/${c.id}`}>{c.title}</Link> },
            { key: 'community', title: t('covenant.list.community'), responsive: ['md'], dataIndex: 'communityName' },
            { key: 'phase', title: t('covenant.list.phase'), width: 130, render: (_: unknown, c) => <PhaseTag phase={c.phase} /> },
            { key: 'versions', title: t('covenant.list.versions'), width: 90, align: 'right', dataIndex: 'versionCount' },
            {
              key: 'published',
              title: t('covenant.list.published'),
              width: 130,
              render: (_: unknown, c) => (c.publishedAt ? dayOf(c.publishedAt) : <Tag>{t('covenant.list.notPublished')}</Tag>),
            },
            { key: 'updated', title: t('covenant.list.updated'), width: 120, responsive: ['lg'], render: (_: unknown, c) => dayOf(c.updatedAt) },
          ]}
        />
      </Space>
      <CovenantCreateDrawer
        open={creating}
        onClose={(c) => {
          setCreating(false);
          if (c) {
            message.success(t('covenant.create.created'));
            navigate(`/console/covenants/${c.id}`);
          }
        }}
      />
    </Card>
  );
}

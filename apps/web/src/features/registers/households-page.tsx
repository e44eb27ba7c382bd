import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { HouseholdView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { hasRole, registerManagerRoles } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { PlacePicker } from '../places/place-picker.js';
import { useSession } from '../session/session-context.js';
import { HouseholdCreateModal } from './household-create-modal.js';
import { householdsApi, type HouseholdQuery } from './registers-api.js';

/** Households at their dwellings: find one by the householder's name or by place. */
export default function HouseholdsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const [query, setQuery] = useState<HouseholdQuery>({ status: 'active', limit: 50, offset: 0 });
  const list = usePaged<HouseholdView>(JSON.stringify(query), (signal) => householdsApi.list(query, signal));
  const [creating, setCreating] = useState(false);
  const update = (next: Partial<HouseholdQuery>) => setQuery((q) => ({ ...q, offset: 0, ...next }));

  const columns: TableColumnsType<HouseholdView> = [
    {
      key: 'address',
      title: t('registers.households.columns.address'),
      dataIndex: 'placeLabel',
      render: (v: string, h) => <Link to={`/console/households/${h.id}`}>{v}</Link>,
    },
    {
      key: 'householder',
      title: t('registers.households.columns.householder'),
      render: (_, h) =>
        h.householderId ? <Link to={`/console/residents/${h.householderId}`}>{h.householderName}</Link> : t('registers.households.noHouseholder'),
    },
    { key: 'members', title: t('registers.households.columns.members'), dataIndex: 'memberCount', align: 'right' },
    {
      key: 'status',
      title: t('registers.households.columns.status'),
      dataIndex: 'status',
      render: (s: HouseholdView['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`registers.households.statuses.${s}`)}</Tag>,
    },
    { key: 'movedInOn', title: t('registers.households.columns.movedInOn'), dataIndex: 'movedInOn', render: (v: string | null) => v ?? '—' },
    { key: 'updatedAt', title: t('registers.households.columns.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Card
      title={t('registers.households.title')}
      extra={
        hasRole(me, registerManagerRoles) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('registers.households.add')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('registers.households.search')}
          placeholder={t('registers.households.searchPlaceholder')}
          allowClear
          enterButton={t('actions.search')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 300 }}
        />
        <div style={{ width: 240 }}>
          <PlacePicker
            kinds={['community', 'grid', 'estate', 'building', 'entrance', 'dwelling']}
            value={query.placeId}
            onChange={(placeId) => update({ placeId })}
            aria-label={t('registers.households.place')}
            placeholder={t('registers.households.place')}
          />
        </div>
        <Select<'active' | 'moved_out'>
          aria-label={t('registers.households.status')}
          value={query.status}
          onChange={(status) => update({ status })}
          options={(['active', 'moved_out'] as const).map((s) => ({ value: s, label: t(`registers.households.statuses.${s}`) }))}
          style={{ width: 120 }}
        />
        <Button onClick={() => setQuery({ status: 'active', limit: query.limit, offset: 0 })}>{t('registers.residents.clearFilters')}</Button>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<HouseholdView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={list.loading ? t('states.loading') : t('registers.households.empty')} /> }}
        pagination={{
          current: query.offset / query.limit + 1,
          pageSize: query.limit,
          total: list.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => <Typography.Text type="secondary">{t('registers.households.total', { total })}</Typography.Text>,
          onChange: (page, limit) => setQuery((q) => ({ ...q, limit, offset: (page - 1) * limit })),
        }}
      />
      <HouseholdCreateModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) navigate(`/console/households/${created.id}`);
        }}
      />
    </Card>
  );
}

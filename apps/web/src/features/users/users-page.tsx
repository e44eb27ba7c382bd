import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles as allRoles, type Role, type UserView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { LinkButton } from '../../console/link-button.js';
import { onBehalfRoles, hasRole } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useSession } from '../session/session-context.js';
import { OnBehalfModal } from './on-behalf-modal.js';
import { RoleTags } from './role-tags.js';
import { UserCreateModal } from './user-create-modal.js';
import { UserRolesDrawer } from './user-roles-drawer.js';
import { usersApi } from './users-api.js';
import { useUsers, type UserFilter } from './use-users.js';

const statusColor = { active: 'green', unclaimed: 'gold', disabled: 'default' } as const;

/** Accounts in the user's scope: search, create, roles, disable/enable, activation slips, acting on behalf. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const [filter, setFilter] = useState<UserFilter>({ q: '', role: undefined, page: 1, pageSize: 20 });
  const users = useUsers(filter);
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<UserView | null>(null);
  const [onBehalfOf, setOnBehalfOf] = useState<UserView | null>(null);
  const mayActOnBehalf = hasRole(me, onBehalfRoles);

  const setStatus = async (u: UserView, status: 'active' | 'disabled') => {
    try {
      users.replace(await usersApi.setStatus(u.id, status));
      message.success(t(status === 'disabled' ? 'users.status_actions.disabled' : 'users.status_actions.enabled'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: TableColumnsType<UserView> = [
    { key: 'displayName', title: t('users.columns.displayName'), dataIndex: 'displayName', className: 'gz-nowrap' },
    { key: 'username', title: t('users.columns.username'), dataIndex: 'username', render: (v: string | null) => v ?? '—' },
    { key: 'phone', title: t('users.columns.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    {
      key: 'status',
      title: t('users.columns.status'),
      dataIndex: 'status',
      render: (s: UserView['status']) => <Tag color={statusColor[s]}>{t(`users.status.${s}`)}</Tag>,
    },
    { key: 'roles', title: t('users.columns.roles'), render: (_, u) => <RoleTags roles={u.roles} /> },
    {
      key: 'createdAt',
      title: t('users.columns.createdAt'),
      dataIndex: 'createdAt',
      className: 'gz-nowrap',
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actions',
      title: t('users.columns.actions'),
      render: (_, u) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setRolesOf(u)}>
            {t('users.roles.open')}
          </Button>
          {u.status === 'active' && u.id !== me?.id && (
            <Popconfirm
              title={t('users.status_actions.disableConfirm', { name: u.displayName })}
              okText={t('users.status_actions.disable')}
              cancelText={t('actions.cancel')}
              onConfirm={() => setStatus(u, 'disabled')}
            >
              <Button size="small" danger>
                {t('users.status_actions.disable')}
              </Button>
            </Popconfirm>
          )}
          {u.status === 'disabled' && (
            <Button size="small" onClick={() => setStatus(u, 'active')}>
              {t('users.status_actions.enable')}
            </Button>
          )}
          {u.status === 'unclaimed' && (
            <LinkButton to={`/console/users/${u.id}/claim-slip`} size="small">
              {t('users.slipLink')}
            </LinkButton>
          )}
          {mayActOnBehalf && u.status !== 'disabled' && u.roles.some((r) => r.role === 'resident') && (
            <Button size="small" onClick={() => setOnBehalfOf(u)} disabled={me?.onBehalfOf?.id === u.id}>
              {t('users.onBehalf.open')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create.open')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.filters.search')}
          placeholder={t('users.filters.searchPlaceholder')}
          allowClear
          enterButton={t('actions.search')}
          onSearch={(q) => setFilter((f) => ({ ...f, q, page: 1 }))}
          style={{ width: 320 }}
        />
        <Select<Role | ''>
          aria-label={t('users.filters.role')}
          value={filter.role ?? ''}
          onChange={(r) => setFilter((f) => ({ ...f, role: r || undefined, page: 1 }))}
          options={[{ value: '', label: t('users.filters.allRoles') }, ...allRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          style={{ width: 200 }}
        />
      </Space>
      {users.error ? <Alert type="error" showIcon title={errorText(users.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={users.items}
        loading={users.loading}
        scroll={{ x: 1100 }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.total,
          showSizeChanger: true,
          showTotal: (total) => <Typography.Text type="secondary">{t('users.total', { total })}</Typography.Text>,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
      <UserCreateModal
        me={me}
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) users.reload();
        }}
      />
      <UserRolesDrawer me={me} user={rolesOf} onClose={() => setRolesOf(null)} onChanged={(u) => (setRolesOf(u), users.replace(u))} />
      <OnBehalfModal resident={onBehalfOf} onClose={() => setOnBehalfOf(null)} />
    </Card>
  );
}

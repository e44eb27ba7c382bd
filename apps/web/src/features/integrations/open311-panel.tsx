import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { KeyOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { requestSettingsRoles, type Open311ClientView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDateTime } from '../../i18n/format.js';
import { CommunityField } from '../places/community-field.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { useSession } from '../session/session-context.js';
import { ApiKeyModal } from './api-key-modal.js';
import { open311ClientsApi, type CreatedOpen311Client } from './integrations-api.js';

/** Open311 GeoReport v2 integrations: each other system gets its own key, which can be revoked. */
export function Open311Panel() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { me } = useSession();
  const list = useLoaded('open311ClientsApi', () => open311ClientsApi.list());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedOpen311Client | null>(null);
  const create = useModalForm<{ communityId: string; name: string }, CreatedOpen311Client>(
    (v) => open311ClientsApi.create({ communityId: v.communityId, name: v.name.trim() }),
    (c) => {
      setCreating(false);
      if (c) {
        setCreated(c);
        list.reload();
      }
    },
  );

  const revoke = (c: Open311ClientView) =>
    modal.confirm({
      title: t('integrations.open311.revokeTitle', { name: c.name }),
      content: t('integrations.open311.revokeHint'),
      okText: t('integrations.open311.revoke'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await open311ClientsApi.revoke(c.id);
          message.success(t('integrations.open311.revoked'));
          list.reload();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('integrations.open311.intro', { base: `${window.location.origin}/open311/v2/` })}
      </Typography.Paragraph>
      <div>
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setCreating(true)}>
          {t('integrations.open311.add')}
        </Button>
      </div>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<Open311ClientView>
        rowKey="id"
        size="middle"
        aria-label={t('integrations.open311.table')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={t('integrations.open311.empty')} /> }}
        columns={[
          { key: 'name', title: t('integrations.open311.name'), dataIndex: 'name' },
          { key: 'prefix', title: t('integrations.open311.prefix'), width: 160, render: (_: unknown, c) => <Typography.Text code>{c.keyPrefix}…</Typography.Text> },
          { key: 'created', title: t('integrations.open311.createdAt'), width: 170, render: (_: unknown, c) => formatDateTime(c.createdAt) },
          { key: 'used', title: t('integrations.open311.lastUsedAt'), width: 170, render: (_: unknown, c) => (c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('integrations.open311.neverUsed')) },
          {
            key: 'state',
            title: t('integrations.open311.state'),
            width: 200,
            render: (_: unknown, c) =>
              c.revokedAt ? (
                <Tag>{t('integrations.open311.revokedAt', { at: formatDateTime(c.revokedAt) })}</Tag>
              ) : (
                <Space>
                  <Tag color="green">{t('integrations.open311.active')}</Tag>
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => revoke(c)} aria-label={t('integrations.open311.revokeOf', { name: c.name })}>
                    {t('integrations.open311.revoke')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('integrations.open311.add')}
        okText={t('integrations.open311.create')}
        confirmLoading={create.busy}
        onOk={() => create.form.submit()}
        onCancel={() => create.close()}
        destroyOnHidden
      >
        <Form form={create.form} layout="vertical" requiredMark={false} onFinish={create.submit}>
          <CommunityField me={me} roles={requestSettingsRoles} />
          <Form.Item name="name" label={t('integrations.open311.name')} extra={t('integrations.open311.nameHelp')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          {create.error && <Alert type="error" showIcon title={create.error} />}
        </Form>
      </Modal>
      <ApiKeyModal client={created} onClose={() => setCreated(null)} />
    </Space>
  );
}

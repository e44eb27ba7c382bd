import { useState } from 'react';
import { Alert, App, Button, Empty, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { endpointKindLabels, notificationEventLabels, type NotificationEndpointView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { EndpointFormModal } from './endpoint-form-modal.js';
import { endpointsApi, type EndpointTestResult } from './integrations-api.js';

/** The community's group robots, webhooks and mail addresses, with a test send and the last test's outcome. */
export function EndpointsPanel() {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const list = useLoaded('endpointsApi', () => endpointsApi.list());
  const [editing, setEditing] = useState<NotificationEndpointView | null>(null);
  const [open, setOpen] = useState(false);
  const [testing, setTesting] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, EndpointTestResult>>({});

  const test = async (e: NotificationEndpointView) => {
    setTesting(e.id);
    try {
      const r = await endpointsApi.test(e.id);
      setResults((all) => ({ ...all, [e.id]: r }));
      if (r.ok) message.success(t('integrations.endpoints.testOk', { name: e.name }));
      else message.error(t('integrations.endpoints.testFailed', { name: e.name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setTesting(null);
    }
  };

  const toggle = async (e: NotificationEndpointView, active: boolean) => {
    try {
      await endpointsApi.update(e.id, { active });
      list.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const remove = async (e: NotificationEndpointView) => {
    try {
      await endpointsApi.remove(e.id);
      message.success(t('integrations.endpoints.removed'));
      list.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('integrations.endpoints.intro')}
      </Typography.Paragraph>
      <div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          {t('integrations.endpoints.add')}
        </Button>
      </div>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<NotificationEndpointView>
        rowKey="id"
        size="middle"
        aria-label={t('integrations.endpoints.table')}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('integrations.endpoints.empty')} /> }}
        columns={[
          { key: 'name', title: t('integrations.endpoints.name'), dataIndex: 'name', width: 150 },
          { key: 'kind', title: t('integrations.endpoints.kind'), width: 150, render: (_: unknown, e) => label(endpointKindLabels[e.kind]) },
          {
            key: 'target',
            title: t('integrations.endpoints.target'),
            render: (_: unknown, e) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text code>{e.targetMasked}</Typography.Text>
                {e.hasSecret && <Typography.Text type="secondary">{t('integrations.endpoints.signed')}</Typography.Text>}
              </Space>
            ),
          },
          {
            key: 'events',
            title: t('integrations.endpoints.events'),
            width: 220,
            render: (_: unknown, e) => (
              <Space size={[0, 4]} wrap>
                {e.events.map((ev) => (
                  <Tag key={ev}>{label(notificationEventLabels[ev])}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'active',
            title: t('integrations.endpoints.active'),
            width: 80,
            render: (_: unknown, e) => <Switch size="small" checked={e.active} aria-label={t('integrations.endpoints.activeOf', { name: e.name })} onChange={(v) => void toggle(e, v)} />,
          },
          {
            key: 'actions',
            title: t('integrations.actions'),
            width: 260,
            render: (_: unknown, e) => {
              const r = results[e.id];
              return (
                <Space orientation="vertical" size={4}>
                  <Space wrap size={4}>
                    <Button size="small" icon={<SendOutlined />} loading={testing === e.id} onClick={() => void test(e)} aria-label={t('integrations.endpoints.testOf', { name: e.name })}>
                      {t('integrations.endpoints.test')}
                    </Button>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('integrations.endpoints.editOf', { name: e.name })}
                      onClick={() => {
                        setEditing(e);
                        setOpen(true);
                      }}
                    />
                    <Popconfirm title={t('integrations.endpoints.removeConfirm', { name: e.name })} okButtonProps={{ danger: true }} onConfirm={() => void remove(e)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('integrations.endpoints.removeOf', { name: e.name })} />
                    </Popconfirm>
                  </Space>
                  {r && (
                    <Typography.Text type={r.ok ? 'success' : 'danger'} role="status">
                      {r.ok ? t('integrations.endpoints.testArrived') : t('integrations.endpoints.testError', { error: r.error ?? '' })}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <EndpointFormModal
        key={editing?.id ?? 'new'}
        open={open}
        editing={editing}
        onClose={(saved) => {
          setOpen(false);
          if (saved) {
            message.success(t('integrations.endpoints.saved'));
            list.reload();
          }
        }}
      />
    </Space>
  );
}

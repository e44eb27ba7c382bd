import { Alert, Checkbox, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  endpointKindLabels,
  endpointKinds,
  notificationEventLabels,
  notificationEvents,
  requestSettingsRoles,
  type EndpointKind,
  type NotificationEndpointView,
  type NotificationEvent,
} from '@gongzhi/shared';
import { formFieldErrors } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { CommunityField } from '../places/community-field.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { useSession } from '../session/session-context.js';
import { endpointsApi } from './integrations-api.js';

interface Values {
  communityId: string;
  kind: EndpointKind;
  name: string;
  target?: string;
  secret?: string;
  removeSecret?: boolean;
  events: NotificationEvent[];
  active: boolean;
}

const fields = new Set(['communityId', 'kind', 'name', 'target', 'secret', 'events', 'active']);

/**
 * Add or change a notification endpoint. The stored target and secret are never shown again: when editing,
 * an empty field keeps what is stored.
 */
export function EndpointFormModal({ open, editing, onClose }: { open: boolean; editing: NotificationEndpointView | null; onClose: (saved?: NotificationEndpointView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const save = (v: Values) => {
    const target = v.target?.trim() || undefined;
    const secret = v.kind === 'dingtalk' ? v.secret?.trim() || undefined : undefined;
    if (!editing) return endpointsApi.create({ communityId: v.communityId, kind: v.kind, name: v.name.trim(), target: target ?? '', secret, events: v.events, active: v.active });
    return endpointsApi.update(editing.id, { name: v.name.trim(), target, secret: v.removeSecret ? null : secret, events: v.events, active: v.active });
  };
  const { form, busy, error, close, submit } = useModalForm<Values, NotificationEndpointView>(save, onClose, (e) =>
    formFieldErrors(e, (name) => fields.has(String(name[0]))),
  );
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'wecom';

  return (
    <Modal
      open={open}
      title={editing ? t('integrations.endpoints.edit') : t('integrations.endpoints.add')}
      okText={t('actions.save')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={editing ? { kind: editing.kind, name: editing.name, events: editing.events, active: editing.active } : { kind: 'wecom', events: ['request_submitted', 'request_overdue'], active: true }}
      >
        {!editing && <CommunityField me={me} roles={requestSettingsRoles} />}
        <Form.Item name="kind" label={t('integrations.endpoints.kind')}>
          <Select disabled={!!editing} aria-label={t('integrations.endpoints.kind')} options={endpointKinds.map((k) => ({ value: k, label: label(endpointKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('integrations.endpoints.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} placeholder={t('integrations.endpoints.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="target"
          label={t(kind === 'email' ? 'integrations.endpoints.address' : 'integrations.endpoints.url')}
          extra={editing ? t('integrations.endpoints.targetKeep', { masked: editing.targetMasked }) : t(`integrations.endpoints.targetHelp.${kind}`)}
          rules={[{ required: !editing, whitespace: true, min: 3, max: 1000 }]}
        >
          <Input maxLength={1000} autoComplete="off" placeholder={t(`integrations.endpoints.targetPlaceholder.${kind}`)} />
        </Form.Item>
        {kind === 'dingtalk' && (
          <>
            <Form.Item
              name="secret"
              label={t('integrations.endpoints.secret')}
              extra={editing?.hasSecret ? t('integrations.endpoints.secretKeep') : t('integrations.endpoints.secretHelp')}
              rules={[{ max: 200 }]}
            >
              <Input.Password maxLength={200} autoComplete="new-password" placeholder="SEC…" />
            </Form.Item>
            {editing?.hasSecret && (
              <Form.Item name="removeSecret" valuePropName="checked">
                <Checkbox>{t('integrations.endpoints.removeSecret')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="events" label={t('integrations.endpoints.events')} rules={[{ required: true, type: 'array', min: 1, message: t('integrations.endpoints.eventsRequired') }]}>
          <Checkbox.Group options={notificationEvents.map((e) => ({ value: e, label: label(notificationEventLabels[e]) }))} />
        </Form.Item>
        <Form.Item name="active" label={t('integrations.endpoints.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('integrations.endpoints.privacy')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

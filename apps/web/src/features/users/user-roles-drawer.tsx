import { useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Form, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me, Role, UserView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { RoleAssignmentFields } from './role-assignment-fields.js';
import { usersApi } from './users-api.js';

interface Values {
  role?: Role;
  placeId?: string;
}

/** See, grant and revoke the roles of one account. */
export function UserRolesDrawer({
  me,
  user,
  onClose,
  onChanged,
}: {
  me: Me | null;
  user: UserView | null;
  onClose: () => void;
  onChanged: (u: UserView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const grant = async (v: Values) => {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await usersApi.grantRole(user.id, v.role!, v.placeId!));
      form.resetFields();
      message.success(t('users.roles.granted'));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'role' || n[0] === 'placeId'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (roleId: string) => {
    if (!user) return;
    try {
      onChanged(await usersApi.revokeRole(user.id, roleId));
      message.success(t('users.roles.revoked'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? t('users.roles.title', { name: user.displayName }) : ''}
      size={480}
      destroyOnHidden
    >
      {user && user.roles.length === 0 && <Empty description={t('users.roles.none')} />}
      {user && user.roles.length > 0 && (
        <List
          dataSource={user.roles}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="revoke"
                  title={t('users.roles.revokeConfirm', { role: t(`roles.${r.role}`), place: r.placeName })}
                  okText={t('users.roles.revoke')}
                  cancelText={t('actions.cancel')}
                  onConfirm={() => revoke(r.id)}
                >
                  <Button danger size="small">
                    {t('users.roles.revoke')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              {t(`roles.${r.role}`)} · {r.placeName}
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('users.roles.grant')}
      </Typography.Title>
      <Form<Values>
        name="role-grant"
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={grant}
        onValuesChange={(c) => 'role' in c && form.setFieldValue('placeId', undefined)}
      >
        <RoleAssignmentFields me={me} prefix={[]} role={role} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('users.roles.grant')}
        </Button>
      </Form>
    </Drawer>
  );
}

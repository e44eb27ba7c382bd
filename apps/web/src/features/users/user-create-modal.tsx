import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Result, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me, Role, UserView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { LinkButton } from '../../console/link-button.js';
import { formatDateTime } from '../../i18n/format.js';
import { RoleAssignmentFields } from './role-assignment-fields.js';
import { usersApi, type NewUser } from './users-api.js';

interface Values {
  displayName: string;
  username?: string;
  phone?: string;
  password?: string;
  roles: { role?: Role; placeId?: string }[];
}

interface Created {
  user: UserView;
  claimCode: { code: string; expiresAt: string } | null;
}

const fields = ['displayName', 'username', 'phone', 'password', 'roles'];
const blankToUndefined = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** Create an account; without a password the answer carries a one-time activation code. */
export function UserCreateModal({ me, open, onClose }: { me: Me | null; open: boolean; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch('roles', form) ?? [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const close = () => {
    const wasCreated = created !== null;
    form.resetFields();
    setCreated(null);
    setError(null);
    onClose(wasCreated);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: NewUser = {
      displayName: v.displayName.trim(),
      username: blankToUndefined(v.username),
      phone: blankToUndefined(v.phone),
      password: v.password ? v.password : undefined,
      roles: v.roles.map((r) => ({ role: r.role!, placeId: r.placeId! })),
    };
    try {
      setCreated(await usersApi.create(body));
    } catch (e) {
      // A problem with the list as a whole ("at least one role") shows in the banner only.
      form.setFields(formFieldErrors(e, (n) => fields.includes(String(n[0])) && !(n.length === 1 && n[0] === 'roles')));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // A new role resets its place: a community does not fit a grid worker.
  const onValuesChange = (changed: Partial<Values>) => {
    changed.roles?.forEach((r, i) => {
      if (r && 'role' in r) form.setFieldValue(['roles', i, 'placeId'], undefined);
    });
  };

  return (
    <Modal open={open} title={t('users.create.title')} onCancel={close} footer={null} width={560} destroyOnHidden>
      {created && (
        <Result
          status="success"
          title={t('users.created.title', { name: created.user.displayName })}
          subTitle={
            created.claimCode
              ? t('users.created.code', { code: created.claimCode.code, expires: formatDateTime(created.claimCode.expiresAt) })
              : t('users.created.active')
          }
          extra={
            <Space orientation="vertical">
              {created.claimCode && (
                <>
                  <LinkButton to={`/console/users/${created.user.id}/claim-slip`} type="primary">
                    {t('users.created.printSlip')}
                  </LinkButton>
                  <Typography.Text type="secondary">{t('users.created.printHint')}</Typography.Text>
                </>
              )}
              <Button onClick={close}>{t('actions.close')}</Button>
            </Space>
          }
        />
      )}
      <Form<Values>
        name="user-create"
        hidden={created !== null}
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{ roles: [{}] }}
        requiredMark="optional"
      >
        <Form.Item
          name="displayName"
          label={t('users.create.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="username" label={t('users.create.username')} extra={t('users.create.usernameHelp')}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.create.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.phone') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.create.password')}
          extra={t('users.create.passwordHelp')}
          rules={[{ pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/, message: t('validation.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Title level={5}>{t('users.create.roles')}</Typography.Title>
        <Form.List name="roles">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <div key={item.key} className="gz-role-row">
                  <RoleAssignmentFields me={me} prefix={[item.name]} role={roles[i]?.role} />
                  {items.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('users.create.removeRole')}
                    />
                  )}
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block style={{ marginBottom: 16 }}>
                {t('users.create.addRole')}
              </Button>
            </>
          )}
        </Form.List>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('users.create.submit')}
          </Button>
          <Button onClick={close}>{t('actions.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

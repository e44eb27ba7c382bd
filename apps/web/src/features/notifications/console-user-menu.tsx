import { useEffect, useState } from 'react';
import { Alert, App, Button, Dropdown, Form, Input, Modal, Switch, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { notificationsApi } from './notifications-api.js';
import { emailPattern } from './prefs-rules.js';

interface Values {
  email?: string;
  emailEnabled: boolean;
}

/** The signed-in name in the console header, opening a menu with 通知方式 (email address and on/off). */
export function ConsoleUserMenu({ name }: { name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{ items: [{ key: 'prefs', label: t('notifications.prefs.menu') }], onClick: () => setOpen(true) }}
      >
        <Button type="text" title={t('notifications.userMenu')}>
          <Typography.Text strong>
            <span className="gz-visually-hidden">{t('console.header.user')}: </span>
            {name}
          </Typography.Text>
          <DownOutlined />
        </Button>
      </Dropdown>
      {open && <PreferencesModal onClose={() => setOpen(false)} />}
    </>
  );
}

function PreferencesModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState(false);
  const [masked, setMasked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    notificationsApi.preferences().then(
      (p) => {
        if (!live) return;
        form.setFieldsValue({ emailEnabled: p.emailEnabled });
        setMasked(p.emailMasked);
        setLoaded(true);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [form]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      // An empty field keeps the address on file; the server never sends it back in full.
      await notificationsApi.savePreferences({ email: v.email?.trim() || undefined, emailEnabled: v.emailEnabled });
      message.success(t('notifications.prefs.saved'));
      onClose();
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'email' || n[0] === 'emailEnabled'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('notifications.prefs.title')}
      onCancel={onClose}
      okText={t('notifications.prefs.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy, disabled: !loaded }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('notifications.prefs.intro')}</Typography.Paragraph>
      {/* Disabled until the saved preference is in: a switch flipped earlier would be overwritten when it arrives. */}
      <Form<Values> form={form} name="notification-preferences" layout="vertical" requiredMark={false} onFinish={save} disabled={!loaded}>
      <Form.Item
        name="email"
        label={t('notifications.prefs.email')}
        extra={masked ? t('notifications.prefs.emailKeep', { email: masked }) : undefined}
        rules={[
          { pattern: emailPattern, message: t('notifications.prefs.invalidEmail') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              getFieldValue('emailEnabled') && !value?.trim() && !masked
                ? Promise.reject(new Error(t('notifications.prefs.emailNeeded')))
                : Promise.resolve(),
          }),
        ]}
        dependencies={['emailEnabled']}
      >
        <Input type="email" autoComplete="email" placeholder={t('notifications.prefs.emailPlaceholder')} />
      </Form.Item>
      <Form.Item name="emailEnabled" label={t('notifications.prefs.emailEnabled')} valuePropName="checked" initialValue={false}>
        <Switch />
      </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

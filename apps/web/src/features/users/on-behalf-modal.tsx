import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { sessionApi } from '../session/session-api.js';
import { useSession } from '../session/session-context.js';

/** Start acting on a resident's behalf, with a reason that goes into the audit log. */
export function OnBehalfModal({ resident, onClose }: { resident: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    if (!resident) return;
    setBusy(true);
    setError(null);
    try {
      await sessionApi.startOnBehalf(resident.id, reason.trim());
      await refresh();
      message.success(t('users.onBehalf.started'));
      form.resetFields();
      onClose();
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'reason'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={resident !== null}
      title={resident ? t('users.onBehalf.title', { name: resident.displayName }) : ''}
      okText={t('users.onBehalf.start')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.onBehalf.hint')}</Typography.Paragraph>
      <Form name="on-behalf" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('users.onBehalf.reason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.tooShort') },
            { max: 200, message: t('validation.tooLong') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} placeholder={t('users.onBehalf.reasonPlaceholder')} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

import { useState } from 'react';
import { Form, Input, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText, formFieldErrors } from '../api/error-text.js';
import { sessionApi } from '../features/session/session-api.js';
import { SubmitFooter, InlineNotice, useFeedback } from './feedback.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change the password; the server ends every other session of the account. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const feedback = useFeedback();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    feedback.clear();
    try {
      await sessionApi.changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      feedback.show('success', t('resident.password.done'));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'currentPassword' || n[0] === 'newPassword'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/me')} backIcon backArrow>
        {t('resident.password.title')}
      </NavBar>
      <InlineNotice notice={feedback.notice} />
      <p className="resident-intro">{t('resident.password.hint')}</p>
      <Form
        form={form}
        name="change-password"
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={(v: Values) => void submit(v)}
        footer={<SubmitFooter error={error} busy={busy} label={t('resident.password.submit')} />}
      >
        <Form.Item
          name="currentPassword"
          label={t('resident.password.current')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('resident.password.next')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/, message: t('validation.passwordRule') },
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('resident.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}

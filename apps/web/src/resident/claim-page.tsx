import { useState } from 'react';
import { Form, Input, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText, formFieldErrors } from '../api/error-text.js';
import { useSession } from '../features/session/session-context.js';
import { SubmitFooter } from './feedback.js';

interface Values {
  code: string;
  username?: string;
  phone?: string;
  password: string;
  passwordConfirm: string;
}

const passwordRule = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;
const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/** Claim an account with the one-time code from the community; choosing a password logs you in. */
export default function ClaimPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await session.claim({ code: v.code.trim(), username: blank(v.username), phone: blank(v.phone), password: v.password });
      navigate('/m/me', { replace: true });
    } catch (e) {
      const fields = formFieldErrors(e, (n) => ['code', 'username', 'phone', 'password'].includes(String(n[0])));
      form.setFields(fields);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/login')} backIcon backArrow>
        {t('resident.claim.title')}
      </NavBar>
      <p className="resident-intro">{t('resident.claim.intro')}</p>
      <Form
        form={form}
        name="resident-claim"
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={(v: Values) => void submit(v)}
        footer={<SubmitFooter error={error} busy={busy} label={t('resident.claim.submit')} />}
      >
        <Form.Item
          name="code"
          label={t('resident.claim.code')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input placeholder={t('resident.claim.codePlaceholder')} autoComplete="one-time-code" clearable />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('resident.claim.username')}
          rules={[{ pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: t('validation.username') }]}
        >
          <Input autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="phone" label={t('resident.claim.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.phone') }]}>
          <Input type="tel" autoComplete="tel" clearable />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('resident.claim.password')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: passwordRule, message: t('validation.passwordRule') },
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="passwordConfirm"
          label={t('resident.claim.passwordConfirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
      <div className="resident-links">
        <Link to="/m/login">{t('resident.claim.backToLogin')}</Link>
      </div>
    </div>
  );
}

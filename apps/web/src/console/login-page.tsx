import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useSession } from '../features/session/session-context.js';
import { LanguageSwitch } from './language-switch.js';

interface Values {
  account: string;
  password: string;
}

/** Staff log in with a username or phone number and a password. */
export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/console';

  if (session.status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await session.login(v.account.trim(), v.password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="console-login">
      <div className="console-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="console-login-card">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('console.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('console.login.subtitle')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('console.login.title')}</Typography.Title>
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="account"
            label={t('console.login.account')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input autoComplete="username" placeholder={t('console.login.accountPlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('console.login.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('console.login.submit')}
          </Button>
        </Form>
        <Space style={{ marginTop: 16 }} separator="·" wrap>
          <Link to="/m">{t('console.login.residentLink')}</Link>
          <Link to="/">{t('console.login.portalLink')}</Link>
        </Space>
      </Card>
    </div>
  );
}

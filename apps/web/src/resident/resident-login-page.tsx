import { useState } from 'react';
import { Form, Input, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useSession } from '../features/session/session-context.js';
import { useElderMode } from './elder-mode.js';
import { SubmitFooter } from './feedback.js';
import { LanguageButtons } from './language-buttons.js';
import { ToggleSwitch } from './toggle-switch.js';

interface Values {
  account: string;
  password: string;
}

/** Residents log in with a username or phone number; elder mode and language can be set before login. */
export default function ResidentLoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const elder = useElderMode();
  const navigate = useNavigate();
  // A deep link (a QR code on a poster, a link from the portal) sent here by the layout returns there after login.
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const back = typeof from === 'string' && from.startsWith('/m/') && !from.startsWith('/m/login') ? from : '/m';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.status === 'authenticated') return <Navigate to={back} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await session.login(v.account.trim(), v.password);
      navigate(back, { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resident-page">
      <header className="resident-hero">
        <h1>{t('resident.title')}</h1>
        <p>{t('resident.login.title')}</p>
      </header>
      <Form
        name="resident-login"
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={(v: Values) => void submit(v)}
        footer={<SubmitFooter error={error} busy={busy} label={t('resident.login.submit')} />}
      >
        <Form.Item
          name="account"
          label={t('resident.login.account')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input placeholder={t('resident.login.accountPlaceholder')} autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="password" label={t('resident.login.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input type="password" placeholder={t('resident.login.passwordPlaceholder')} autoComplete="current-password" />
        </Form.Item>
      </Form>
      <div className="resident-links">
        <Link to="/m/claim">{t('resident.login.claimLink')}</Link>
      </div>
      <List header={t('resident.me.settings')}>
        <List.Item
          description={t('resident.me.elderModeHint')}
          extra={<ToggleSwitch checked={elder.on} onChange={(on) => void elder.set(on)} label={t('resident.me.elderMode')} />}
        >
          {t('resident.me.elderMode')}
        </List.Item>
        <List.Item extra={<LanguageButtons />}>{t('resident.me.language')}</List.Item>
      </List>
      <div className="resident-links resident-links-muted">
        <Link to="/console">{t('resident.login.staffLink')}</Link>
      </div>
    </div>
  );
}

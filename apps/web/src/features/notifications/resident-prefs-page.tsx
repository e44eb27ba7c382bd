import { useEffect, useState } from 'react';
import { Form, Input, List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { InlineNotice, SubmitFooter, useFeedback } from '../../resident/feedback.js';
import { ToggleSwitch } from '../../resident/toggle-switch.js';
import { notificationsApi, type NotificationPreferencesView } from './notifications-api.js';
import { emailPattern } from './prefs-rules.js';

/** 通知方式 on the phone: messages always arrive in the app; mail too when the resident asks for it. */
export default function ResidentPrefsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ email?: string }>();
  const [prefs, setPrefs] = useState<NotificationPreferencesView | null>(null);
  const [emailEnabled, setEmailEnabled] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    notificationsApi.preferences().then(
      (p) => {
        setPrefs(p);
        setEmailEnabled(p.emailEnabled);
      },
      (e: unknown) => setLoadError(e),
    );
  }, []);

  const submit = async (v: { email?: string }) => {
    // An empty field keeps the address on file; the server never sends it back in full.
    const email = v.email?.trim() || undefined;
    if (emailEnabled && !email && !prefs?.emailMasked) {
      form.setFields([{ name: 'email', errors: [t('notifications.prefs.emailNeeded')] }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await notificationsApi.savePreferences({ email, emailEnabled });
      setPrefs(saved);
      form.resetFields();
      feedback.show('success', t('notifications.prefs.saved'));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'email'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/me')} backIcon backArrow>
        {t('notifications.prefs.title')}
      </NavBar>
      <InlineNotice notice={feedback.notice} />
      <p className="resident-intro">{t('notifications.prefs.intro')}</p>
      {loadError !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(loadError)}
        </div>
      )}
      {prefs && (
        <p className="resident-intro" role="status">
          {t('notifications.prefs.current', {
            value:
              prefs.emailEnabled && prefs.emailMasked
                ? t('notifications.prefs.inAppAndEmail', { email: prefs.emailMasked })
                : t('notifications.prefs.inAppOnly'),
          })}
        </p>
      )}
      {prefs && (
        <Form
          form={form}
          name="notification-preferences"
          layout="vertical"
          requiredMarkStyle="none"
          onFinish={(v: { email?: string }) => void submit(v)}
          footer={<SubmitFooter error={error} busy={busy} label={t('notifications.prefs.save')} />}
        >
          <Form.Item
            name="email"
            label={t('notifications.prefs.email')}
            help={prefs.emailMasked ? t('notifications.prefs.emailKeep', { email: prefs.emailMasked }) : undefined}
            rules={[{ pattern: emailPattern, message: t('notifications.prefs.invalidEmail') }]}
          >
            <Input type="email" autoComplete="email" placeholder={t('notifications.prefs.emailPlaceholder')} clearable />
          </Form.Item>
          <List>
            <List.Item
              extra={<ToggleSwitch checked={emailEnabled} onChange={setEmailEnabled} label={t('notifications.prefs.emailEnabled')} />}
            >
              {t('notifications.prefs.emailEnabled')}
            </List.Item>
          </List>
        </Form>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultRequestSettings, requestSettingsRoles, urgencies, urgencyLabels, type RequestSettings } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { useSpanText } from './request-bits.js';
import { useSession } from '../session/session-context.js';
import { requestAdminApi } from './requests-api.js';
import { communityOf } from './use-request-meta.js';

/** A minutes field with its value read out ("2 小时"), since 10080 minutes means little at a glance. */
function MinutesField({ name, label, min, max }: { name: (string | number)[]; label: string; min: number; max: number }) {
  const { t } = useTranslation();
  const span = useSpanText();
  return (
    <Form.Item noStyle shouldUpdate>
      {(form) => {
        const v = form.getFieldValue(name) as number | undefined;
        return (
          <Form.Item name={name} label={label} rules={[{ required: true, message: t('validation.required') }]} extra={v ? span(v * 60_000) : undefined}>
            <InputNumber min={min} max={max} precision={0} suffix={t('requests.settings.deadlines.minutes')} style={{ width: 180 }} />
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}

/** 时限: deadlines per urgency and the escalation, reminder, auto-close, objection and callback rules. */
export function DeadlinesTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestSettings>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { me } = useSession();
  const communityId = communityOf(me, requestSettingsRoles);

  useEffect(() => {
    if (!communityId) return setLoaded(true);
    requestAdminApi.settings(communityId).then(
      (s) => (form.setFieldsValue(s.settings), setLoaded(true)),
      (e: unknown) => (setError(e), setLoaded(true)),
    );
  }, [form, communityId]);

  const save = async (v: RequestSettings) => {
    if (!communityId) return;
    setBusy(true);
    try {
      form.setFieldsValue((await requestAdminApi.saveSettings(communityId, v)).settings);
      message.success(t('registers.form.saved'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) return <Spin />;
  const num = (name: keyof RequestSettings, min: number, max: number, unit: string, step = 1) => (
    <Form.Item name={name} label={t(`requests.settings.deadlines.${name}`)} rules={[{ required: true, message: t('validation.required') }]}>
      <InputNumber min={min} max={max} step={step} precision={step < 1 ? 2 : 0} suffix={unit} style={{ width: 180 }} />
    </Form.Item>
  );
  return (
    <Form<RequestSettings> name="request-settings" form={form} layout="vertical" onFinish={save} initialValues={defaultRequestSettings}>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">{t('requests.settings.deadlines.hint')}</Typography.Paragraph>
      <Space wrap align="start" size="large">
        <Card size="small" title={t('requests.settings.deadlines.dispatchMinutes')}>
          {urgencies.map((u) => (
            <MinutesField key={u} name={['dispatchMinutes', u]} label={label(urgencyLabels[u])} min={5} max={43_200} />
          ))}
        </Card>
        <Card size="small" title={t('requests.settings.deadlines.replyMinutes')}>
          {urgencies.map((u) => (
            <MinutesField key={u} name={['replyMinutes', u]} label={label(urgencyLabels[u])} min={10} max={129_600} />
          ))}
        </Card>
        <Card size="small" title={t('requests.settings.deadlines.rules')}>
          <MinutesField name={['remindBeforeMinutes']} label={t('requests.settings.deadlines.remindBeforeMinutes')} min={0} max={10_080} />
          <MinutesField name={['escalateToSubdistrictAfterMinutes']} label={t('requests.settings.deadlines.escalateToSubdistrictAfterMinutes')} min={30} max={43_200} />
          {num('autoCloseDays', 1, 60, t('requests.settings.deadlines.days'))}
          {num('objectionDays', 1, 60, t('requests.settings.deadlines.days'))}
          {num('callbackHours', 1, 720, t('requests.settings.deadlines.hours'))}
          {num('lowConfidence', 0, 1, '', 0.05)}
        </Card>
      </Space>
      <div style={{ marginTop: 16 }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('actions.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(defaultRequestSettings)}>{t('requests.settings.deadlines.defaults')}</Button>
        </Space>
      </div>
    </Form>
  );
}

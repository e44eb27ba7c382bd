import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { covenantPhaseLabels, covenantPhases, type CovenantPhase, type CovenantView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput } from '../../console/date-input.js';
import { useLabel } from '../../i18n/labels.js';
import { covenantApi } from './covenant-api.js';

type Plan = Partial<Record<CovenantPhase, { start?: string; end?: string }>>;
interface Values {
  title: string;
  plan: Plan;
}

/** Start a covenant process: a title, and the planned dates of each phase (all optional, editable later). */
export function CovenantCreateDrawer({ open, onClose }: { open: boolean; onClose: (created?: CovenantView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (created?: CovenantView) => {
    setError(null);
    form.resetFields();
    onClose(created);
  };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const phases = covenantPhases
        .map((phase) => ({ phase, plannedStartOn: v.plan?.[phase]?.start ?? null, plannedEndOn: v.plan?.[phase]?.end ?? null }))
        .filter((p) => p.plannedStartOn || p.plannedEndOn);
      close(await covenantApi.create({ title: v.title.trim(), phases }));
    } catch (e) {
      form.setFields(formFieldErrors(e, (name) => name[0] === 'title'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={t('covenant.create.open')}
      size={640}
      onClose={() => close()}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => close()}>{t('covenant.common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('covenant.create.ok')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="title"
          label={t('covenant.create.title')}
          rules={[{ required: true, whitespace: true, min: 2, max: 120, message: t('covenant.create.titleRule') }]}
        >
          <Input placeholder={t('covenant.create.titlePlaceholder')} maxLength={120} />
        </Form.Item>
        <Typography.Text strong>{t('covenant.create.plan')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('covenant.create.planHint')}</Typography.Paragraph>
        <Table
          rowKey="phase"
          size="small"
          pagination={false}
          aria-label={t('covenant.create.plan')}
          dataSource={covenantPhases.map((phase) => ({ phase }))}
          columns={[
            { key: 'phase', title: t('covenant.phases.phase'), width: 130, render: (_: unknown, r) => label(covenantPhaseLabels[r.phase]) },
            {
              key: 'start',
              title: t('covenant.phases.plannedStart'),
              render: (_: unknown, r) => (
                <Form.Item name={['plan', r.phase, 'start']} noStyle>
                  <DateInput aria-label={`${label(covenantPhaseLabels[r.phase])} ${t('covenant.phases.plannedStart')}`} />
                </Form.Item>
              ),
            },
            {
              key: 'end',
              title: t('covenant.phases.plannedEnd'),
              render: (_: unknown, r) => (
                <Form.Item name={['plan', r.phase, 'end']} noStyle>
                  <DateInput aria-label={`${label(covenantPhaseLabels[r.phase])} ${t('covenant.phases.plannedEnd')}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Form>
    </Drawer>
  );
}

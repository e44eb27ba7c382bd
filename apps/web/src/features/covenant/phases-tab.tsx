import { useState } from 'react';
import { Alert, App, Button, Col, Collapse, Form, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { covenantPhaseLabels, type CovenantView, type PhasePermissions, type PhaseView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { DateInput } from '../../console/date-input.js';
import { useLabel } from '../../i18n/labels.js';
import { PhaseTag, span, type CovenantTabProps } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';
import { PermissionMatrix } from './permission-matrix.js';

interface Values {
  plannedStartOn?: string;
  plannedEndOn?: string;
  permissions: PhasePermissions;
}

/** One phase's planned dates and who may propose, comment, vote, review and pledge in it. */
function PhaseForm({ c, p, onSaved }: { c: CovenantView; p: PhaseView; onSaved: (c: CovenantView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = c.can.manage;
  const phaseName = label(covenantPhaseLabels[p.phase]);

  const save = async (v: Values) => {
    if (v.plannedStartOn && v.plannedEndOn && v.plannedEndOn < v.plannedStartOn) {
      setError(t('covenant.phases.endBeforeStart'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await covenantApi.updatePhase(c.id, p.phase, {
          plannedStartOn: v.plannedStartOn ?? null,
          plannedEndOn: v.plannedEndOn ?? null,
          permissions: v.permissions,
        }),
      );
      message.success(t('covenant.phases.saved', { phase: phaseName }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!editable}
      initialValues={{ plannedStartOn: p.plannedStartOn ?? undefined, plannedEndOn: p.plannedEndOn ?? undefined, permissions: p.permissions }}
      onFinish={save}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="plannedStartOn" label={t('covenant.phases.plannedStart')}>
            <DateInput aria-label={`${phaseName} ${t('covenant.phases.plannedStart')}`} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="plannedEndOn" label={t('covenant.phases.plannedEnd')}>
            <DateInput aria-label={`${phaseName} ${t('covenant.phases.plannedEnd')}`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="permissions" label={t('covenant.phases.permissions')} extra={t('covenant.phases.permissionsHint')}>
        <PermissionMatrix phaseName={phaseName} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('covenant.phases.save', { phase: phaseName })}
        </Button>
      )}
    </Form>
  );
}

/** 阶段设置: each phase's plan and permissions; the current phase opens first. */
export function PhasesTab({ c, onSaved }: CovenantTabProps) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!c.can.manage && <Alert type="info" showIcon title={t('covenant.phases.readOnly')} />}
      {/* Not an accordion: its headers would be ARIA tabs and read as a second row of the page's tabs. */}
      <Collapse
        defaultActiveKey={[c.phase]}
        items={c.phases.map((p) => ({
          key: p.phase,
          label: (
            <Space wrap>
              {p.phase === c.phase ? <PhaseTag phase={p.phase} /> : <span>{label(covenantPhaseLabels[p.phase])}</span>}
              <Typography.Text type="secondary">
                {t('covenant.stepper.planned')} {span(p.plannedStartOn, p.plannedEndOn)}
              </Typography.Text>
            </Space>
          ),
          children: <PhaseForm c={c} p={p} onSaved={onSaved} />,
        }))}
      />
    </Space>
  );
}

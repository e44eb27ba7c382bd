import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, ConfigProvider, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { visitRoles, type VisitPlanSummary } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { ConsoleForbidden } from '../../console/console-results.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { PlacePicker } from '../places/place-picker.js';
import { HouseholdPicker } from '../registers/household-picker.js';
import { householdsApi } from '../registers/registers-api.js';
import { useSession } from '../session/session-context.js';
import { OrganisationSelect } from './target-pickers.js';
import { visitsApi } from './visits-api.js';
import './visits.css';

type Where = 'household' | 'place' | 'organisation';
interface Values {
  where: Where;
  householdId?: string;
  placeId?: string;
  organisationId?: string;
  planId?: string;
  visitedAt: string;
  peopleMet?: string;
  summary?: string;
  items: string[];
}

const LOCAL = 'YYYY-MM-DDTHH:mm';
const known = new Set(['householdId', 'placeId', 'organisationId', 'planId', 'visitedAt', 'peopleMet', 'summary', 'items']);

/**
 * 记录走访 (`/console/visits/new`): one column, large controls, usable on a phone at the door. A plan target
 * opens it with `planId` and `householdId` or `organisationId` filled in.
 */
export default function VisitFormPage() {
  const { me } = useSession();
  // Subdistrict admins read visits but do not record them.
  return hasRole(me, visitRoles) ? <VisitForm /> : <ConsoleForbidden />;
}

function VisitForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const where = Form.useWatch('where', form) ?? 'household';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [plans, setPlans] = useState<VisitPlanSummary[]>([]);
  const [fixedHousehold, setFixedHousehold] = useState<string | null>(null);
  const presetHousehold = params.get('householdId');
  const presetOrganisation = params.get('organisationId');

  useEffect(() => {
    visitsApi.plans({ status: 'active', limit: 100, offset: 0 }).then((r) => setPlans(r.items), () => undefined);
  }, []);
  useEffect(() => {
    // A household handed over by a plan is shown by its address, not picked again.
    if (presetHousehold)
      householdsApi.get(presetHousehold).then(
        (h) => setFixedHousehold(`${h.householderName ?? ''} · ${h.placeLabel}`),
        () => setFixedHousehold(null),
      );
  }, [presetHousehold]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await visitsApi.create({
        visitedAt: dayjs(v.visitedAt, LOCAL).toISOString(),
        householdId: v.where === 'household' ? v.householdId : undefined,
        placeId: v.where === 'place' ? v.placeId : undefined,
        organisationId: v.where === 'organisation' ? v.organisationId : undefined,
        planId: v.planId,
        peopleMet: v.peopleMet?.trim() || undefined,
        summary: v.summary?.trim() || undefined,
        items: (v.items ?? []).map((s) => s?.trim()).filter((s): s is string => !!s),
      });
      message.success(t('visits.record.saved'));
      navigate(`/console/visits/${created.id}`, { replace: true });
    } catch (e) {
      form.setFields(formFieldErrors(e, (name) => known.has(String(name[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gz-visit-form">
      <Space style={{ marginBottom: 12 }}>
        <LinkButton to="/console/visits?tab=records">{t('visits.record.back')}</LinkButton>
      </Space>
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('visits.record.title')}</Typography.Title>}>
        <ConfigProvider componentSize="large">
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void save(v)}
            initialValues={{
              where: presetOrganisation ? 'organisation' : 'household',
              householdId: presetHousehold ?? undefined,
              organisationId: presetOrganisation ?? undefined,
              planId: params.get('planId') ?? undefined,
              visitedAt: dayjs().format(LOCAL),
              items: [''],
            }}
          >
            <Form.Item name="where" label={t('visits.fields.where')}>
              <Segmented<Where>
                block
                aria-label={t('visits.fields.where')}
                options={(['household', 'place', 'organisation'] as const).map((w) => ({ value: w, label: t(`visits.record.where.${w}`) }))}
              />
            </Form.Item>
            {where === 'household' &&
              (presetHousehold && fixedHousehold ? (
                <>
                  <Form.Item name="householdId" hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item label={t('visits.record.field.household')}>
                    <Typography.Text strong>{fixedHousehold}</Typography.Text>
                  </Form.Item>
                </>
              ) : (
                <Form.Item name="householdId" label={t('visits.record.field.household')} rules={[{ required: true, message: t('visits.record.pickHousehold') }]}>
                  <HouseholdPicker aria-label={t('visits.record.field.household')} />
                </Form.Item>
              ))}
            {where === 'place' && (
              <Form.Item name="placeId" label={t('visits.record.field.place')} rules={[{ required: true, message: t('visits.record.pickPlace') }]}>
                <PlacePicker kinds={['community', 'grid', 'estate', 'building', 'entrance', 'dwelling']} aria-label={t('visits.record.field.place')} />
              </Form.Item>
            )}
            {where === 'organisation' && (
              <Form.Item name="organisationId" label={t('visits.record.field.organisation')} rules={[{ required: true, message: t('visits.record.pickOrganisation') }]}>
                <OrganisationSelect aria-label={t('visits.record.field.organisation')} />
              </Form.Item>
            )}
            <Form.Item name="visitedAt" label={t('visits.fields.visitedAt')} rules={[{ required: true }]}>
              <Input type="datetime-local" max={dayjs().endOf('day').format(LOCAL)} aria-label={t('visits.fields.visitedAt')} />
            </Form.Item>
            <Form.Item name="peopleMet" label={t('visits.fields.peopleMet')} rules={[{ max: 200 }]}>
              <Input maxLength={200} placeholder={t('visits.record.peopleMetPlaceholder')} />
            </Form.Item>
            <Form.Item name="summary" label={t('visits.fields.summary')} rules={[{ max: 4000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder={t('visits.record.summaryPlaceholder')} />
            </Form.Item>
            <Typography.Text strong>{t('visits.fields.items')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('visits.record.itemsHint')}</Typography.Paragraph>
            <Form.List name="items">
              {(lines, { add, remove }) => (
                <>
                  {lines.map((line, i) => (
                    <div key={line.key} className="gz-visit-item">
                      <Form.Item name={line.name} rules={[{ min: 2, max: 2000, message: t('visits.record.itemLength') }]} style={{ flex: 1, marginBottom: 12 }}>
                        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={t('visits.record.itemLabel', { n: i + 1 })} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={t('visits.record.removeItem', { n: i + 1 })} onClick={() => remove(line.name)} />
                    </div>
                  ))}
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')} style={{ marginBottom: 16 }}>
                    {t('visits.record.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="planId" label={t('visits.fields.plan')}>
              <Select
                allowClear
                aria-label={t('visits.fields.plan')}
                placeholder={t('visits.record.noPlan')}
                options={plans.map((p) => ({ value: p.id, label: p.title }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('visits.record.submit')}
            </Button>
          </Form>
        </ConfigProvider>
      </Card>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { App, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { visitRoles, type VisitDetail, type VisitPlanSummary } from '@gongzhi/shared';
import { ConsoleForbidden } from '../../console/console-results.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { PlacePicker } from '../places/place-picker.js';
import { HouseholdPicker } from '../registers/household-picker.js';
import { householdsApi } from '../registers/registers-api.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { useSession } from '../session/session-context.js';
import { FormCard } from './form-card.js';
import { OrganisationSelect } from './target-pickers.js';
import { filledLines, LOCAL, VisitRecordFields, visitFieldErrors, type RecordValues } from './visit-record-fields.js';
import { visitsApi } from './visits-api.js';
import './visits.css';

type Where = 'household' | 'place' | 'organisation';
interface Values extends RecordValues {
  where: Where;
  householdId?: string;
  placeId?: string;
  organisationId?: string;
  planId?: string;
}

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
  const [plans, setPlans] = useState<VisitPlanSummary[]>([]);
  const [fixedHousehold, setFixedHousehold] = useState<string | null>(null);
  const presetHousehold = params.get('householdId');
  const presetOrganisation = params.get('organisationId');
  const { form, busy, error, submit } = useModalForm<Values, VisitDetail>(
    (v) =>
      visitsApi.create({
        visitedAt: dayjs(v.visitedAt, LOCAL).toISOString(),
        householdId: v.where === 'household' ? v.householdId : undefined,
        placeId: v.where === 'place' ? v.placeId : undefined,
        organisationId: v.where === 'organisation' ? v.organisationId : undefined,
        planId: v.planId,
        peopleMet: v.peopleMet?.trim() || undefined,
        summary: v.summary?.trim() || undefined,
        items: filledLines(v.items).map((l) => l.text),
      }),
    (created) => {
      if (!created) return;
      message.success(t('visits.record.saved'));
      navigate(`/console/visits/${created.id}`, { replace: true });
    },
    visitFieldErrors,
  );
  const where = Form.useWatch('where', form) ?? 'household';

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

  return (
    <div className="gz-visit-form">
      <Space style={{ marginBottom: 12 }}>
        <LinkButton to="/console/visits?tab=records">{t('visits.record.back')}</LinkButton>
      </Space>
      <FormCard<Values>
        title={t('visits.record.title')}
        form={form}
        busy={busy}
        error={error}
        submitText={t('visits.record.submit')}
        onFinish={(v) => void submit(v)}
        initialValues={{
          where: presetOrganisation ? 'organisation' : 'household',
          householdId: presetHousehold ?? undefined,
          organisationId: presetOrganisation ?? undefined,
          planId: params.get('planId') ?? undefined,
          visitedAt: dayjs().format(LOCAL),
          items: [{ text: '' }],
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
        <VisitRecordFields />
        <Form.Item name="planId" label={t('visits.fields.plan')}>
          <Select
            allowClear
            aria-label={t('visits.fields.plan')}
            placeholder={t('visits.record.noPlan')}
            options={plans.map((p) => ({ value: p.id, label: p.title }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </FormCard>
    </div>
  );
}

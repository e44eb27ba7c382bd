import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPlanDetail } from '@gongzhi/shared';
import { useModalForm } from '../requests/use-modal-form.js';
import { FormCard } from './form-card.js';
import { PlanFields, planFieldErrors, type PlanValues } from './plan-fields.js';
import { visitsApi } from './visits-api.js';

/** Change an active plan in the fields it was made with: name, dates, assignee and note (its targets stay). */
export function PlanEditCard({ plan, onDone }: { plan: VisitPlanDetail; onDone: (saved?: VisitPlanDetail) => void }) {
  const { t } = useTranslation();
  const initial = useMemo<Partial<PlanValues>>(
    () => ({ title: plan.title, startsOn: plan.startsOn, endsOn: plan.endsOn, assigneeUserId: plan.assigneeUserId ?? undefined, note: plan.note ?? undefined }),
    [plan],
  );
  const { form, busy, error, close, submit } = useModalForm<PlanValues, VisitPlanDetail>(
    (v) =>
      visitsApi.updatePlan(plan.id, {
        title: v.title.trim(),
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        // A cleared field clears the value on the server; leaving it out would keep the old one.
        assigneeUserId: v.assigneeUserId ?? null,
        note: v.note?.trim() || null,
      }),
    onDone,
    planFieldErrors,
  );

  return (
    <FormCard<PlanValues>
      title={t('visits.plans.edit')}
      form={form}
      initialValues={initial}
      busy={busy}
      error={error}
      submitText={t('visits.plans.editOk')}
      onFinish={(v) => void submit(v)}
      onCancel={() => close()}
    >
      <PlanFields plan={plan} />
    </FormCard>
  );
}

import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPlanDetail } from '@gongzhi/shared';
import { today } from '../../console/date-input.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { PlanFields, planFieldErrors, type PlanValues } from './plan-fields.js';
import { visitsApi } from './visits-api.js';

/** Make a visiting plan: grid and building targets expand to their households when it is saved. */
export function PlanCreateModal({ open, onClose }: { open: boolean; onClose: (plan?: VisitPlanDetail) => void }) {
  const { t } = useTranslation();
  const { form, busy, error, close, submit } = useModalForm<PlanValues, VisitPlanDetail>(
    (v) => visitsApi.createPlan({ ...v, title: v.title.trim(), note: v.note?.trim() || undefined }),
    onClose,
    planFieldErrors,
  );

  return (
    <Modal
      open={open}
      title={t('visits.plans.create')}
      okText={t('visits.plans.createOk')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
      width={640}
    >
      <Form<PlanValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ targetKind: 'grid', startsOn: today(), targetIds: [] }}
        onFinish={submit}
        onValuesChange={(changed: Partial<PlanValues>) => changed.targetKind && form.setFieldValue('targetIds', [])}
      >
        <PlanFields />
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

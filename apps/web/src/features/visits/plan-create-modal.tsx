import { Alert, Col, Form, Input, Modal, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitPlanTargetKindLabels, visitPlanTargetKinds, type VisitPlanDetail, type VisitPlanTargetKind } from '@gongzhi/shared';
import { formFieldErrors } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { useLabel } from '../../i18n/labels.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { AssigneeSelect, HouseholdMultiPicker, OrganisationMultiSelect, PlaceMultiPicker } from './target-pickers.js';
import { visitsApi } from './visits-api.js';

interface Values {
  title: string;
  targetKind: VisitPlanTargetKind;
  targetIds: string[];
  startsOn: string;
  endsOn: string;
  assigneeUserId?: string;
  note?: string;
}

const fields = new Set(['title', 'targetKind', 'targetIds', 'startsOn', 'endsOn', 'assigneeUserId', 'note']);

/** Make a visiting plan: grid and building targets expand to their households when it is saved. */
export function PlanCreateModal({ open, onClose }: { open: boolean; onClose: (plan?: VisitPlanDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { form, busy, error, close, submit } = useModalForm<Values, VisitPlanDetail>(
    (v) => visitsApi.createPlan({ ...v, title: v.title.trim(), note: v.note?.trim() || undefined }),
    onClose,
    (e) => formFieldErrors(e, (name) => fields.has(String(name[0]))),
  );
  const kind = Form.useWatch('targetKind', form) ?? 'grid';
  const targetLabel = t(`visits.plans.targets.${kind}`);

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
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ targetKind: 'grid', startsOn: today(), targetIds: [] }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => changed.targetKind && form.setFieldValue('targetIds', [])}
      >
        <Form.Item name="title" label={t('visits.plans.title')} rules={[{ required: true, min: 2, max: 120, whitespace: true }]}>
          <Input maxLength={120} placeholder={t('visits.plans.titlePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="startsOn" label={t('visits.plans.startsOn')} rules={[{ required: true }]}>
              <DateInput aria-label={t('visits.plans.startsOn')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="endsOn"
              label={t('visits.plans.endsOn')}
              dependencies={['startsOn']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, v?: string) =>
                    !v || !getFieldValue('startsOn') || v >= getFieldValue('startsOn') ? Promise.resolve() : Promise.reject(new Error(t('errors.visit_plan_dates_invalid'))),
                }),
              ]}
            >
              <DateInput aria-label={t('visits.plans.endsOn')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="targetKind" label={t('visits.plans.targetKind')}>
          <Radio.Group optionType="button" options={visitPlanTargetKinds.map((k) => ({ value: k, label: label(visitPlanTargetKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item
          name="targetIds"
          label={targetLabel}
          extra={kind === 'grid' || kind === 'building' ? t('visits.plans.expandHint') : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: t('visits.plans.targetsRequired') }]}
        >
          {kind === 'household' ? (
            <HouseholdMultiPicker aria-label={targetLabel} />
          ) : kind === 'organisation' ? (
            <OrganisationMultiSelect aria-label={targetLabel} />
          ) : (
            <PlaceMultiPicker key={kind} kind={kind} aria-label={targetLabel} />
          )}
        </Form.Item>
        <Form.Item name="assigneeUserId" label={t('visits.plans.assignee')}>
          <AssigneeSelect aria-label={t('visits.plans.assignee')} />
        </Form.Item>
        <Form.Item name="note" label={t('visits.plans.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

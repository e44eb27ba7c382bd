import { Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitPlanTargetKindLabels, visitPlanTargetKinds, type VisitPlanDetail, type VisitPlanTargetKind } from '@gongzhi/shared';
import { formFieldErrors, type FieldErrors } from '../../api/error-text.js';
import { DateInput } from '../../console/date-input.js';
import { useLabel } from '../../i18n/labels.js';
import { AssigneeSelect, HouseholdMultiPicker, OrganisationMultiSelect, PlaceMultiPicker } from './target-pickers.js';

/** What the plan form holds; targets only while making a plan (they stay as made). */
export interface PlanValues {
  title: string;
  targetKind: VisitPlanTargetKind;
  targetIds: string[];
  startsOn: string;
  endsOn: string;
  assigneeUserId?: string;
  note?: string;
}

const fields = new Set(['title', 'targetKind', 'targetIds', 'startsOn', 'endsOn', 'assigneeUserId', 'note']);
/** The server's refusal beside the field it names. */
export const planFieldErrors = (e: unknown): FieldErrors => formFieldErrors(e, (name) => fields.has(String(name[0])));

/**
 * The fields of a visiting plan, inside the caller's `<Form>`: making one (with its targets) or changing one
 * (`plan`: its targets are shown, not picked, and the assignees are those of its community).
 */
export function PlanFields({ plan }: { plan?: VisitPlanDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const form = Form.useFormInstance<PlanValues>();
  const kind = Form.useWatch('targetKind', form) ?? plan?.targetKind ?? 'grid';
  const targetLabel = t(`visits.plans.targets.${kind}`);

  return (
    <>
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
      {plan ? (
        <Form.Item label={t('visits.plans.targetKind')} extra={t('visits.plans.targetsFixed')}>
          <Typography.Text>
            {label(visitPlanTargetKindLabels[plan.targetKind])} · {t('visits.plans.targetsTitle', { count: plan.targetCount })}
          </Typography.Text>
        </Form.Item>
      ) : (
        <>
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
        </>
      )}
      <Form.Item name="assigneeUserId" label={t('visits.plans.assignee')}>
        <AssigneeSelect placeId={plan?.communityId} aria-label={t('visits.plans.assignee')} />
      </Form.Item>
      <Form.Item name="note" label={t('visits.plans.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}

import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { proactiveCaseStatuses } from '@gongzhi/shared';
import { UserPicker } from '../organisations/person-pickers.js';
import { proactiveApi, type ProactiveCase, type ProactiveSuggestion } from './requests-api.js';
import { useModalForm } from './use-modal-form.js';

type CaseStatus = (typeof proactiveCaseStatuses)[number];

interface Values {
  title: string;
  ownerUserId?: string;
  plan?: string;
  outcome?: string;
  status?: CaseStatus;
}

/** Open a case on a suggested cluster, or update one: owner, plan, outcome and status. */
export function ProactiveCaseModal({
  target,
  onClose,
}: {
  target: { kind: 'create'; suggestion: ProactiveSuggestion } | { kind: 'edit'; case: ProactiveCase } | null;
  onClose: (saved?: ProactiveCase) => void;
}) {
  const { t } = useTranslation();
  const { form, busy, error, close, submit } = useModalForm<Values, ProactiveCase>((v) => {
    const plan = v.plan?.trim() || null;
    if (target?.kind === 'edit') return proactiveApi.update(target.case.id, { status: v.status, ownerUserId: v.ownerUserId ?? null, plan, outcome: v.outcome?.trim() || null });
    const s = target!.suggestion;
    return proactiveApi.create({ title: v.title.trim(), categoryId: s.categoryId, placeId: s.placeId, requestIds: s.requestIds, ownerUserId: v.ownerUserId ?? null, plan });
  }, onClose);
  const initial: Partial<Values> =
    target?.kind === 'create'
      ? { title: target.suggestion.title.slice(0, 60) }
      : target?.kind === 'edit'
        ? { title: target.case.title, ownerUserId: target.case.ownerUserId ?? undefined, plan: target.case.plan ?? undefined, outcome: target.case.outcome ?? undefined, status: target.case.status }
        : {};

  return (
    <Modal
      open={target !== null}
      title={target?.kind === 'create' ? t('requests.proactive.createTitle') : t('requests.proactive.editTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Form<Values> name="proactive-case" form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="title" label={t('requests.proactive.caseTitle')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 2, message: t('validation.tooShort') }, { max: 60, message: t('validation.tooLong') }]}>
          <Input maxLength={60} disabled={target?.kind === 'edit'} />
        </Form.Item>
        {target?.kind === 'edit' && (
          <Form.Item name="status" label={t('requests.fields.status')}>
            <Select<CaseStatus> options={proactiveCaseStatuses.map((s) => ({ value: s, label: t(`requests.proactive.statuses.${s}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="ownerUserId" label={t('requests.proactive.owner')}>
          <UserPicker aria-label={t('requests.proactive.owner')} />
        </Form.Item>
        <Form.Item name="plan" label={t('requests.proactive.plan')} rules={[{ max: 2000, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {target?.kind === 'edit' && (
          <Form.Item name="outcome" label={t('requests.proactive.outcome')} rules={[{ max: 2000, message: t('validation.tooLong') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

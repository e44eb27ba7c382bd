import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { organisationKindLabels, urgencies, urgencyLabels, type DispatchBody, type OrganisationKind, type Role, type Urgency } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { useAssigneeOptions, type AssigneeOption } from './use-assignee-options.js';
import { useModalForm } from './use-modal-form.js';

interface Values {
  assignees: string[];
  lead?: string;
  note?: string;
  urgency?: Urgency | '';
}

interface Props {
  open: boolean;
  /** Keys (`user:<id>` / `organisation:<id>`) to start with, e.g. the suggested handler. */
  initial?: string[];
  onSubmit: (body: DispatchBody) => Promise<void>;
  onClose: () => void;
}

/** The dispatch body: with one assignee it is the lead; with several, the one picked. */
function bodyOf(v: Values): DispatchBody {
  const leadKey = v.assignees.length === 1 ? v.assignees[0] : v.lead;
  return {
    assignees: v.assignees.map((key) => {
      const [kind, id] = key.split(':') as ['user' | 'organisation', string];
      return kind === 'user' ? { kind, userId: id, lead: key === leadKey } : { kind, organisationId: id, lead: key === leadKey };
    }),
    note: v.note?.trim() || undefined,
    urgency: v.urgency || undefined,
  };
}

/** 派单: one or more assignees (staff, grid workers, organisations), exactly one of them the lead. */
export function DispatchModal({ open, initial = [], onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { form, busy, error, close, submit } = useModalForm<Values>((v) => onSubmit(bodyOf(v)), onClose);
  const { options, loading, error: loadError } = useAssigneeOptions(open);
  const chosen = Form.useWatch('assignees', form) ?? [];
  const lead = Form.useWatch('lead', form);
  const byKey = new Map(options.map((o) => [o.key, o]));
  const initialKey = initial.join(',');

  useEffect(() => {
    if (open) form.setFieldsValue({ assignees: initial, lead: initial[0], urgency: '' });
  }, [open, initialKey]);
  // The lead must be one of the chosen: follow the list when it changes.
  useEffect(() => {
    if (chosen.length > 0 && (!lead || !chosen.includes(lead))) form.setFieldValue('lead', chosen[0]);
  }, [chosen, lead, form]);

  const detailText = (o: AssigneeOption) =>
    o.kind === 'user' ? t(`roles.${o.detail as Role}`) : label(organisationKindLabels[o.detail as OrganisationKind]);
  const nameOf = (key: string) => byKey.get(key)?.name ?? key;

  const group = (kind: 'user' | 'organisation') =>
    options.filter((o) => o.kind === kind).map((o) => ({ value: o.key, label: `${o.name}（${detailText(o)}）` }));

  return (
    <Modal
      open={open}
      title={t('requests.dispatch.title')}
      okText={t('requests.dispatch.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
      width={640}
    >
      <Form<Values> name="request-dispatch" form={form} layout="vertical" onFinish={submit} initialValues={{ assignees: initial, lead: initial[0], urgency: '' }}>
        <Form.Item
          name="assignees"
          label={t('requests.dispatch.assignees')}
          extra={t('requests.dispatch.assigneesHint')}
          rules={[
            { required: true, message: t('validation.atLeastOne') },
            { type: 'array', max: 5, message: t('requests.dispatch.tooMany') },
          ]}
        >
          <Select<string[]>
            mode="multiple"
            aria-label={t('requests.dispatch.assignees')}
            loading={loading}
            // Typing before the list arrives would search nothing and lose the first pick.
            disabled={loading && options.length === 0}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('requests.dispatch.assigneesPlaceholder')}
            options={[
              { label: t('requests.dispatch.people'), options: group('user') },
              { label: t('requests.dispatch.organisations'), options: group('organisation') },
            ]}
          />
        </Form.Item>
        {chosen.length > 1 && (
          <Form.Item name="lead" label={t('requests.dispatch.lead')} extra={t('requests.dispatch.leadHint')} rules={[{ required: true, message: t('errors.lead_required') }]}>
            <Radio.Group>
              <Space orientation="vertical">
                {chosen.map((key) => (
                  <Radio key={key} value={key}>
                    {nameOf(key)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {chosen.length === 1 && (
          <Typography.Paragraph type="secondary">{t('requests.dispatch.singleLead', { name: nameOf(chosen[0]!) })}</Typography.Paragraph>
        )}
        <Form.Item name="urgency" label={t('requests.fields.urgency')}>
          <Select<Urgency | ''> options={[{ value: '', label: t('requests.dispatch.keepUrgency') }, ...labelOptions(urgencies, urgencyLabels, label)]} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('requests.dispatch.note')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {loadError ? <Alert type="warning" showIcon title={errorText(loadError)} style={{ marginBottom: 8 }} /> : null}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

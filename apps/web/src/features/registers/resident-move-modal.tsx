import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { relationLabels, relations, type Relation, type ResidentDetail } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { HouseholdPicker } from './household-picker.js';
import { residentsApi } from './registers-api.js';

interface Values {
  leaveHousehold?: boolean;
  householdId?: string;
  relation?: Relation;
  onDate?: string;
  note?: string;
}

/** Move a resident to another household (or out of any household); the history keeps where they were. */
export function ResidentMoveModal({ r, open, onClose }: { r: ResidentDetail; open: boolean; onClose: (d?: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const leaving = Form.useWatch('leaveHousehold', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (d?: ResidentDetail) => {
    form.resetFields();
    setError(null);
    onClose(d);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      close(
        await residentsApi.move(r.id, {
          householdId: v.leaveHousehold ? null : v.householdId!,
          relation: v.leaveHousehold ? undefined : v.relation,
          onDate: v.onDate,
          note: v.note?.trim() || undefined,
        }),
      );
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['householdId', 'relation', 'onDate', 'note'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registers.move.title', { name: r.name })}
      okText={t('registers.move.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Form<Values> name="resident-move" form={form} layout="vertical" onFinish={submit} initialValues={{ onDate: today() }} requiredMark={false}>
        {r.householdId && (
          <Form.Item name="leaveHousehold" valuePropName="checked">
            <Checkbox>{t('registers.move.noHousehold')}</Checkbox>
          </Form.Item>
        )}
        {!leaving && (
          <>
            <Form.Item name="householdId" label={t('registers.move.household')} rules={[{ required: true, message: t('validation.required') }]}>
              <HouseholdPicker excludeId={r.householdId ?? undefined} aria-label={t('registers.move.household')} />
            </Form.Item>
            <Form.Item name="relation" label={t('registers.move.relation')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={labelOptions(relations, relationLabels, label)} aria-label={t('registers.move.relation')} />
            </Form.Item>
          </>
        )}
        <Form.Item name="onDate" label={t('registers.move.onDate')}>
          <DateInput past />
        </Form.Item>
        <Form.Item name="note" label={t('registers.move.note')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

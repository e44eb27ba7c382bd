import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput } from '../../console/date-input.js';
import { PlacePicker } from '../places/place-picker.js';
import { householdsApi, type HouseholdDetail } from './registers-api.js';

interface Values {
  dwellingId: string;
  movedInOn?: string;
  note?: string;
}

/** A new household at a dwelling; its members are added next, the first as householder. */
export function HouseholdCreateModal({ open, onClose }: { open: boolean; onClose: (created?: HouseholdDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (created?: HouseholdDetail) => {
    form.resetFields();
    setError(null);
    onClose(created);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await householdsApi.create({ dwellingId: v.dwellingId, movedInOn: v.movedInOn, note: v.note?.trim() || undefined });
      message.success(t('registers.household.create.done'));
      close(created);
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['dwellingId', 'movedInOn', 'note'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registers.household.create.title')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Form<Values> name="household-create" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="dwellingId" label={t('registers.household.create.dwelling')} rules={[{ required: true, message: t('validation.required') }]}>
          <PlacePicker kinds={['dwelling']} aria-label={t('registers.household.create.dwelling')} />
        </Form.Item>
        <Form.Item name="movedInOn" label={t('registers.household.create.movedInOn')}>
          <DateInput past />
        </Form.Item>
        <Form.Item name="note" label={t('registers.household.create.note')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

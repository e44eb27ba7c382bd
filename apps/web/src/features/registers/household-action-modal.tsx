import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { PlacePicker } from '../places/place-picker.js';
import { householdsApi, type HouseholdDetail } from './registers-api.js';

export type HouseholdAction = 'move' | 'moveOut' | 'note';

interface Values {
  dwellingId?: string;
  onDate?: string;
  note?: string;
}

/** Move a whole household to another dwelling, record it moving out, or edit its note. */
export function HouseholdActionModal({
  household,
  action,
  onClose,
}: {
  household: HouseholdDetail;
  action: HouseholdAction | null;
  onClose: (changed?: HouseholdDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (changed?: HouseholdDetail) => {
    form.resetFields();
    setError(null);
    onClose(changed);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const note = v.note?.trim() || undefined;
    try {
      if (action === 'move') close(await householdsApi.move(household.id, { dwellingId: v.dwellingId!, onDate: v.onDate, note }));
      if (action === 'moveOut') close(await householdsApi.moveOut(household.id, { onDate: v.onDate!, note }));
      if (action === 'note') close(await householdsApi.update(household.id, { note: note ?? null }));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['dwellingId', 'onDate', 'note'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const title = action === 'move' ? t('registers.household.move.title') : action === 'moveOut' ? t('registers.household.moveOut.title') : t('registers.household.actions.editNote');

  return (
    <Modal
      open={action !== null}
      title={title}
      okText={t('actions.save')}
      okButtonProps={{ loading: busy, danger: action === 'moveOut' }}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Form<Values>
        key={action ?? 'none'}
        name="household-action"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={action === 'note' ? { note: household.note ?? '' } : { onDate: today() }}
      >
        {action === 'moveOut' && <Typography.Paragraph type="secondary">{t('registers.household.moveOut.hint')}</Typography.Paragraph>}
        {action === 'move' && (
          <Form.Item name="dwellingId" label={t('registers.household.move.dwelling')} rules={[{ required: true, message: t('validation.required') }]}>
            <PlacePicker kinds={['dwelling']} excludeId={household.dwellingId} aria-label={t('registers.household.move.dwelling')} />
          </Form.Item>
        )}
        {action !== 'note' && (
          <Form.Item
            name="onDate"
            label={t(action === 'move' ? 'registers.household.move.onDate' : 'registers.household.moveOut.onDate')}
            rules={[{ required: action === 'moveOut', message: t('validation.required') }]}
          >
            <DateInput past />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('registers.household.note')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { residentsApi } from './registers-api.js';

interface Values {
  event: 'moved_out' | 'deceased';
  onDate: string;
  note?: string;
}

/** Record that a resident moved out of the community or died; the record stays, off the living list. */
export function ResidentLeaveModal({ r, open, onClose }: { r: ResidentDetail; open: boolean; onClose: (d?: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
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
      close(await residentsApi.leave(r.id, { event: v.event, onDate: v.onDate, note: v.note?.trim() || undefined }));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => ['event', 'onDate', 'note'].includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registers.leave.title', { name: r.name })}
      okText={t('registers.leave.submit')}
      okButtonProps={{ loading: busy, danger: true }}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('registers.leave.hint')}</Typography.Paragraph>
      <Form<Values> name="resident-leave" form={form} layout="vertical" onFinish={submit} initialValues={{ event: 'moved_out', onDate: today() }} requiredMark={false}>
        <Form.Item name="event" label={t('registers.leave.event')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group
            options={[
              { value: 'moved_out', label: t('registers.leave.moved_out') },
              { value: 'deceased', label: t('registers.leave.deceased') },
            ]}
          />
        </Form.Item>
        <Form.Item name="onDate" label={t('registers.leave.onDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <DateInput past />
        </Form.Item>
        <Form.Item name="note" label={t('registers.leave.note')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

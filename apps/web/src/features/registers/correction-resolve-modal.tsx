import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { correctionsApi, type CorrectionView } from './registers-api.js';

interface Values {
  status: 'accepted' | 'rejected';
  response: string;
}

/** Accept or reject a resident's correction request, with an answer they will read in the resident app. */
export function CorrectionResolveModal({ item, onClose }: { item: CorrectionView | null; onClose: (done?: CorrectionView) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (done?: CorrectionView) => {
    form.resetFields();
    setError(null);
    onClose(done);
  };

  const submit = async (v: Values) => {
    if (!item) return;
    setBusy(true);
    setError(null);
    try {
      close(await correctionsApi.resolve(item.id, { status: v.status, response: v.response.trim() }));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'status' || n[0] === 'response'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title={item ? t('registers.corrections.handleTitle', { name: item.residentName }) : ''}
      okText={t('actions.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph>
          <Typography.Text strong>{t('registers.corrections.fieldLine', { field: t(`registers.corrections.fields.${item.field}`) })}</Typography.Text>
          {item.message}
        </Typography.Paragraph>
      )}
      <Form<Values> name="correction-resolve" form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'accepted' }} requiredMark={false}>
        <Form.Item name="status" label={t('registers.corrections.decision')}>
          <Radio.Group
            options={[
              { value: 'accepted', label: t('registers.corrections.accept') },
              { value: 'rejected', label: t('registers.corrections.reject') },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('registers.corrections.acceptHint')}</Typography.Paragraph>
        <Form.Item
          name="response"
          label={t('registers.corrections.response')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.tooShort') },
            { max: 1000, message: t('validation.tooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('registers.corrections.responsePlaceholder')} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, formFieldErrors } from '../../api/error-text.js';

interface Props {
  open: boolean;
  title: string;
  hint: string;
  /** The field's label, e.g. 查看用途. */
  label: string;
  placeholder?: string;
  /** Common purposes offered as one-click choices; anything else can be typed. */
  suggestions?: string[];
  submitText: string;
  /** Throws an ApiError when the server refuses; the modal shows it and stays open. */
  onSubmit: (purpose: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Ask why, before personal data is shown or exported in full. The purpose is required (at least 4
 * characters, as the server demands) and goes into the audit log with the action.
 */
export function PurposeModal({ open, title, hint, label, placeholder, suggestions = [], submitText, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ purpose: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };

  const submit = async ({ purpose }: { purpose: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(purpose.trim());
      form.resetFields();
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'purpose'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={submitText}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form name="purpose" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="purpose"
          label={label}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 4, message: t('registers.reveal.purposeMin') },
            { max: 200, message: t('validation.tooLong') },
          ]}
        >
          <Input placeholder={placeholder} maxLength={200} autoFocus />
        </Form.Item>
        {suggestions.length > 0 && (
          // Chips below the field rather than a drop-down that would cover the buttons.
          <Space size={[4, 4]} wrap style={{ marginTop: -8, marginBottom: 8 }}>
            {suggestions.map((s) => (
              <Button key={s} size="small" type="dashed" onClick={() => form.setFields([{ name: 'purpose', value: s, errors: [] }])}>
                {s}
              </Button>
            ))}
          </Space>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

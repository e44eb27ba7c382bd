import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileView } from '@gongzhi/shared';
import { formFieldErrors } from '../../api/error-text.js';
import { PhotoUpload } from './photo-upload.js';
import { useModalForm } from './use-modal-form.js';

export interface ActionValues {
  text?: string;
  public: boolean;
  photos: FileView[];
}

export interface ActionModalConfig {
  title: string;
  okText: string;
  danger?: boolean;
  hint?: string;
  /** The one text field, with the server's own length limits so the form refuses first. */
  text?: { label: string; min: number; max: number; required: boolean; placeholder?: string };
  /** A note can be shown to the resident or kept among staff. */
  publicChoice?: boolean;
  photos?: boolean;
}

interface Props {
  config: ActionModalConfig | null;
  /** Throws when the server refuses; the modal shows it and stays open. */
  onSubmit: (v: ActionValues) => Promise<void>;
  onClose: () => void;
}

/** One modal for the actions that take a reason, a note or a reply (with photos). */
export function ActionModal({ config, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  // Whatever the server calls the text (reason, message, text, note), it is this form's one text field.
  const { form, busy, error, close, submit } = useModalForm<ActionValues>(
    (v) => onSubmit({ ...v, text: v.text?.trim() || undefined, photos: v.photos ?? [] }),
    onClose,
    (e) => formFieldErrors(e, (n) => ['reason', 'message', 'text', 'note'].includes(String(n[0]))).map((f) => ({ ...f, name: 'text' as never })),
  );

  const c = config;
  return (
    <Modal
      open={c !== null}
      title={c?.title}
      okText={c?.okText}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy, danger: c?.danger }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
      width={600}
    >
      {c?.hint && <Typography.Paragraph type="secondary">{c.hint}</Typography.Paragraph>}
      <Form<ActionValues> name="request-action" form={form} layout="vertical" onFinish={submit} initialValues={{ public: true, photos: [] }}>
        {c?.text && (
          <Form.Item
            name="text"
            label={c.text.label}
            rules={[
              { required: c.text.required, whitespace: true, message: t('validation.required') },
              { min: c.text.min, message: t('requests.actions.minChars', { min: c.text.min }) },
              { max: c.text.max, message: t('validation.tooLong') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={c.text.max} showCount placeholder={c.text.placeholder} autoFocus />
          </Form.Item>
        )}
        {c?.publicChoice && (
          <Form.Item name="public" label={t('requests.actions.visibility')}>
            <Radio.Group
              options={[
                { value: true, label: t('requests.actions.publicNote') },
                { value: false, label: t('requests.actions.internalNote') },
              ]}
            />
          </Form.Item>
        )}
        {c?.photos && (
          <Form.Item name="photos" label={t('requests.fields.photos')}>
            <PhotoUpload />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

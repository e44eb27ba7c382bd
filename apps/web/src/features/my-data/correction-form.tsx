import { useState } from 'react';
import { Form, Selector, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { correctionFields } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { SubmitFooter } from '../../resident/feedback.js';
import { myDataApi, type CorrectionField } from './my-data-api.js';

interface Values {
  field: CorrectionField[];
  message: string;
}

/** Ask the community to correct something, right on the page: no pop-up, large choices, one button. */
export function CorrectionForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await myDataApi.askCorrection(v.field[0]!, v.message.trim());
      form.resetFields();
      onSent();
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => n[0] === 'message'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      name="correction"
      layout="vertical"
      requiredMarkStyle="none"
      onFinish={(v: Values) => void submit(v)}
      footer={<SubmitFooter error={error} busy={busy} label={t('resident.myData.correction.submit')} />}
    >
      <Form.Header>{t('resident.myData.correction.title')}</Form.Header>
      <Form.Item
        name="field"
        label={t('resident.myData.correction.field')}
        rules={[{ required: true, type: 'array', min: 1, message: t('resident.myData.correction.pickField') }]}
      >
        <Selector columns={2} options={correctionFields.map((f) => ({ value: f, label: t(`registers.corrections.fields.${f}`) }))} />
      </Form.Item>
      <Form.Item
        name="message"
        label={t('resident.myData.correction.message')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min: 2, message: t('validation.tooShort') },
        ]}
      >
        <TextArea rows={3} maxLength={1000} showCount placeholder={t('resident.myData.correction.placeholder')} />
      </Form.Item>
    </Form>
  );
}

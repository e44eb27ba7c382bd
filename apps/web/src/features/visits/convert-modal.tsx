import { Alert, Checkbox, Form, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { requestKindLabels, requestKinds, urgencies, urgencyLabels, type RequestKind, type Urgency } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import { useModalForm } from '../requests/use-modal-form.js';
import type { ConvertInput, Converted } from './visits-api.js';

interface Values {
  kind: RequestKind;
  urgency?: Urgency;
  anonymous: boolean;
}

interface Props {
  /** The line heard (a visit item or a meeting opinion); null while closed. */
  text: string | null;
  convert: (body: ConvertInput) => Promise<Converted>;
  onClose: (converted?: Converted) => void;
}

/** 转为诉求: a visit item or a meeting opinion becomes a request (its text, place and resident come along). */
export function ConvertModal({ text, convert, onClose }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { form, busy, error, close, submit } = useModalForm<Values, Converted>((v) => convert(v), onClose);
  return (
    <Modal
      open={text !== null}
      title={t('visits.convert.title')}
      okText={t('visits.convert.ok')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
    >
      <Typography.Paragraph className="gz-visit-item-text" style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
        {text}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'help', anonymous: false }} onFinish={submit}>
        <Form.Item name="kind" label={t('visits.convert.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={requestKinds.map((k) => ({ value: k, label: label(requestKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="urgency" label={t('visits.convert.urgency')} extra={t('visits.convert.urgencyHint')}>
          <Select
            allowClear
            aria-label={t('visits.convert.urgency')}
            placeholder={t('visits.convert.urgencyAuto')}
            options={urgencies.map((u) => ({ value: u, label: label(urgencyLabels[u]) }))}
          />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked">
          <Checkbox>{t('visits.convert.anonymous')}</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

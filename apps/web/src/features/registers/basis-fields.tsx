import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { consentBases, consentBasisLabels } from '@gongzhi/shared';
import { labelOptions, useLabel } from '../../i18n/labels.js';

/** The legal basis for sensitive data (PIPL art. 13/28): whose consent, or which duty, with a short account. */
export function BasisFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <>
      <Form.Item name={[...prefix, 'basis']} label={t('registers.tags.basis')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={labelOptions(consentBases, consentBasisLabels, label)} aria-label={t('registers.tags.basis')} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'detail']}
        label={t('registers.tags.detail')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min: 2, message: t('validation.tooShort') },
          { max: 500, message: t('validation.tooLong') },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} placeholder={t('registers.tags.detailPlaceholder')} />
      </Form.Item>
    </>
  );
}

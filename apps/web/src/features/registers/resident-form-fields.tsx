import { AutoComplete, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { genders, genderLabels, parseIdNumber, residencyStatuses, residencyStatusLabels } from '@gongzhi/shared';
import { DateInput } from '../../console/date-input.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';

/** Common ethnic groups first; any other can be typed. Register values stay in Chinese, as on the ID card. */
const ethnicities = ['汉族', '回族', '满族', '蒙古族', '壮族', '土家族', '苗族', '藏族', '维吾尔族', '彝族', '朝鲜族', '侗族', '瑶族', '白族'];

export interface RecordValues {
  name: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  phone?: string;
  ethnicity?: string;
  residencyStatus: (typeof residencyStatuses)[number];
  registeredAddress?: string;
  movedInOn?: string;
  note?: string;
}

/** Check an ID number as typed; the server checks again. */
export const idNumberRule = (message: string) => ({
  validator: (_: unknown, v?: string) => (!v || !v.trim() || parseIdNumber(v.replace(/\s+/g, '')).ok ? Promise.resolve() : Promise.reject(new Error(message))),
});

/**
 * The fields of a resident's record. A valid ID number fills in birth date and gender, which must agree with
 * it. In an edit, the number fields start empty: the masked value is shown as a hint, and blank keeps it.
 */
export function ResidentRecordFields({ form, masked }: { form: FormInstance; masked?: { idNumber: string | null; phone: string | null } }) {
  const { t } = useTranslation();
  const label = useLabel();

  const onIdNumber = (v: string) => {
    const parsed = parseIdNumber(v.replace(/\s+/g, ''));
    if (parsed.ok) form.setFieldsValue({ birthDate: parsed.facts.birthDate, gender: parsed.facts.gender });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="name" label={t('registers.form.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="idNumber"
          label={t('registers.form.idNumber')}
          extra={masked?.idNumber ? t('registers.form.idNumberKeep', { masked: masked.idNumber }) : t('registers.form.idNumberHelp')}
          rules={[idNumberRule(t('registers.form.idNumberInvalid'))]}
        >
          <Input maxLength={20} autoComplete="off" className="gz-mono" onChange={(e) => onIdNumber(e.target.value)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="gender" label={t('registers.form.gender')}>
          <Radio.Group options={labelOptions(genders, genderLabels, label)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="birthDate" label={t('registers.form.birthDate')}>
          <DateInput past />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="phone"
          label={t('registers.form.phone')}
          extra={masked?.phone ? t('registers.form.phoneKeep', { masked: masked.phone }) : undefined}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.phone') }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="ethnicity" label={t('registers.form.ethnicity')} rules={[{ max: 20, message: t('validation.tooLong') }]}>
          <AutoComplete options={ethnicities.map((value) => ({ value }))} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input.trim()) }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="residencyStatus" label={t('registers.form.residency')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={labelOptions(residencyStatuses, residencyStatusLabels, label)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="movedInOn" label={t('registers.form.movedInOn')}>
          <DateInput past />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="registeredAddress" label={t('registers.form.registeredAddress')} rules={[{ max: 200, message: t('validation.tooLong') }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="note" label={t('registers.form.note')} rules={[{ max: 500, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

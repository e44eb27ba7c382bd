import { useState } from 'react';
import { Alert, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  genderLabels,
  genders,
  partyMemberCategories,
  partyMemberCategoryLabels,
  partyMemberStatuses,
  partyReportingLabels,
  partyReportings,
  type PartyMemberView,
} from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput } from '../../console/date-input.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { idNumberRule } from '../registers/resident-form-fields.js';
import { partyMembersApi, type NewPartyMember } from './organisations-api.js';
import { ResidentPicker } from './person-pickers.js';
import { useOrganisations } from './use-organisations.js';

type Values = Omit<NewPartyMember, 'idNumber' | 'phone' | 'gender'> & {
  idNumber?: string;
  phone?: string;
  gender?: 'male' | 'female';
  status?: PartyMemberView['status'];
};

const known = ['partyOrgId', 'residentId', 'name', 'gender', 'idNumber', 'phone', 'joinedOn', 'category', 'reporting', 'employer', 'reportedOn', 'status'];
const blank = (s?: string | null) => (s && s.trim() ? s.trim() : undefined);

/** Add a party member, or edit one: the branch, the category, and dual reporting for employed members. */
export function PartyMemberFormModal({ editing, open, onClose }: { editing: PartyMemberView | null; open: boolean; onClose: (saved?: PartyMemberView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const reporting = Form.useWatch('reporting', form);
  const partyOrgs = useOrganisations({ kind: 'party_org' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = (saved?: PartyMemberView) => {
    form.resetFields();
    setError(null);
    onClose(saved);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const employed = v.reporting === 'employed';
    const body = {
      partyOrgId: v.partyOrgId,
      residentId: v.residentId || undefined,
      name: (v.name ?? '').trim(),
      gender: v.gender ?? null,
      idNumber: blank(v.idNumber)?.replace(/\s+/g, ''),
      phone: blank(v.phone),
      joinedOn: v.joinedOn ?? null,
      category: v.category,
      reporting: v.reporting,
      employer: employed ? (blank(v.employer ?? undefined) ?? null) : null,
      reportedOn: employed ? (v.reportedOn ?? null) : null,
    };
    try {
      close(editing ? await partyMembersApi.update(editing.id, { ...body, status: v.status }) : await partyMembersApi.create(body));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => known.includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const e = editing;
  const initial: Partial<Values> = e
    ? {
        partyOrgId: e.partyOrgId,
        residentId: e.residentId ?? undefined,
        name: e.name,
        gender: e.gender ?? undefined,
        joinedOn: e.joinedOn,
        category: e.category,
        reporting: e.reporting,
        employer: e.employer,
        reportedOn: e.reportedOn,
        status: e.status,
      }
    : { category: 'full', reporting: 'local' };
  const required = [{ required: true, message: t('validation.required') }];

  return (
    <Modal
      open={open}
      title={e ? t('organisations.party.editTitle', { name: e.name }) : t('organisations.party.createTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      width={720}
      destroyOnHidden
    >
      <Form<Values> key={e?.id ?? 'new'} name="party-member-form" form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark="optional">
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="partyOrgId" label={t('organisations.party.org')} rules={required}>
              <Select aria-label={t('organisations.party.org')} showSearch={{ optionFilterProp: 'label' }} loading={partyOrgs.loading} options={partyOrgs.items.map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="residentId" label={t('organisations.party.resident')} extra={t('organisations.party.residentHelp')}>
              <ResidentPicker
                aria-label={t('organisations.party.resident')}
                // Form.Item sets the id; picking a resident also fills in what the register already knows.
                onChange={(_id, r) => r && form.setFieldsValue({ name: r.name, gender: r.gender ?? undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('organisations.party.name')} rules={[...required, { whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="gender" label={t('registers.form.gender')}>
              <Radio.Group options={labelOptions(genders, genderLabels, label)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="idNumber"
              label={t('registers.form.idNumber')}
              extra={e?.idNumberMasked ? t('registers.form.idNumberKeep', { masked: e.idNumberMasked }) : undefined}
              rules={[idNumberRule(t('registers.form.idNumberInvalid'))]}
            >
              <Input maxLength={20} className="gz-mono" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('registers.form.phone')}
              extra={e?.phoneMasked ? t('registers.form.phoneKeep', { masked: e.phoneMasked }) : undefined}
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('validation.phone') }]}
            >
              <Input inputMode="tel" maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="category" label={t('organisations.party.category')} rules={required}>
              <Select options={labelOptions(partyMemberCategories, partyMemberCategoryLabels, label)} aria-label={t('organisations.party.category')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="joinedOn" label={t('organisations.party.joinedOn')}>
              <DateInput past />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="reporting" label={t('organisations.party.reporting')} rules={required}>
              <Select options={labelOptions(partyReportings, partyReportingLabels, label)} aria-label={t('organisations.party.reporting')} />
            </Form.Item>
          </Col>
          {reporting === 'employed' && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="employer" label={t('organisations.party.employer')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="reportedOn" label={t('organisations.party.reportedOn')} rules={required}>
                  <DateInput past />
                </Form.Item>
              </Col>
            </>
          )}
          {e && (
            <Col xs={24} sm={12}>
              <Form.Item name="status" label={t('organisations.party.status')}>
                <Select options={partyMemberStatuses.map((s) => ({ value: s, label: t(`organisations.party.statuses.${s}`) }))} aria-label={t('organisations.party.status')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

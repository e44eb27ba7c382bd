import { useState } from 'react';
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { partyLevelLabels, partyLevels, TERM_YEARS, termKinds, type OrganisationKind, type OrganisationView, type PartyLevel } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput } from '../../console/date-input.js';
import { organisationManagerRoles } from '../../console/module-access.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { CommunityField } from '../places/community-field.js';
import { PlacePicker } from '../places/place-picker.js';
import { useSession } from '../session/session-context.js';
import { organisationsApi } from './organisations-api.js';
import { useOrganisations } from './use-organisations.js';

export type OrganisationFormMode = { kind: 'create'; orgKind: OrganisationKind } | { kind: 'edit'; organisation: OrganisationView };

interface Values {
  communityId?: string;
  name: string;
  partyLevel?: PartyLevel;
  parentId?: string;
  placeId?: string;
  creditCode?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  termStartOn?: string;
  termEndOn?: string;
  dualReportingOn?: string;
  note?: string;
}

const fields = ['communityId', 'name', 'partyLevel', 'parentId', 'placeId', 'creditCode', 'contactName', 'contactPhone', 'address', 'termStartOn', 'termEndOn', 'dualReportingOn', 'note'];
const text = (s?: string) => (s && s.trim() ? s.trim() : null);
const creditKinds: OrganisationKind[] = ['stationed_unit', 'property_company', 'social_org', 'owners_committee'];

/** Create or edit an organisation; the fields follow its kind (party level, 5-year term, credit code …). */
export function OrganisationFormModal({ mode, onClose }: { mode: OrganisationFormMode | null; onClose: (saved?: OrganisationView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = mode?.kind === 'edit' ? mode.organisation : null;
  const orgKind = editing?.kind ?? (mode?.kind === 'create' ? mode.orgKind : 'party_org');
  const party = orgKind === 'party_org';
  const partyOrgs = useOrganisations({ kind: 'party_org' });
  const o = editing;

  const close = (saved?: OrganisationView) => {
    form.resetFields();
    setError(null);
    onClose(saved);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name.trim(),
      partyLevel: party ? (v.partyLevel ?? null) : undefined,
      parentId: party ? (v.parentId ?? null) : undefined,
      placeId: v.placeId ?? null,
      creditCode: text(v.creditCode),
      contactName: text(v.contactName),
      // The phone is shown masked: left blank in an edit, it stays as it is.
      contactPhone: editing && !text(v.contactPhone) ? undefined : text(v.contactPhone),
      address: text(v.address),
      termStartOn: v.termStartOn ?? null,
      termEndOn: v.termEndOn ?? null,
      dualReportingOn: v.dualReportingOn ?? null,
      note: text(v.note),
    };
    try {
      close(editing ? await organisationsApi.update(editing.id, body) : await organisationsApi.create({ ...body, kind: orgKind, communityId: v.communityId! }));
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => fields.includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // An elected committee serves five years: suggest the end of the term from its start.
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.termStartOn && !form.getFieldValue('termEndOn'))
      form.setFieldValue('termEndOn', dayjs(changed.termStartOn).add(TERM_YEARS, 'year').subtract(1, 'day').format('YYYY-MM-DD'));
  };

  const initial: Partial<Values> = o
    ? Object.fromEntries(Object.entries(o).filter(([k, val]) => fields.includes(k) && val !== null))
    : { partyLevel: party ? 'branch' : undefined };

  return (
    <Modal
      open={mode !== null}
      title={editing ? t('organisations.form.editTitle', { name: editing.name }) : t('organisations.form.createTitle', { kind: t(`organisations.kindShort.${orgKind}`) })}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      width={720}
      destroyOnHidden
    >
      <Form<Values> key={o?.id ?? orgKind} name="organisation-form" form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={onValuesChange} requiredMark="optional">
        {!editing && <CommunityField me={me} roles={organisationManagerRoles} />}
        <Row gutter={16}>
          <Col xs={24} sm={party ? 12 : 24}>
            <Form.Item name="name" label={t('organisations.form.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={100} autoFocus />
            </Form.Item>
          </Col>
          {party && (
            <Col xs={24} sm={12}>
              <Form.Item name="partyLevel" label={t('organisations.form.partyLevel')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={labelOptions(partyLevels, partyLevelLabels, label)} aria-label={t('organisations.form.partyLevel')} />
              </Form.Item>
            </Col>
          )}
          {party && (
            <Col span={24}>
              <Form.Item name="parentId" label={t('organisations.form.parent')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  aria-label={t('organisations.form.parent')}
                  options={partyOrgs.items.filter((p) => p.id !== o?.id).map((p) => ({ value: p.id, label: p.name }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="placeId" label={t('organisations.form.place')} extra={t('organisations.form.placeHelp')}>
              <PlacePicker kinds={['community', 'estate']} aria-label={t('organisations.form.place')} />
            </Form.Item>
          </Col>
          {creditKinds.includes(orgKind) && (
            <Col xs={24} sm={12}>
              <Form.Item name="creditCode" label={t('organisations.form.creditCode')} rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('organisations.form.creditCodeInvalid') }]}>
                <Input maxLength={18} className="gz-mono" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('organisations.form.contactName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="contactPhone"
              label={t('organisations.form.contactPhone')}
              extra={o?.contactPhoneMasked ? t('registers.form.phoneKeep', { masked: o.contactPhoneMasked }) : undefined}
              rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('organisations.form.contactPhoneInvalid') }]}
            >
              <Input maxLength={13} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('organisations.form.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {termKinds.includes(orgKind) && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="termStartOn" label={t('organisations.form.termStartOn')} extra={t('organisations.form.termHelp')}>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="termEndOn" label={t('organisations.form.termEndOn')}>
                  <DateInput />
                </Form.Item>
              </Col>
            </>
          )}
          {(orgKind === 'stationed_unit' || party) && (
            <Col xs={24} sm={12}>
              <Form.Item name="dualReportingOn" label={t('organisations.form.dualReportingOn')} extra={t('organisations.form.dualReportingHelp')}>
                <DateInput past />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item name="note" label={t('organisations.form.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

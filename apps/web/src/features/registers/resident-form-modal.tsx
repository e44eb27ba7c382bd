import { useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MINOR_AGE, relationLabels, relations, type ConsentBasis, type Relation, type ResidentDetail } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { registerManagerRoles } from '../../console/module-access.js';
import { labelOptions, useLabel } from '../../i18n/labels.js';
import { CommunityField } from '../places/community-field.js';
import { useSession } from '../session/session-context.js';
import { BasisFields } from './basis-fields.js';
import { HouseholdPicker } from './household-picker.js';
import { residentsApi, type ResidentUpdate } from './registers-api.js';
import { ageOf } from './resident-bits.js';
import { ResidentRecordFields, type RecordValues } from './resident-form-fields.js';

export type ResidentFormMode = { kind: 'create'; householdId?: string } | { kind: 'edit'; resident: ResidentDetail };

interface Values extends RecordValues {
  communityId?: string;
  householdId?: string;
  relation?: Relation;
  minorBasis?: { basis: ConsentBasis; detail: string };
}

const known = ['name', 'idNumber', 'gender', 'birthDate', 'phone', 'ethnicity', 'residencyStatus', 'registeredAddress', 'movedInOn', 'note', 'communityId', 'householdId', 'relation', 'minorBasis'];
const blank = (s?: string | null) => (s && s.trim() ? s.trim() : undefined);

/** Only what changed goes to the server; cleared text becomes null; blank number fields keep the old value. */
function changes(r: ResidentDetail, v: Values): ResidentUpdate {
  const out: Record<string, unknown> = {};
  const text = (k: 'name' | 'ethnicity' | 'registeredAddress' | 'note') => {
    const next = blank(v[k]) ?? null;
    if (next !== (r[k] ?? null)) out[k] = k === 'name' ? next ?? r.name : next;
  };
  (['name', 'ethnicity', 'registeredAddress', 'note'] as const).forEach(text);
  if ((v.gender ?? null) !== r.gender && v.gender) out.gender = v.gender;
  if ((v.birthDate ?? null) !== r.birthDate) out.birthDate = v.birthDate ?? null;
  if ((v.movedInOn ?? null) !== r.movedInOn) out.movedInOn = v.movedInOn ?? null;
  if (v.residencyStatus !== r.residencyStatus) out.residencyStatus = v.residencyStatus;
  if (v.relation && v.relation !== r.relation) out.relation = v.relation;
  if (blank(v.idNumber)) out.idNumber = blank(v.idNumber)!.replace(/\s+/g, '');
  if (blank(v.phone)) out.phone = blank(v.phone);
  return out as ResidentUpdate;
}

/** Register a new resident (in a household or only in the community), or edit one's record. */
export function ResidentFormModal({ mode, onClose }: { mode: ResidentFormMode | null; onClose: (saved?: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const householdId = Form.useWatch('householdId', form);
  const birthDate = Form.useWatch('birthDate', form);
  const editing = mode?.kind === 'edit' ? mode.resident : null;
  const fixedHousehold = mode?.kind === 'create' ? mode.householdId : undefined;
  const inHousehold = editing ? !!editing.householdId : !!(fixedHousehold ?? householdId);
  const age = ageOf(birthDate ?? null);
  const minor = !editing && age !== null && age < MINOR_AGE;

  const initial: Partial<Values> = editing
    ? {
        name: editing.name,
        gender: editing.gender ?? undefined,
        birthDate: editing.birthDate ?? undefined,
        ethnicity: editing.ethnicity ?? undefined,
        residencyStatus: editing.residencyStatus,
        registeredAddress: editing.registeredAddress ?? undefined,
        movedInOn: editing.movedInOn ?? undefined,
        note: editing.note ?? undefined,
        relation: editing.relation ?? undefined,
      }
    : { residencyStatus: 'permanent', householdId: fixedHousehold };

  const close = (saved?: ResidentDetail) => {
    setError(null);
    form.resetFields();
    onClose(saved);
  };

  const submit = async (v: Values) => {
    if (!mode) return;
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        close(await residentsApi.update(editing.id, changes(editing, v)));
        return;
      }
      const hh = fixedHousehold ?? v.householdId;
      const created = await residentsApi.create({
        name: v.name.trim(),
        gender: v.gender,
        birthDate: v.birthDate,
        idNumber: blank(v.idNumber)?.replace(/\s+/g, ''),
        phone: blank(v.phone),
        ethnicity: blank(v.ethnicity),
        residencyStatus: v.residencyStatus,
        registeredAddress: blank(v.registeredAddress),
        movedInOn: v.movedInOn,
        note: blank(v.note),
        ...(hh ? { householdId: hh, relation: v.relation } : { communityId: v.communityId }),
        minorBasis: minor && v.minorBasis ? { basis: v.minorBasis.basis, detail: v.minorBasis.detail.trim() } : undefined,
      });
      close(created);
    } catch (e) {
      const fields = formFieldErrors(e, (n) => known.includes(String(n[0])));
      form.setFields(fields);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={editing ? t('registers.form.editTitle', { name: editing.name }) : t('registers.form.createTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        key={editing?.id ?? 'new'}
        name="resident-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        requiredMark="optional"
      >
        {!editing && !fixedHousehold && (
          <Form.Item name="householdId" label={t('registers.form.household')} extra={t('registers.form.householdHelp')}>
            <HouseholdPicker aria-label={t('registers.form.household')} />
          </Form.Item>
        )}
        {!editing && !inHousehold && <CommunityField me={me} roles={registerManagerRoles} />}
        {inHousehold && (
          <Form.Item
            name="relation"
            label={t('registers.form.relation')}
            rules={[{ required: !editing, message: t('validation.required') }]}
          >
            <Select options={labelOptions(relations, relationLabels, label)} aria-label={t('registers.form.relation')} />
          </Form.Item>
        )}
        <ResidentRecordFields form={form} masked={editing ? { idNumber: editing.idNumberMasked, phone: editing.phoneMasked } : undefined} />
        {minor && (
          <>
            <Typography.Title level={5}>{t('registers.form.minorTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('registers.form.minorHint')}</Typography.Paragraph>
            <BasisFields prefix={['minorBasis']} />
          </>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

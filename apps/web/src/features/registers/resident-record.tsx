import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { genderLabels, relationLabels, residencyStatusLabels, type ResidentDetail, type RevealableField } from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { ageOf, ResidentStatusTag } from './resident-bits.js';
import { residentsApi } from './registers-api.js';
import { RevealField } from './reveal-field.js';

const purposeKeys = ['callback', 'verify', 'benefits', 'visit', 'emergency'] as const;

/** A resident's ID or phone number, revealed through the register's audited reveal. */
function ResidentRevealField({ r, field, fieldLabel, masked }: { r: ResidentDetail; field: RevealableField; fieldLabel: string; masked: string | null }) {
  const { t } = useTranslation();
  return (
    <RevealField
      fieldLabel={fieldLabel}
      masked={masked}
      canReveal={r.canReveal.includes(field)}
      reveal={async (purpose) => (await residentsApi.reveal(r.id, field, purpose)).value}
      purposes={purposeKeys.map((k) => t(`registers.reveal.suggestions.${k}`))}
      testId={`${field}-value`}
    />
  );
}

/** The record as a register keeps it: numbers masked, with a reveal for roles that may ask. */
export function ResidentRecord({ r }: { r: ResidentDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const age = ageOf(r.birthDate);
  const dash = (v: string | null) => v || '—';
  const items = [
    { key: 'name', label: t('registers.resident.name'), children: r.name },
    { key: 'gender', label: t('registers.resident.gender'), children: r.gender ? label(genderLabels[r.gender]) : '—' },
    {
      key: 'birthDate',
      label: t('registers.resident.birthDate'),
      children: r.birthDate ? `${r.birthDate}${age !== null ? t('registers.residents.columns.age', { age }) : ''}` : '—',
    },
    { key: 'ethnicity', label: t('registers.resident.ethnicity'), children: dash(r.ethnicity) },
    {
      key: 'idNumber',
      label: t('registers.resident.idNumber'),
      span: 2,
      children: (
        <ResidentRevealField r={r} field="idNumber" fieldLabel={t('registers.resident.idNumber')} masked={r.idNumberMasked} />
      ),
    },
    {
      key: 'phone',
      label: t('registers.resident.phone'),
      span: 2,
      children: (
        <ResidentRevealField r={r} field="phone" fieldLabel={t('registers.resident.phone')} masked={r.phoneMasked} />
      ),
    },
    { key: 'residency', label: t('registers.resident.residency'), children: label(residencyStatusLabels[r.residencyStatus]) },
    { key: 'status', label: t('registers.resident.status'), children: <ResidentStatusTag status={r.status} /> },
    {
      key: 'address',
      label: t('registers.resident.address'),
      span: 2,
      children: r.householdId ? <Link to={`/console/households/${r.householdId}`}>{r.placeLabel || t('registers.resident.openHousehold')}</Link> : r.placeLabel || t('registers.resident.noHousehold'),
    },
    { key: 'relation', label: t('registers.resident.relation'), children: r.relation ? label(relationLabels[r.relation]) : '—' },
    { key: 'movedInOn', label: t('registers.resident.movedInOn'), children: dash(r.movedInOn) },
    ...(r.movedOutOn ? [{ key: 'movedOutOn', label: t('registers.resident.movedOutOn'), children: r.movedOutOn }] : []),
    ...(r.deceasedOn ? [{ key: 'deceasedOn', label: t('registers.resident.deceasedOn'), children: r.deceasedOn }] : []),
    { key: 'registeredAddress', label: t('registers.resident.registeredAddress'), span: 2, children: dash(r.registeredAddress) },
    {
      key: 'account',
      label: t('registers.resident.account'),
      children: r.hasAccount ? <Tag color="green">{t('registers.resident.hasAccount')}</Tag> : <Tag>{t('registers.resident.noAccount')}</Tag>,
    },
    { key: 'updatedAt', label: t('registers.resident.updatedAt'), children: formatDateTime(r.updatedAt) },
    { key: 'note', label: t('registers.resident.note'), span: 2, children: dash(r.note) },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}

import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { organisationKindLabels, partyLevelLabels, termKinds, type OrganisationView } from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';

/** An organisation's record; only the fields its kind uses. */
export function OrganisationDetails({ o, parentName }: { o: OrganisationView; parentName: string | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  const dash = (v: string | null) => v || '—';
  const items = [
    { key: 'kind', label: t('organisations.detail.kind'), children: label(organisationKindLabels[o.kind]) },
    ...(o.kind === 'party_org'
      ? [
          { key: 'level', label: t('organisations.form.partyLevel'), children: o.partyLevel ? label(partyLevelLabels[o.partyLevel]) : '—' },
          {
            key: 'parent',
            label: t('organisations.form.parent'),
            children: o.parentId ? <Link to={`/console/organisations/${o.parentId}`}>{parentName ?? t('organisations.detail.open')}</Link> : '—',
          },
        ]
      : []),
    { key: 'place', label: t('organisations.form.place'), children: dash(o.placeName) },
    ...(o.creditCode ? [{ key: 'credit', label: t('organisations.form.creditCode'), children: o.creditCode }] : []),
    { key: 'contact', label: t('organisations.form.contactName'), children: dash(o.contactName) },
    { key: 'phone', label: t('organisations.form.contactPhone'), children: dash(o.contactPhoneMasked) },
    { key: 'address', label: t('organisations.form.address'), children: dash(o.address) },
    ...(termKinds.includes(o.kind)
      ? [{ key: 'term', label: t('organisations.columns.term'), children: o.termStartOn ? `${o.termStartOn} ~ ${o.termEndOn ?? ''}` : '—' }]
      : []),
    ...(o.dualReportingOn ? [{ key: 'dual', label: t('organisations.form.dualReportingOn'), children: o.dualReportingOn }] : []),
    {
      key: 'status',
      label: t('organisations.columns.status'),
      children: o.retiredAt ? <Tag>{`${t('organisations.detail.retired')} · ${formatDateTime(o.retiredAt)}`}</Tag> : <Tag color="green">{t('organisations.detail.active')}</Tag>,
    },
    { key: 'note', label: t('organisations.form.note'), span: 2, children: dash(o.note) },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />;
}

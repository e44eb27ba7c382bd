import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import {
  consentBasisLabels,
  genderLabels,
  isSensitiveTag,
  relationLabels,
  residencyStatusLabels,
  residentStatusLabels,
  residentTagInfo,
} from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { consentPurposeText } from '../registers/consent-purpose.js';
import type { MyData } from './my-data-api.js';

/** The record, tags, consents and residence history as the community holds them; numbers masked. */
export function MyRecordSection({ data }: { data: MyData }) {
  const { t } = useTranslation();
  const label = useLabel();
  const r = data.resident;
  const none = t('resident.myData.none');
  const row = (key: string, title: string, value: string | null | undefined) => (
    <List.Item key={key} extra={value || none}>
      {title}
    </List.Item>
  );

  return (
    <>
      <List header={t('resident.myData.record')}>
        {row('name', t('registers.resident.name'), r.name)}
        {row('gender', t('registers.resident.gender'), r.gender && label(genderLabels[r.gender]))}
        {row('birthDate', t('registers.resident.birthDate'), r.birthDate)}
        {row('idNumber', t('registers.resident.idNumber'), r.idNumberMasked)}
        {row('phone', t('registers.resident.phone'), r.phoneMasked)}
        {row('ethnicity', t('registers.resident.ethnicity'), r.ethnicity)}
        {row('residency', t('registers.resident.residency'), label(residencyStatusLabels[r.residencyStatus]))}
        {row('registeredAddress', t('registers.resident.registeredAddress'), r.registeredAddress)}
        {row('address', t('registers.resident.address'), data.household?.placeLabel ?? r.placeLabel)}
        {row('relation', t('registers.resident.relation'), r.relation && label(relationLabels[r.relation]))}
        {row('movedInOn', t('registers.resident.movedInOn'), r.movedInOn)}
        {row('status', t('registers.resident.status'), label(residentStatusLabels[r.status]))}
      </List>
      <List header={t('resident.myData.tags')}>
        {r.tags.length === 0 && <List.Item>{t('resident.myData.noTags')}</List.Item>}
        {r.tags.map((tag) => (
          <List.Item key={tag} description={isSensitiveTag(tag) ? t('resident.myData.sensitiveTag') : undefined}>
            {label(residentTagInfo[tag])}
          </List.Item>
        ))}
      </List>
      <List header={t('resident.myData.consents')}>
        {r.consents.length === 0 && <List.Item>{t('resident.myData.noConsents')}</List.Item>}
        {r.consents.map((c) => (
          <List.Item
            key={c.id}
            description={
              <>
                <div>
                  {t('registers.consents.basisLine', { basis: label(consentBasisLabels[c.basis]), detail: c.detail })}
                </div>
                <div>
                  {t('resident.myData.recordedAt', { time: formatDateTime(c.recordedAt) })}
                  {c.withdrawnAt && ` · ${t('resident.myData.withdrawnAt', { time: formatDateTime(c.withdrawnAt) })}`}
                </div>
              </>
            }
          >
            {consentPurposeText(t, label, c.purpose)}
          </List.Item>
        ))}
      </List>
      <List header={t('resident.myData.history')}>
        {r.history.length === 0 && <List.Item>{t('registers.resident.noHistory')}</List.Item>}
        {[...r.history]
          .sort((a, b) => b.at.localeCompare(a.at))
          .map((h) => (
            <List.Item key={h.id} description={[h.onDate ?? formatDateTime(h.at), h.toPlaceLabel ?? h.fromPlaceLabel].filter(Boolean).join(' · ')}>
              {t(`registers.history.${h.event}`)}
            </List.Item>
          ))}
      </List>
    </>
  );
}

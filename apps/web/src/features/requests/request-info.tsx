import { Descriptions, Space, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ratingLabels, registerViewerRoles, requestChannelLabels, requestKindLabels, type RequestDetail } from '@gongzhi/shared';
import { hasRole } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { RevealField } from '../registers/reveal-field.js';
import { useSession } from '../session/session-context.js';
import { PhotoGallery } from './photo-upload.js';
import { CategoryText, percent } from './request-bits.js';
import { requestsApi } from './requests-api.js';

const purposeKeys = ['callback', 'verify', 'onSite'] as const;

/** The submitter's masked phone; with `can.revealPhone`, the full number after stating a purpose (audited). */
function PhoneField({ d }: { d: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <RevealField
      fieldLabel={t('requests.fields.phone')}
      masked={d.phoneMasked}
      canReveal={d.can.revealPhone}
      reveal={async (purpose) => (await requestsApi.revealPhone(d.id, purpose)).phone}
      purposes={purposeKeys.map((k) => t(`requests.reveal.${k}`))}
      testId="request-phone"
      empty="—"
    />
  );
}

/** What the resident said, who they are, where, and how it was classified and answered. */
export function RequestInfo({ d, lowConfidence }: { d: RequestDetail; lowConfidence: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const name = d.submitterName ?? d.contactName;
  const source = d.categorySource ? t(`requests.category.sources.${d.categorySource}`, { defaultValue: d.categorySource }) : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph className="gz-request-text" style={{ marginBottom: 0 }}>
        {d.text}
      </Typography.Paragraph>
      <PhotoGallery photos={d.photos} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('requests.fields.submitter')}>
          <Space wrap size={4}>
            {d.residentId && hasRole(me, registerViewerRoles) ? <Link to={`/console/residents/${d.residentId}`}>{name ?? t('requests.anonymous')}</Link> : (name ?? t('requests.anonymous'))}
            {d.anonymous && (
              <Tag icon={<LockOutlined />} color="purple">
                {t('requests.fields.anonymous')}
              </Tag>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.phone')}>
          <PhoneField d={d} />
        </Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.place')}>{d.placeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.kind')}>{label(requestKindLabels[d.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.channel')}>{label(requestChannelLabels[d.channel])}</Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.enteredBy')}>{d.enteredByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.category')}>
          <Space wrap size={4}>
            <CategoryText name={d.categoryName} confidence={d.categoryConfidence} source={d.categorySource} lowConfidence={lowConfidence} />
            {d.categorySource === 'model' && d.categoryConfidence !== null && (
              <Typography.Text type="secondary">{t('requests.suggestions.confidence', { value: percent(d.categoryConfidence) })}</Typography.Text>
            )}
            {source && <Tag>{source}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('requests.fields.createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
        {d.replyText && (
          <Descriptions.Item label={t('requests.fields.reply')} span={2}>
            <Typography.Paragraph className="gz-request-text" style={{ marginBottom: 4 }}>
              {d.replyText}
            </Typography.Paragraph>
            {d.repliedAt && <Typography.Text type="secondary">{formatDateTime(d.repliedAt)}</Typography.Text>}
            {d.selfResolved && <Tag style={{ marginInlineStart: 8 }}>{t('requests.fields.selfResolved')}</Tag>}
          </Descriptions.Item>
        )}
        {d.rating && (
          <Descriptions.Item label={t('requests.fields.rating')} span={2}>
            <Space wrap>
              <Tag color={d.rating === 'dissatisfied' ? 'red' : 'green'}>{label(ratingLabels[d.rating])}</Tag>
              {d.resolved !== null && <span>{d.resolved ? t('requests.callback.resolvedYes') : t('requests.callback.resolvedNo')}</span>}
              {d.ratingComment && <Typography.Text>“{d.ratingComment}”</Typography.Text>}
            </Space>
          </Descriptions.Item>
        )}
        {d.objectionCount > 0 && (
          <Descriptions.Item label={t('requests.fields.objections')}>{d.objectionCount}</Descriptions.Item>
        )}
      </Descriptions>
    </Space>
  );
}

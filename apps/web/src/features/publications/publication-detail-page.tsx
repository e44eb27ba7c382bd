import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { disclosureChannelLabels, periodLabel, publicationKindLabels } from '@gongzhi/shared';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { disclosureApi } from '../disclosure/disclosure-api.js';
import { CommentsCard } from './comments-card.js';
import { PublicationActions } from './publication-actions.js';
import { PublicationStatusTag } from './publication-bits.js';

/** One publication (`/console/publications/:id`): its text, trail, fingerprint, actions, objections and questions. */
export default function PublicationDetailPage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { id = '' } = useParams();
  const res = useResource(id, (key) => disclosureApi.get(key));
  const back = { to: '/console/publications', label: t('disclosure.detail.back') };
  if (res.state.status !== 'ready') return <DetailState state={res.state} notFound={t('disclosure.public.notFound')} back={back} />;
  const p = res.state.data;
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{p.title}</span>
            <Tag>{label(publicationKindLabels[p.kind])}</Tag>
            <PublicationStatusTag status={p.status} />
          </Space>
        }
        extra={<Link to={back.to}>{back.label}</Link>}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <PublicationActions p={p} onChanged={res.set} />
          {p.returnNote && p.status === 'draft' ? <Alert type="warning" showIcon title={`${t('disclosure.detail.returnNote')}：${p.returnNote}`} /> : null}
          {p.noticeClosedAt ? <Alert type="success" showIcon title={t('disclosure.detail.closed', { outcome: p.noticeOutcome ?? '' })} /> : null}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('disclosure.detail.author')}>{p.authorName}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.detail.approver')}>{p.approverName ? `${p.approverName} · ${formatDateTime(p.approvedAt!)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.detail.item')}>{p.itemTitle ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.detail.period')}>{p.period ? periodLabel(p.period, locale) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.detail.channels')}>{p.channels.map((c) => label(disclosureChannelLabels[c])).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('disclosure.detail.publishedAt')}>{p.publishedAt ? formatDateTime(p.publishedAt) : '—'}</Descriptions.Item>
            {p.objectionStartsAt && p.objectionEndsAt ? (
              <Descriptions.Item label={t('disclosure.detail.objections')} span={2}>
                {t('disclosure.detail.objectionWindow', { from: formatDateTime(p.objectionStartsAt), to: formatDateTime(p.objectionEndsAt) })}
              </Descriptions.Item>
            ) : null}
            {p.textSha256 ? (
              <Descriptions.Item label={t('disclosure.detail.hash')} span={2}>
                <Typography.Text code copyable data-testid="publication-hash">
                  {p.textSha256}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">{t('disclosure.detail.hashHint')}</Typography.Text>
                </div>
              </Descriptions.Item>
            ) : null}
            {p.supersedesId ? (
              <Descriptions.Item label={t('disclosure.detail.supersedes')} span={2}>
                <Link to={`/console/publications/${p.supersedesId}`}>{p.supersedesId}</Link>
              </Descriptions.Item>
            ) : null}
            {p.supersededById ? (
              <Descriptions.Item label={t('disclosure.detail.supersededBy')} span={2}>
                <Link to={`/console/publications/${p.supersededById}`}>{p.supersededById}</Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{p.body}</Typography.Paragraph>
        </Space>
      </Card>
      {(p.status === 'published' || p.status === 'archived') && (
        <Row gutter={[16, 16]}>
          {p.kind === 'public_notice' && (
            <Col xs={24} lg={12}>
              <CommentsCard p={p} kind="objection" onChanged={res.set} />
            </Col>
          )}
          <Col xs={24} lg={12}>
            <CommentsCard p={p} kind="question" onChanged={res.set} />
          </Col>
        </Row>
      )}
    </Space>
  );
}

import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { topicPhaseLabels, type TopicDetail } from '@gongzhi/shared';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { TopicActions } from './topic-actions.js';
import { TopicStatusTag } from './topic-bits.js';
import { TopicCommentsCard } from './topic-comments-card.js';
import { TopicPermissionsCard } from './topic-permissions-card.js';
import { TopicReportCard } from './topic-report-card.js';
import { TopicTasksCard } from './topic-tasks-card.js';
import { TopicTrail } from './topic-trail.js';
import { topicsApi } from './topics-api.js';

/** The decision as recorded: result, text, where it was taken, and the tally. */
function Decision({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const d = topic.decision;
  if (!d) return null;
  return (
    <Card size="small" title={t('topics.detail.decision')} extra={<Tag color={d.result === 'adopted' ? 'green' : 'red'}>{d.result === 'adopted' ? t('topics.detail.decisionAdopted') : t('topics.detail.decisionRejected')}</Tag>}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.text}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {[
          formatDateTime(d.decidedAt),
          d.meetingRef ?? (d.meetingId ? t('topics.detail.platformMeeting') : null),
          d.forCount !== null ? t('topics.detail.tally', { for: d.forCount, against: d.againstCount ?? 0, abstain: d.abstainCount ?? 0 }) : null,
          d.present !== null ? t('topics.detail.present', { count: d.present }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Card>
  );
}

/** One topic (`/console/deliberation/topics/:id`): facts, staff steps, comments, tasks, report-back and the trail. */
export default function TopicDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id = '' } = useParams();
  const { state, set } = useResource(id, topicsApi.get);

  if (state.status !== 'ready') return <DetailState state={state} notFound={t('topics.detail.notFound')} back={{ to: '/console/deliberation/topics', label: t('topics.detail.back') }} />;

  const topic = state.data;
  const consulted = topic.status !== 'proposed' && topic.status !== 'declined';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/deliberation/topics">{t('topics.detail.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {topic.title}
          </Typography.Title>
          <TopicStatusTag status={topic.status} />
          <Tag>{label(topicPhaseLabels[topic.phase])}</Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('topics.fields.community')}>{topic.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('topics.list.proposer')}>{topic.proposerName}</Descriptions.Item>
          <Descriptions.Item label={t('topics.list.proposedAt')}>{formatDateTime(topic.proposedAt)}</Descriptions.Item>
          {topic.placeLabel && <Descriptions.Item label={t('topics.list.place')}>{topic.placeLabel}</Descriptions.Item>}
          {topic.consultationEndsAt && <Descriptions.Item label={t('topics.fields.consultationEndsAt')}>{formatDateTime(topic.consultationEndsAt)}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{topic.description}</Typography.Paragraph>
        {topic.declineReason && (
          <Typography.Paragraph type="danger">
            {t('topics.fields.declineReason')}：{topic.declineReason}
          </Typography.Paragraph>
        )}
        {topic.can.manage && <TopicActions topic={topic} onSaved={set} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Decision topic={topic} />
            {consulted && <TopicCommentsCard topic={topic} />}
            {(topic.tasks.length > 0 || topic.status === 'decided' || topic.status === 'implementing') && <TopicTasksCard topic={topic} onSaved={set} />}
            <TopicReportCard key={topic.reportBackPublishedAt ?? 'draft'} topic={topic} onSaved={set} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <TopicTrail events={topic.events} />
            {topic.can.manage && (
              <Card size="small" title={t('topics.detail.requests')}>
                {topic.requests.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('topics.detail.noRequests')} />
                ) : (
                  <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                    {topic.requests.map((r) => (
                      <li key={r.id}>
                        <Link to={`/console/requests/${r.id}`} className="gz-mono">
                          {r.number}
                        </Link>{' '}
                        {r.title}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            )}
            <TopicPermissionsCard key={topic.updatedAt} topic={topic} onSaved={set} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { meetingKindLabels } from '@gongzhi/shared';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { useLabel } from '../../i18n/labels.js';
import { MeetingAttendees } from './meeting-attendees.js';
import { MeetingOpinions } from './meeting-opinions.js';
import { shortDateTime } from './visit-bits.js';
import { meetingsApi } from './visits-api.js';
import './visits.css';

/** One consultation meeting (`/console/meetings/:id`): who came, what was said, and which opinions became requests. */
export default function MeetingDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, meetingsApi.get);

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('visits.meetings.notFound')}
        back={{ to: '/console/meetings', label: t('visits.meetings.back') }}
      />
    );

  const m = state.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/meetings">{t('visits.meetings.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
          <Tag>{label(meetingKindLabels[m.kind])}</Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('visits.meetings.heldAt')}>{shortDateTime(m.heldAt)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.meetings.place')}>{m.placeLabel}</Descriptions.Item>
          <Descriptions.Item label={t('visits.meetings.location')}>{m.location ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visits.meetings.host')}>{m.hostName ?? '—'}</Descriptions.Item>
        </Descriptions>
        {m.summary && (
          <>
            <Typography.Text strong>{t('visits.meetings.summary')}</Typography.Text>
            <Typography.Paragraph className="gz-visit-item-text">{m.summary}</Typography.Paragraph>
          </>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <MeetingAttendees meeting={m} onSaved={set} />
        </Col>
        <Col xs={24} lg={14}>
          <MeetingOpinions meeting={m} onSaved={set} reload={reload} />
        </Col>
      </Row>
    </Space>
  );
}

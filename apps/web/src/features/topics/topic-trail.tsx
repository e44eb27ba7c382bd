import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { topicEventLabels, type TopicEvent } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import { formatDateTime } from '../../i18n/format.js';
import { trailFacts } from './trail-text.js';

const colour = (kind: TopicEvent['kind']): string =>
  kind === 'declined' || kind === 'meeting_rejected' ? 'red' : kind === 'meeting_no_quorum' ? 'gray' : kind === 'meeting_decided' || kind === 'report_back_published' ? 'green' : 'blue';

/** Every step of the topic with who and when (议题全过程). */
export function TopicTrail({ events }: { events: TopicEvent[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Card size="small" title={t('topics.trail.title')}>
      <Timeline
        items={events.map((e) => {
          const facts = trailFacts(e, t);
          return {
            key: e.id,
            color: colour(e.kind),
            content: (
              <div>
                <Typography.Text strong>{label(topicEventLabels[e.kind])}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)}
                    {e.actorName ? ` · ${e.actorName}` : ''}
                  </Typography.Text>
                </div>
                {facts && <div>{facts}</div>}
                {e.note && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}

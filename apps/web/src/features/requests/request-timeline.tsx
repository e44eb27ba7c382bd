import { Space, Tag, Timeline, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { requestStatusLabels, stepActionLabels, type RequestDetail, type StepAction } from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { PhotoGallery } from './photo-upload.js';

const stepColor: Partial<Record<StepAction, string>> = {
  submitted: 'blue',
  dispatched: 'blue',
  accepted: 'blue',
  replied: 'green',
  self_resolved: 'green',
  rated: 'green',
  closed: 'gray',
  returned: 'orange',
  objection: 'red',
  escalated: 'red',
  reminded: 'orange',
};

/** Every step: what, who, when, the message and photos; staff-only steps are marked (residents never see them). */
export function RequestTimeline({ steps }: { steps: RequestDetail['steps'] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Timeline
      items={steps.map((s) => ({
        key: s.id,
        color: stepColor[s.action] ?? 'gray',
        content: (
          <div className={s.public ? undefined : 'gz-step-internal'}>
            <Space wrap size={6}>
              <Typography.Text strong>{label(stepActionLabels[s.action])}</Typography.Text>
              {s.fromStatus && s.toStatus && s.fromStatus !== s.toStatus && (
                <Typography.Text type="secondary">
                  {label(requestStatusLabels[s.fromStatus])} → {label(requestStatusLabels[s.toStatus])}
                </Typography.Text>
              )}
              {!s.public && (
                <Tag icon={<LockOutlined />} color="default">
                  {t('requests.timeline.internal')}
                </Tag>
              )}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {s.actorName} · {formatDateTime(s.createdAt)}
              </Typography.Text>
            </div>
            {s.message && <Typography.Paragraph className="gz-request-text" style={{ margin: '4px 0' }}>{s.message}</Typography.Paragraph>}
            <PhotoGallery photos={s.photos} size={64} />
          </div>
        ),
      }))}
    />
  );
}

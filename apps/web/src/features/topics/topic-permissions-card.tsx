import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Collapse, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  participantGroupLabels,
  participantGroups,
  processActionLabels,
  processActions,
  topicPhaseLabels,
  topicPhases,
  type ParticipantGroup,
  type TopicDetail,
  type TopicPermissions,
} from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { topicsApi } from './topics-api.js';

const editableStatuses = ['proposed', 'on_agenda', 'decided', 'implementing', 'reported'];

/** Per phase, per action, which participant groups may act; staff change them for this topic. (Pledging is the covenant's.) */
export function TopicPermissionsCard({ topic, onSaved }: { topic: TopicDetail; onSaved: (t: TopicDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [value, setValue] = useState<TopicPermissions>(topic.permissions);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editable = topic.can.manage && editableStatuses.includes(topic.status);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await topicsApi.permissions(topic.id, value));
      message.success(t('topics.actions.done'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('topics.permissions.title')}>
      <Typography.Paragraph type="secondary">{t('topics.permissions.hint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Collapse
        size="small"
        defaultActiveKey={[topic.phase]}
        items={topicPhases.map((phase) => ({
          key: phase,
          label: label(topicPhaseLabels[phase]),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {processActions.filter((a) => a !== 'pledge').map((action) => (
                <div key={action}>
                  <Typography.Text strong>{label(processActionLabels[action])}</Typography.Text>
                  <Checkbox.Group<ParticipantGroup>
                    aria-label={`${label(topicPhaseLabels[phase])} ${label(processActionLabels[action])}`}
                    disabled={!editable}
                    value={value[phase][action]}
                    onChange={(groups) => setValue((v) => ({ ...v, [phase]: { ...v[phase], [action]: groups } }))}
                    options={participantGroups.map((g) => ({ value: g, label: label(participantGroupLabels[g]) }))}
                    style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
                  />
                </div>
              ))}
            </Space>
          ),
        }))}
      />
      {editable && (
        <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={() => void save()}>
          {t('topics.permissions.save')}
        </Button>
      )}
    </Card>
  );
}

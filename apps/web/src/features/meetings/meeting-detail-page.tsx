import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { deliberationMeetingKindLabels, deliberationMeetingStatusLabels } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { saveFile } from '../../api/save-file.js';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { useLabel } from '../../i18n/labels.js';
import { AttendancePanel } from './attendance-panel.js';
import { MinutesCard } from './minutes-card.js';
import { cst, meetingsApi, type Detail } from './meetings-api.js';
import { MotionsPanel } from './motions-panel.js';
import { SignInDesk } from './sign-in-desk.js';
import { SpeakingQueue } from './speaking-queue.js';

/** One meeting for its chair and desk (`/console/deliberation/meetings/:id`): notice, attendance, speakers, votes, minutes. */
export default function MeetingDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, meetingsApi.get);
  const [error, setError] = useState<unknown>(null);
  const live = state.status === 'ready' && (state.data.status === 'notified' || state.data.status === 'in_session');

  // Phones sign people in while the chair looks at the panel: keep the figures fresh.
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [live, reload]);

  if (state.status !== 'ready')
    return <DetailState state={state} notFound={t('meetings.detail.notFound')} back={{ to: '/console/deliberation/meetings', label: t('meetings.detail.back') }} />;

  const m = state.data;
  const run = async (work: () => Promise<Detail>) => {
    setError(null);
    try {
      set(await work());
      message.success(t('meetings.detail.done'));
    } catch (e) {
      setError(e);
    }
  };
  const download = async () => {
    setError(null);
    try {
      saveFile(await meetingsApi.minutesPdf(m.id));
    } catch (e) {
      setError(e);
    }
  };
  const manage = m.can.manage;
  const inSession = m.status === 'in_session';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/deliberation/meetings">{t('meetings.detail.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
          <Tag>{label(deliberationMeetingKindLabels[m.kind])}</Tag>
          <Tag color={inSession ? 'green' : undefined}>{label(deliberationMeetingStatusLabels[m.status])}</Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('meetings.detail.startsAt')}>{cst(m.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.location')}>{m.location}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.chair')}>{m.chairName}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.detail.recorder')}>{m.recorderName ?? '—'}</Descriptions.Item>
        </Descriptions>
        {manage && (
          <Space wrap>
            {m.status === 'draft' && (
              <Popconfirm title={t('meetings.detail.notifyConfirm')} onConfirm={() => run(() => meetingsApi.step(m.id, 'notify'))}>
                <Button type="primary">{t('meetings.detail.notify')}</Button>
              </Popconfirm>
            )}
            {m.status === 'notified' && (
              <Button type="primary" onClick={() => run(() => meetingsApi.step(m.id, 'open'))}>
                {t('meetings.detail.open')}
              </Button>
            )}
            {inSession && (
              <Popconfirm title={t('meetings.detail.closeConfirm')} onConfirm={() => run(() => meetingsApi.step(m.id, 'close'))}>
                <Button danger>{t('meetings.detail.close')}</Button>
              </Popconfirm>
            )}
            {live && (
              <LinkButton to={`/console/deliberation/meetings/${m.id}/qr`} icon={<QrcodeOutlined />}>
                {t('meetings.detail.qr')}
              </LinkButton>
            )}
            {(inSession || m.status === 'closed') && (
              <Button icon={<DownloadOutlined />} onClick={() => void download()}>
                {t('meetings.detail.pdf')}
              </Button>
            )}
          </Space>
        )}
        {error !== null && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(error)} />}
      </Card>
      <AttendancePanel meeting={m} />
      <Tabs
        items={[
          ...(manage ? [{ key: 'desk', label: t('meetings.detail.tabs.attendance'), children: <SignInDesk meeting={m} onChanged={reload} /> }] : []),
          { key: 'speeches', label: t('meetings.detail.tabs.speeches'), children: <SpeakingQueue meeting={m} onSaved={set} /> },
          { key: 'motions', label: t('meetings.detail.tabs.motions'), children: <MotionsPanel meeting={m} onSaved={set} /> },
          ...(manage ? [{ key: 'minutes', label: t('meetings.detail.tabs.minutes'), children: <MinutesCard meeting={m} onSaved={set} /> }] : []),
          {
            key: 'agenda',
            label: t('meetings.detail.tabs.agenda'),
            children: (
              <ol>
                {m.agenda.map((a) => (
                  <li key={a.id}>{a.title}</li>
                ))}
              </ol>
            ),
          },
        ]}
      />
    </Space>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InviteeView, SpeechView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { meetingsApi, type Detail } from './meetings-api.js';

/** Seconds left of a speech started at `startedAt` with `minutes` allowed; negative once over. */
function useCountdown(startedAt: string | null, minutes: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt ? Math.round((Date.parse(startedAt) + minutes * 60_000 - now) / 1000) : null;
}

const clock = (s: number) => `${Math.floor(Math.abs(s) / 60)}:${String(Math.abs(s) % 60).padStart(2, '0')}`;

/** The chair's speaking order: queue a speaker, start and stop each speech; the server counts turns and refuses one over the limit. */
export function SpeakingQueue({ meeting, onSaved }: { meeting: Detail; onSaved: (d: Detail) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [inviteeId, setInviteeId] = useState<string | undefined>();
  const [name, setName] = useState('');
  const manage = meeting.can.manage && meeting.status === 'in_session';
  const present = useLoaded(`${meeting.id}:${meeting.attendance.present}`, (signal) =>
    manage ? meetingsApi.invitees(meeting.id, { present: 'yes', limit: 500, offset: 0 }, signal) : Promise.resolve({ items: [] as InviteeView[], total: 0 }),
  );
  const speaking = meeting.speeches.find((s) => s.status === 'speaking') ?? null;
  const left = useCountdown(speaking?.startedAt ?? null, meeting.speechMinutes);

  const run = async (work: () => Promise<Detail>) => {
    setError(null);
    try {
      onSaved(await work());
    } catch (e) {
      setError(e);
    }
  };
  const visible = meeting.speeches.filter((s) => s.status !== 'withdrawn');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('meetings.speeches.limit', { minutes: meeting.speechMinutes, turns: meeting.speechTurns })}</Typography.Text>
      {speaking && left !== null && (
        <Alert
          role="timer"
          type={left >= 0 ? 'info' : 'error'}
          showIcon
          title={`${speaking.speakerName} · ${t('meetings.speeches.turn', { n: speaking.turn ?? 1 })}`}
          description={
            <Typography.Title level={2} style={{ margin: 0 }}>
              {left >= 0 ? `${t('meetings.speeches.remaining')} ${clock(left)}` : `${t('meetings.speeches.overtime')} ${clock(left)}`}
            </Typography.Title>
          }
        />
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      {manage && (
        <Space wrap>
          <Select
            showSearch
            allowClear
            optionFilterProp="label"
            aria-label={t('meetings.speeches.queueInvitee')}
            placeholder={t('meetings.speeches.queueInvitee')}
            style={{ width: 220 }}
            value={inviteeId}
            onChange={setInviteeId}
            options={(present.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
          <Input aria-label={t('meetings.speeches.queueName')} placeholder={t('meetings.speeches.queueName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} style={{ width: 180 }} />
          <Button
            disabled={!inviteeId && !name.trim()}
            onClick={() =>
              void run(async () => {
                const d = await meetingsApi.queue(meeting.id, inviteeId ? { inviteeId } : { name: name.trim() });
                setInviteeId(undefined);
                setName('');
                return d;
              })
            }
          >
            {t('meetings.speeches.queue')}
          </Button>
        </Space>
      )}
      <List<SpeechView>
        bordered
        locale={{ emptyText: t('meetings.speeches.empty') }}
        dataSource={visible}
        renderItem={(s) => (
          <List.Item
            actions={
              manage
                ? [
                    s.status === 'queued' && (
                      <Button key="start" type="primary" size="small" disabled={speaking !== null} onClick={() => void run(() => meetingsApi.speech(meeting.id, s.id, 'start'))}>
                        {t('meetings.speeches.start')}
                      </Button>
                    ),
                    s.status === 'speaking' && (
                      <Button key="stop" size="small" onClick={() => void run(() => meetingsApi.speech(meeting.id, s.id, 'stop'))}>
                        {t('meetings.speeches.stop')}
                      </Button>
                    ),
                    s.status === 'queued' && (
                      <Button key="withdraw" size="small" type="text" onClick={() => void run(() => meetingsApi.speech(meeting.id, s.id, 'withdraw'))}>
                        {t('meetings.speeches.withdraw')}
                      </Button>
                    ),
                  ].filter(Boolean)
                : []
            }
          >
            <Space wrap>
              <strong>{s.speakerName}</strong>
              <Tag color={s.status === 'speaking' ? 'green' : undefined}>{t(`meetings.speeches.status.${s.status}`)}</Tag>
              {s.turn !== null && <span>{t('meetings.speeches.turn', { n: s.turn })}</span>}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

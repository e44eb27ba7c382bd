import { useState } from 'react';
import { Alert, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InviteeView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { cst, meetingsApi, type Detail } from './meetings-api.js';

type Presence = 'all' | 'yes' | 'no';
const PAGE = 50;

/**
 * The sign-in desk: find an invitee by name or unit and tick them present (or a household by written proxy);
 * untick a mistake. Before the meeting opens, staff can also add a named person or take someone off the list.
 */
export function SignInDesk({ meeting, onChanged }: { meeting: Detail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [presence, setPresence] = useState<Presence>('all');
  const [page, setPage] = useState(1);
  const [proxy, setProxy] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [guest, setGuest] = useState({ name: '', unit: '' });
  const query = { q: q || undefined, present: presence === 'all' ? undefined : presence, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<InviteeView>(JSON.stringify({ ...query, at: meeting.attendance.present }), (signal) => meetingsApi.invitees(meeting.id, query, signal));
  const open = meeting.status === 'notified' || meeting.status === 'in_session';
  const editable = meeting.status === 'draft' || meeting.status === 'notified';

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      list.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={t('meetings.desk.search')}
          placeholder={t('meetings.desk.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        <Segmented<Presence>
          value={presence}
          onChange={(v) => {
            setPresence(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('meetings.desk.all') },
            { value: 'yes', label: t('meetings.desk.presentOnly') },
            { value: 'no', label: t('meetings.desk.absentOnly') },
          ]}
        />
      </Space>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      <Table<InviteeView>
        rowKey="id"
        size="small"
        aria-label={t('meetings.desk.title')}
        loading={list.loading}
        dataSource={list.items}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('meetings.desk.name'), render: (_: unknown, i) => (i.eligible ? i.name : <Space>{i.name}<Tag>{t('meetings.desk.guest')}</Tag></Space>) },
          { key: 'unit', title: t('meetings.desk.unit'), responsive: ['md'], render: (_: unknown, i) => i.unit ?? '—' },
          {
            key: 'state',
            title: t('meetings.desk.state'),
            render: (_: unknown, i) =>
              i.signedInAt ? (
                <Space wrap>
                  <Tag color="green">{t('meetings.desk.signedIn', { time: cst(i.signedInAt).slice(11) })}</Tag>
                  <span>{i.signInMethod === 'qr' ? t('meetings.desk.byQr') : t('meetings.desk.byDesk')}</span>
                  {i.proxyName && <span>{t('meetings.desk.proxy', { name: i.proxyName })}</span>}
                </Space>
              ) : (
                t('meetings.desk.notSignedIn')
              ),
          },
          {
            key: 'actions',
            title: '',
            render: (_: unknown, i) => (
              <Space wrap>
                {open && !i.signedInAt && (
                  <Button type="primary" size="small" onClick={() => void act(() => meetingsApi.tick(meeting.id, i.id))}>
                    {t('meetings.desk.tick')}
                  </Button>
                )}
                {open && !i.signedInAt && i.source === 'household' && (
                  <Space.Compact size="small">
                    <Input
                      size="small"
                      aria-label={t('meetings.desk.proxyName')}
                      placeholder={t('meetings.desk.proxyName')}
                      value={proxy[i.id] ?? ''}
                      onChange={(e) => setProxy({ ...proxy, [i.id]: e.target.value })}
                      style={{ width: 180 }}
                    />
                    <Button size="small" disabled={!proxy[i.id]?.trim()} onClick={() => void act(() => meetingsApi.tick(meeting.id, i.id, { proxyName: proxy[i.id]!.trim() }))}>
                      {t('meetings.desk.proxyTick')}
                    </Button>
                  </Space.Compact>
                )}
                {open && i.signedInAt && (
                  <Button size="small" onClick={() => void act(() => meetingsApi.untick(meeting.id, i.id))}>
                    {t('meetings.desk.untick')}
                  </Button>
                )}
                {editable && (
                  <Button size="small" type="text" danger onClick={() => void act(() => meetingsApi.removeInvitee(meeting.id, i.id))}>
                    {t('meetings.desk.remove')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editable && (
        <Space wrap aria-label={t('meetings.desk.addTitle')}>
          <Input aria-label={t('meetings.desk.addName')} placeholder={t('meetings.desk.addName')} value={guest.name} onChange={(e) => setGuest({ ...guest, name: e.target.value })} maxLength={60} />
          <Input aria-label={t('meetings.desk.addUnit')} placeholder={t('meetings.desk.addUnit')} value={guest.unit} onChange={(e) => setGuest({ ...guest, unit: e.target.value })} maxLength={200} />
          <Button
            disabled={!guest.name.trim()}
            onClick={() =>
              void act(async () => {
                await meetingsApi.addInvitee(meeting.id, { name: guest.name.trim(), unit: guest.unit.trim() || undefined });
                setGuest({ name: '', unit: '' });
              })
            }
          >
            {t('meetings.desk.add')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { meetingKindLabels, meetingKinds, visitRoles, type MeetingKind, type MeetingSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { MeetingCreateModal } from './meeting-create-modal.js';
import { shortDateTime } from './visit-bits.js';
import { meetingsApi } from './visits-api.js';

const PAGE = 20;
type KindFilter = MeetingKind | 'all';

/** 恳谈会 (`/console/meetings`): consultation meetings, latest first, and a way to record one. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = { kind: kind === 'all' ? undefined : kind, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<MeetingSummary>(JSON.stringify(query), (signal) => meetingsApi.list(query, signal));

  return (
    <Card
      title={t('visits.meetings.pageTitle')}
      extra={
        hasRole(me, visitRoles) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('visits.meetings.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<KindFilter>
          aria-label={t('visits.meetings.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[{ value: 'all' as const, label: t('visits.meetings.allKinds') }, ...meetingKinds.map((k) => ({ value: k, label: label(meetingKindLabels[k]) }))]}
        />
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <Table<MeetingSummary>
          rowKey="id"
          size="middle"
          aria-label={t('visits.meetings.table')}
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: <Empty description={t('visits.meetings.empty')} /> }}
          pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'heldAt', title: t('visits.meetings.heldAt'), width: 150, render: (_: unknown, m) => shortDateTime(m.heldAt) },
            { key: 'kind', title: t('visits.meetings.kind'), width: 110, render: (_: unknown, m) => <Tag>{label(meetingKindLabels[m.kind])}</Tag> },
            { key: 'title', title: t('visits.meetings.title'), render: (_: unknown, m) => <Link to={`/console/meetings/${m.id}`}>{m.title}</Link> },
            { key: 'place', title: t('visits.meetings.place'), responsive: ['md'], render: (_: unknown, m) => [m.placeLabel, m.location].filter(Boolean).join(' · ') },
            { key: 'host', title: t('visits.meetings.host'), width: 100, responsive: ['lg'], render: (_: unknown, m) => m.hostName ?? '—' },
            { key: 'attendees', title: t('visits.meetings.attendeeCount'), width: 80, align: 'right', responsive: ['md'], dataIndex: 'attendeeCount' },
            {
              key: 'opinions',
              title: t('visits.meetings.opinionCount'),
              width: 120,
              responsive: ['sm'],
              render: (_: unknown, m) => t('visits.meetings.opinionsConverted', { count: m.opinionCount, converted: m.convertedCount }),
            },
          ]}
        />
      </Space>
      <MeetingCreateModal
        open={creating}
        onClose={(m) => {
          setCreating(false);
          if (m) {
            message.success(t('visits.meetings.created'));
            navigate(`/console/meetings/${m.id}`);
          }
        }}
      />
    </Card>
  );
}

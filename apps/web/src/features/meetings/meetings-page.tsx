import { useState } from 'react';
import { Alert, Button, Card, Empty, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  deliberationManagerRoles,
  deliberationMeetingKindLabels,
  deliberationMeetingKinds,
  deliberationMeetingStatusLabels,
  type DeliberationMeetingKind,
  type DeliberationMeetingSummary,
} from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { cst, meetingsApi } from './meetings-api.js';
import { MeetingRulesCard } from './meeting-rules-card.js';

const PAGE = 20;
type KindFilter = DeliberationMeetingKind | 'all';

/** 议事会议 (`/console/deliberation/meetings`): formal meetings, latest first. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { me } = useSession();
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState(1);
  const query = { kind: kind === 'all' ? undefined : kind, limit: PAGE, offset: (page - 1) * PAGE };
  // Managers keep their community's quorum rules below the list (one card per community they run meetings in).
  const ruleCommunities = [...new Set((me?.roles ?? []).filter((r) => deliberationManagerRoles.includes(r.role) && r.communityId).map((r) => r.communityId!))];
  const list = usePaged<DeliberationMeetingSummary>(JSON.stringify(query), (signal) => meetingsApi.list(query, signal));

  return (
    <Card
      title={t('meetings.list.pageTitle')}
      extra={
        hasRole(me, deliberationManagerRoles) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/deliberation/meetings/new')}>
            {t('meetings.list.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<KindFilter>
          aria-label={t('meetings.list.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[{ value: 'all' as const, label: t('meetings.list.allKinds') }, ...deliberationMeetingKinds.map((k) => ({ value: k, label: label(deliberationMeetingKindLabels[k]) }))]}
        />
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <Table<DeliberationMeetingSummary>
          rowKey="id"
          size="middle"
          aria-label={t('meetings.list.table')}
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: <Empty description={t('meetings.list.empty')} /> }}
          pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'startsAt', title: t('meetings.list.startsAt'), width: 150, render: (_: unknown, m) => cst(m.startsAt) },
            { key: 'kind', title: t('meetings.list.kind'), width: 160, render: (_: unknown, m) => <Tag>{label(deliberationMeetingKindLabels[m.kind])}</Tag> },
            { key: 'title', title: t('meetings.list.title'), render: (_: unknown, m) => <Link to={`/console/deliberation/meetings/${m.id}`}>{m.title}</Link> },
            { key: 'status', title: t('meetings.list.status'), width: 110, render: (_: unknown, m) => <Tag color={m.status === 'in_session' ? 'green' : undefined}>{label(deliberationMeetingStatusLabels[m.status])}</Tag> },
            { key: 'attendance', title: t('meetings.list.attendance'), width: 110, align: 'right', responsive: ['md'], render: (_: unknown, m) => `${m.presentCount} / ${m.inviteeCount}` },
          ]}
        />
        {ruleCommunities.map((id) => (
          <MeetingRulesCard key={id} communityId={id} />
        ))}
      </Space>
    </Card>
  );
}

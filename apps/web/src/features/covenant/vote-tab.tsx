import { Alert, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  deliberationMeetingKindLabels,
  deliberationMeetingKinds,
  motionResultLabels,
  type DeliberationMeetingKind,
  type VoteView,
} from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { LinkButton } from '../../console/link-button.js';
import type { CovenantTabProps } from './covenant-bits.js';

/** Where staff call meetings and table motions (the meetings module's pages). */
export const meetingsPath = '/console/deliberation/meetings';

const isMeetingKind = (k: string): k is DeliberationMeetingKind => (deliberationMeetingKinds as readonly string[]).includes(k);
const resultColor: Record<VoteView['result'], string> = { adopted: 'success', rejected: 'error', no_quorum: 'warning' };

/**
 * 表决: the votes meetings recorded on this covenant's versions. The vote itself happens in a meeting: staff
 * table a motion there whose subject is the current version; the meeting's result lands here.
 */
export function VoteTab({ c }: CovenantTabProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const current = c.versions.find((v) => v.id === c.currentVersionId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={c.phase === 'vote' ? 'warning' : 'info'}
        showIcon
        title={c.phase === 'vote' ? t('covenant.vote.howTo', { number: current?.number ?? 0 }) : t('covenant.vote.notNow')}
        action={
          c.can.manage && (
            <LinkButton to={meetingsPath} size="small" type={c.phase === 'vote' ? 'primary' : 'default'}>
              {t('covenant.vote.openMeetings')}
            </LinkButton>
          )
        }
      />
      <Table<VoteView>
        rowKey="id"
        size="middle"
        aria-label={t('covenant.vote.table')}
        dataSource={[...c.votes].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('covenant.vote.empty')} /> }}
        columns={[
          { key: 'at', title: t('covenant.vote.decidedAt'), render: (_: unknown, v) => formatDateTime(v.decidedAt) },
          {
            key: 'meeting',
            title: t('covenant.vote.meeting'),
            render: (_: unknown, v) => (
              <Link to={`${meetingsPath}/${encodeURIComponent(v.meetingId)}`}>
                {isMeetingKind(v.meetingKind) ? label(deliberationMeetingKindLabels[v.meetingKind]) : v.meetingKind}
              </Link>
            ),
          },
          { key: 'version', title: t('covenant.review.version'), render: (_: unknown, v) => t('covenant.versions.numbered', { number: v.versionNumber }) },
          { key: 'eligible', title: t('covenant.vote.eligible'), align: 'right', dataIndex: 'eligible' },
          { key: 'present', title: t('covenant.vote.present'), align: 'right', dataIndex: 'present' },
          { key: 'women', title: t('covenant.vote.womenPresent'), align: 'right', dataIndex: 'womenPresent' },
          {
            key: 'tally',
            title: t('covenant.vote.tally'),
            render: (_: unknown, v) => (
              <Typography.Text>{t('covenant.vote.tallyText', { for: v.forCount, against: v.againstCount, abstain: v.abstainCount })}</Typography.Text>
            ),
          },
          {
            key: 'result',
            title: t('covenant.vote.result'),
            render: (_: unknown, v) => <Tag color={resultColor[v.result]}>{label(motionResultLabels[v.result])}</Tag>,
          },
        ]}
      />
    </Space>
  );
}

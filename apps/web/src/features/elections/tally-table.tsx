import { Descriptions, Table, Tag, Typography } from 'antd';
import type { ElectionTally } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';

/** The count: voters, ballots, turnout, quorum, and per post the votes and who is elected. */
export function TallyView({ tally }: { tally: ElectionTally }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('elections.tally.registered')}>{tally.registered}</Descriptions.Item>
        <Descriptions.Item label={t('elections.tally.voted')}>{tally.voted}</Descriptions.Item>
        <Descriptions.Item label={t('elections.tally.cast')}>{tally.ballotsCast}</Descriptions.Item>
        <Descriptions.Item label={t('elections.tally.valid')}>{tally.valid}</Descriptions.Item>
        <Descriptions.Item label={t('elections.tally.invalid')}>{tally.invalid}</Descriptions.Item>
        <Descriptions.Item label={t('elections.tally.turnout')}>{(tally.turnoutBp / 100).toFixed(2)}%</Descriptions.Item>
        <Descriptions.Item label={t('elections.tally.quorum')}>{tally.quorumMet ? t('elections.tally.quorumMet') : t('elections.tally.quorumMissed')}</Descriptions.Item>
      </Descriptions>
      {tally.posts.map((p) => (
        <div key={p.post}>
          <Typography.Title level={5}>
            {t(`elections.post.${p.post}`)} ({p.seats}){p.tie ? ` · ${t('elections.tally.tie')}` : p.unfilled > 0 ? ` · ${t('elections.tally.unfilled', { count: p.unfilled })}` : ''}
          </Typography.Title>
          <Table
            rowKey={(c) => `${c.candidateId ?? ''}${c.name}`}
            size="small"
            pagination={false}
            dataSource={p.candidates}
            columns={[
              { title: '', render: (_, c) => c.name + (c.writeIn ? t('elections.tally.writeIn') : '') },
              { title: '', render: (_, c) => t('elections.tally.votes', { votes: c.votes }) },
              { title: '', render: (_, c) => (c.elected ? <Tag color="green">{t('elections.tally.elected')}</Tag> : null) },
            ]}
          />
        </div>
      ))}
      {tally.furtherRoundNeeded && <Typography.Paragraph type="warning">{t('elections.tally.furtherRound')}</Typography.Paragraph>}
    </>
  );
}

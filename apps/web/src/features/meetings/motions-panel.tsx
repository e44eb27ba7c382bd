import { useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { motionResultLabels, type Ballot, type InviteeView, type MotionView, type VoteChoice } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { meetingsApi, type Detail } from './meetings-api.js';
import { MotionSubjectSelect, type MotionSubject } from './motion-subject-select.js';

/** Motions: table one (named or secret ballot), record named choices or the tellers' counts, close and count. */
export function MotionsPanel({ meeting, onSaved }: { meeting: Detail; onSaved: (d: Detail) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [ballot, setBallot] = useState<Ballot>('named');
  const [subject, setSubject] = useState<MotionSubject | null>(null);
  const manage = meeting.can.manage && meeting.status === 'in_session';

  const run = async (work: () => Promise<Detail>) => {
    setError(null);
    try {
      onSaved(await work());
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      {manage && (
        <Card size="small" title={t('meetings.motions.title')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea aria-label={t('meetings.motions.text')} placeholder={t('meetings.motions.text')} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} autoSize={{ minRows: 2 }} />
            <Space wrap>
              <MotionSubjectSelect communityId={meeting.communityId} kind={meeting.kind} value={subject} onChange={setSubject} />
              <Radio.Group
                aria-label={t('meetings.motions.ballot')}
                value={ballot}
                onChange={(e) => setBallot(e.target.value as Ballot)}
                options={[
                  { value: 'named', label: t('meetings.motions.named') },
                  { value: 'secret', label: t('meetings.motions.secret') },
                ]}
              />
              <Button type="primary" disabled={text.trim().length < 2} onClick={() => void run(() => meetingsApi.table(meeting.id, { text: text.trim(), ballot, ...subject })).then((ok) => ok && (setText(''), setSubject(null)))}>
                {t('meetings.motions.table')}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      {meeting.motions.length === 0 && <Typography.Text type="secondary">{t('meetings.motions.empty')}</Typography.Text>}
      {[...meeting.motions].reverse().map((m) => (
        <MotionCard key={m.id} meeting={meeting} motion={m} manage={manage} run={run} />
      ))}
    </Space>
  );
}

function MotionCard({ meeting, motion, manage, run }: { meeting: Detail; motion: MotionView; manage: boolean; run: (w: () => Promise<Detail>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [counts, setCounts] = useState({ forCount: 0, againstCount: 0, abstainCount: 0 });
  const voting = motion.status === 'voting';
  const result = motion.result;
  return (
    <Card
      size="small"
      title={`${motion.position}. ${motion.text}`}
      extra={
        <Space>
          <Tag>{motion.ballot === 'named' ? t('meetings.motions.named') : t('meetings.motions.secret')}</Tag>
          {result ? <Tag color={result === 'adopted' ? 'green' : result === 'rejected' ? 'red' : 'orange'}>{label(motionResultLabels[result])}</Tag> : <Tag color="blue">{t('meetings.motions.voting')}</Tag>}
        </Space>
      }
    >
      {motion.subjectTitle && <p>{t('meetings.motions.subject', { title: motion.subjectTitle })}</p>}
      {!voting && (
        <p>
          {t('meetings.motions.counts', {
            for: motion.forCount,
            against: motion.againstCount,
            abstain: motion.abstainCount,
            eligible: motion.eligible,
            present: motion.present,
            women: motion.womenPresent,
          })}
        </p>
      )}
      {result === 'no_quorum' && <Typography.Text type="warning">{t('meetings.motions.again')}</Typography.Text>}
      {voting && manage && motion.ballot === 'named' && <NamedVotes meeting={meeting} motion={motion} run={run} />}
      {voting && manage && motion.ballot === 'secret' && (
        <Space wrap>
          {(['forCount', 'againstCount', 'abstainCount'] as const).map((k) => (
            <label key={k}>
              {t(`meetings.motions.${k}`)}{' '}
              <InputNumber aria-label={t(`meetings.motions.${k}`)} min={0} max={100000} value={counts[k]} onChange={(v) => setCounts({ ...counts, [k]: v ?? 0 })} />
            </label>
          ))}
        </Space>
      )}
      {voting && manage && (
        <div style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => void run(() => meetingsApi.closeVote(meeting.id, motion.id, motion.ballot === 'secret' ? counts : {}))}>
            {t('meetings.motions.close')}
          </Button>
        </div>
      )}
    </Card>
  );
}

const VOTERS_PAGE = 50;

/**
 * Each present voter's choice, saved as it is picked (a later pick replaces an earlier one). Pages of 50 with a
 * name search, so a meeting of thousands of households is recorded as easily as one of twenty.
 */
function NamedVotes({ meeting, motion, run }: { meeting: Detail; motion: MotionView; run: (w: () => Promise<Detail>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, VoteChoice>>({});
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const key = `${meeting.id}:${meeting.attendance.present}:${search}:${offset}`;
  const present = usePaged(key, (signal) => meetingsApi.invitees(meeting.id, { present: 'yes', eligible: 'yes', q: search || undefined, limit: VOTERS_PAGE, offset }, signal));
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('meetings.motions.voters')} · {t('meetings.motions.recorded', { count: motion.votesRecorded })}
        </Typography.Text>
        <Input.Search allowClear aria-label={t('meetings.motions.findVoter')} placeholder={t('meetings.motions.findVoter')} onSearch={(v) => (setSearch(v.trim()), setOffset(0))} style={{ width: 220 }} />
      </Space>
      {present.error ? <Alert type="error" showIcon title={errorText(present.error)} /> : null}
      <Table<InviteeView>
        rowKey="id"
        size="small"
        loading={present.loading}
        dataSource={present.items}
        pagination={{ current: offset / VOTERS_PAGE + 1, pageSize: VOTERS_PAGE, total: present.total, onChange: (p) => setOffset((p - 1) * VOTERS_PAGE), showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'name', title: t('meetings.desk.name'), dataIndex: 'name' },
          {
            key: 'choice',
            title: t('meetings.motions.ballot'),
            render: (_: unknown, i) => (
              <Radio.Group
                aria-label={i.name}
                value={chosen[i.id]}
                onChange={(e) => {
                  const choice = e.target.value as VoteChoice;
                  void run(() => meetingsApi.votes(meeting.id, motion.id, { votes: [{ inviteeId: i.id, choice }] })).then((ok) => ok && setChosen({ ...chosen, [i.id]: choice }));
                }}
                options={(['for', 'against', 'abstain'] as const).map((c) => ({ value: c, label: t(`meetings.motions.choice.${c}`) }))}
              />
            ),
          },
        ]}
      />
    </>
  );
}

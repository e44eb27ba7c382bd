import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { electionPosts, type BallotChoice, type CandidateView, type ElectionDetail, type ElectionPost } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { electionsApi, type BatchView } from './elections-api.js';
import { useAction } from './use-action.js';

/**
 * The polling station (voting: a voter signs the roll and takes a paper ballot) and the tellers' desk (counting:
 * open a batch, enter its ballots one by one), with the box as it stands: random ids and marks, no voter.
 */
export function CountTab({ e, onChanged }: { e: ElectionDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const voters = useLoaded(`voters-${e.id}`, (s) => electionsApi.voters(e.id, s));
  const candidates = useLoaded(`candidates-${e.id}`, (s) => electionsApi.candidates(e.id, s));
  const batches = useLoaded(`batches-${e.id}-${e.phase}`, (s) => electionsApi.batches(e.id, s));
  const box = useLoaded(`box-${e.id}-${e.phase}-${e.counts.ballots}`, (s) => (e.phase === 'counting' || e.phase === 'published' || e.phase === 'terms_recorded' ? electionsApi.ballots(e.id, s) : Promise.resolve({ items: [], total: 0 })));
  const refresh = () => {
    voters.reload();
    batches.reload();
    box.reload();
    onChanged();
  };
  const issue = useAction(refresh);
  const open = useAction(refresh);
  const [issued, setIssued] = useState<string | null>(null);
  const voterOptions = (voters.data?.items ?? []).filter((v) => !v.removedAt && !v.voted).map((v) => ({ value: v.id, label: `${v.name}${v.buildingName ? `（${v.buildingName}）` : ''}` }));
  const current = (batches.data?.items ?? []).find((b) => b.entered < b.ballotCount);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {e.phase === 'voting' && (
        <Form<{ voterId: string; byProxy: boolean }>
          layout="inline"
          initialValues={{ byProxy: false }}
          onFinish={(v) => {
            const name = voterOptions.find((o) => o.value === v.voterId)?.label ?? '';
            void issue.run(() => electionsApi.issuePaper(e.id, v.voterId, v.byProxy)).then((ok) => ok && setIssued(t('elections.console.issued', { name })));
          }}
        >
          {issue.error !== null && <Alert type="error" showIcon title={errorText(issue.error)} />}
          <Form.Item name="voterId" label={t('elections.console.candidateVoter')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 240 }} options={voterOptions} />
          </Form.Item>
          <Form.Item name="byProxy" valuePropName="checked">
            <Checkbox>{t('elections.console.byProxy')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={issue.busy}>
            {t('elections.console.issuePaper')}
          </Button>
          {issued && <Typography.Text role="status">{issued}</Typography.Text>}
        </Form>
      )}
      {e.phase === 'counting' && (
        <Form<{ label: string; ballotCount: number }> layout="inline" onFinish={(v) => void open.run(() => electionsApi.openBatch(e.id, v.label, v.ballotCount))}>
          {open.error !== null && <Alert type="error" showIcon title={errorText(open.error)} />}
          <Form.Item name="label" label={t('elections.console.batchLabel')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="ballotCount" label={t('elections.console.batchCount')} rules={[{ required: true }]}>
            <InputNumber min={1} max={5000} />
          </Form.Item>
          <Button htmlType="submit" loading={open.busy}>
            {t('elections.console.openBatch')}
          </Button>
        </Form>
      )}
      <Table<BatchView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={batches.data?.items ?? []}
        columns={[
          { title: t('elections.console.batchLabel'), dataIndex: 'label' },
          { title: '', render: (_, b) => t('elections.console.entered', { entered: b.entered, count: b.ballotCount }) },
          { title: t('elections.console.tellers'), dataIndex: 'tellerName' },
        ]}
      />
      {e.phase === 'counting' && current && <BallotEntry key={`${current.id}-${current.entered}`} e={e} batch={current} candidates={candidates.data?.items ?? []} onDone={refresh} />}
      {box.data && box.data.total > 0 && (
        <>
          <Typography.Title level={5}>{t('elections.console.ballots')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={box.data.items}
            columns={[
              { title: 'id', dataIndex: 'id', render: (id: string) => <Typography.Text code>{id.slice(0, 8)}</Typography.Text> },
              { title: '', render: (_, b) => (b.valid ? null : <Tag color="red">{t('elections.console.invalid')}</Tag>) },
              { title: '', render: (_, b) => marksText(b.choices, candidates.data?.items ?? [], (p) => t(`elections.post.${p}`)) },
            ]}
          />
        </>
      )}
    </Space>
  );
}

const marksText = (choices: BallotChoice[], candidates: CandidateView[], post: (p: ElectionPost) => string) =>
  choices.map((c) => `${post(c.post)}：${[...c.candidateIds.map((id) => candidates.find((k) => k.id === id)?.name ?? '?'), ...c.writeIns].join('、')}`).join('；');

function BallotEntry({ e, batch, candidates, onDone }: { e: ElectionDetail; batch: BatchView; candidates: CandidateView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const act = useAction(onDone);
  const [invalid, setInvalid] = useState(false);
  const [marks, setMarks] = useState<Record<string, string[]>>({});
  const [writeIns, setWriteIns] = useState<Record<string, string>>({});
  const posts = electionPosts.filter((p) => e.seats[p] > 0);
  const choices: BallotChoice[] = posts.map((p) => ({ post: p, candidateIds: marks[p] ?? [], writeIns: writeIns[p]?.trim() ? [writeIns[p]!.trim()] : [] }));
  return (
    <section aria-label={t('elections.console.enterBallot')}>
      <Typography.Title level={5}>
        {batch.label} · {t('elections.console.entered', { entered: batch.entered, count: batch.ballotCount })}
      </Typography.Title>
      {act.error !== null && <Alert type="error" showIcon title={errorText(act.error)} />}
      <Space orientation="vertical">
        <Checkbox checked={invalid} onChange={(ev) => setInvalid(ev.target.checked)}>
          {t('elections.console.invalid')}
        </Checkbox>
        {!invalid &&
          posts.map((p) => (
            <fieldset key={p} className="gz-election-post">
              <legend>{t(`elections.post.${p}`)}</legend>
              <Checkbox.Group
                value={marks[p] ?? []}
                onChange={(v) => setMarks({ ...marks, [p]: v as string[] })}
                options={candidates.filter((c) => c.post === p).map((c) => ({ value: c.id, label: c.name }))}
              />
              <Input aria-label={`${t(`elections.post.${p}`)} ${t('elections.console.writeIn')}`} placeholder={t('elections.console.writeIn')} value={writeIns[p] ?? ''} onChange={(ev) => setWriteIns({ ...writeIns, [p]: ev.target.value })} style={{ width: 200 }} />
            </fieldset>
          ))}
        <Button type="primary" loading={act.busy} onClick={() => void act.run(() => electionsApi.enterBallot(e.id, batch.id, !invalid, invalid ? [] : choices))}>
          {t('elections.console.enterBallot')}
        </Button>
      </Space>
    </section>
  );
}

import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ElectionDetail, ObjectionView, VoterView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { electionsApi } from './elections-api.js';
import { ResidentSelect } from './resident-select.js';
import { useAction } from './use-action.js';

/** The voter register (build, register on application, remove, representative) and the objections to it. */
export function VotersTab({ e, onChanged }: { e: ElectionDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const voters = useLoaded(`voters-${e.id}`, (s) => electionsApi.voters(e.id, s));
  const objections = useLoaded(`objections-${e.id}`, (s) => electionsApi.objections(e.id, s));
  const refresh = () => {
    voters.reload();
    objections.reload();
    onChanged();
  };
  const act = useAction(refresh);
  const [built, setBuilt] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; reason: string } | null>(null);
  const open = e.phase === 'registration' || e.phase === 'list_notice' || e.phase === 'candidates';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {act.error !== null && <Alert type="error" showIcon title={errorText(act.error)} />}
      {e.phase === 'registration' && (
        <Space wrap>
          <Button
            type="primary"
            loading={act.busy}
            onClick={() =>
              void act.run(async () => {
                const r = await electionsApi.build(e.id);
                setBuilt(t('elections.console.built', { added: r.added, skipped: r.skippedNoBirthDate, already: r.alreadyRegistered }));
              })
            }
          >
            {t('elections.console.build')}
          </Button>
          {built && <Typography.Text role="status">{built}</Typography.Text>}
        </Space>
      )}
      {e.phase === 'registration' && <AddVoterForm id={e.id} communityId={e.communityId} onDone={refresh} />}
      <Table<VoterView>
        rowKey="id"
        size="small"
        loading={voters.loading}
        dataSource={voters.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('elections.console.candidateVoter'), dataIndex: 'name' },
          { title: t('elections.console.building'), render: (_, v) => v.buildingName ?? '—' },
          { title: t('elections.console.addBasis'), render: (_, v) => t(`elections.basis.${v.basis}`) + (v.basisNote ? `（${v.basisNote}）` : '') },
          {
            title: '',
            render: (_, v) => (
              <Space wrap>
                {v.representative && <Tag color="blue">{t('elections.console.representative')}</Tag>}
                {v.voted && <Tag color="green">{t('elections.console.voted')}</Tag>}
                {v.removedAt && <Tag color="red">{t('elections.console.removed', { reason: v.removedReason ?? '' })}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, v) =>
              open && !v.removedAt ? (
                removing?.id === v.id ? (
                  <Space.Compact>
                    <Input aria-label={t('elections.console.removeReason')} placeholder={t('elections.console.removeReason')} value={removing.reason} onChange={(ev) => setRemoving({ id: v.id, reason: ev.target.value })} />
                    <Button danger onClick={() => void act.run(() => electionsApi.removeVoter(e.id, v.id, removing.reason)).then((ok) => ok && setRemoving(null))}>
                      {t('actions.ok')}
                    </Button>
                  </Space.Compact>
                ) : (
                  <Space>
                    <Button size="small" onClick={() => setRemoving({ id: v.id, reason: '' })}>
                      {t('elections.console.remove')}
                    </Button>
                    {e.votingUnit === 'household' && v.householdId && !v.representative && (
                      <Button size="small" onClick={() => void act.run(() => electionsApi.setRepresentative(e.id, v.id))}>
                        {t('elections.console.makeRepresentative')}
                      </Button>
                    )}
                  </Space>
                )
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5}>{t('elections.console.tabs.objections')}</Typography.Title>
      <Table<ObjectionView>
        rowKey="id"
        size="small"
        dataSource={objections.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('elections.my.objectKind'), render: (_, o) => t(`elections.objectionKind.${o.kind}`) },
          { title: t('elections.my.subjectName'), dataIndex: 'subjectName' },
          { title: t('elections.my.reason'), dataIndex: 'reason' },
          { title: '', dataIndex: 'filerName' },
          {
            title: '',
            render: (_, o) =>
              o.status === 'open' ? <AnswerBox id={e.id} o={o} voters={(voters.data?.items ?? []).filter((v) => !v.removedAt)} onDone={refresh} /> : `${t(`elections.objectionStatus.${o.status}`)}：${o.answer ?? ''}`,
          },
        ]}
      />
    </Space>
  );
}

/**
 * Answer one objection. Residents name a person, not a record: accepting a wrong inclusion asks which voter to
 * remove (preselected when exactly one current voter has the name given); an omission of someone the objection did
 * not link to a resident is accepted and then registered with the form above.
 */
function AnswerBox({ id, o, voters, onDone }: { id: string; o: ObjectionView; voters: VoterView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const namesakes = voters.filter((v) => v.name === o.subjectName);
  // The list may arrive after this box: the namesake is a default worked out on each render until the clerk picks.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const voterId = picked === undefined ? (o.subjectVoterId ?? (namesakes.length === 1 ? namesakes[0]!.id : undefined)) : (picked ?? undefined);
  const act = useAction(onDone);
  const pickVoter = o.kind === 'wrong_inclusion' && !o.subjectVoterId;
  return (
    <Space orientation="vertical">
      {act.error !== null && <Alert type="error" showIcon title={errorText(act.error)} />}
      {pickVoter && (
        <Select
          showSearch
          allowClear
          style={{ minWidth: 220 }}
          aria-label={t('elections.console.objectionVoter')}
          placeholder={t('elections.console.objectionVoter')}
          optionFilterProp="label"
          value={voterId}
          onChange={(v?: string) => setPicked(v ?? null)}
          options={voters.map((v) => ({ value: v.id, label: v.buildingName ? `${v.name}（${v.buildingName}）` : v.name }))}
        />
      )}
      {o.kind === 'omission' && !o.subjectResidentId && <Typography.Text type="secondary">{t('elections.console.objectionOmissionHint')}</Typography.Text>}
      <Input.TextArea aria-label={t('elections.console.answer')} placeholder={t('elections.console.answer')} value={answer} onChange={(ev) => setAnswer(ev.target.value)} rows={2} />
      <Space>
        <Button type="primary" size="small" disabled={pickVoter && !voterId} onClick={() => void act.run(() => electionsApi.answer(id, o.id, true, answer, pickVoter ? voterId : undefined))}>
          {t('elections.console.accept')}
        </Button>
        <Button size="small" onClick={() => void act.run(() => electionsApi.answer(id, o.id, false, answer))}>
          {t('elections.console.reject')}
        </Button>
      </Space>
    </Space>
  );
}

interface AddValues {
  basis: 'residence_application' | 'community_worker';
  personId: string;
  basisNote: string;
  workingSince?: string;
}

function AddVoterForm({ id, communityId, onDone }: { id: string; communityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const act = useAction(onDone);
  const [form] = Form.useForm<AddValues>();
  const basis = Form.useWatch('basis', form);
  const submit = (v: AddValues) =>
    void act.run(() =>
      electionsApi.addVoter(id, {
        basis: v.basis,
        ...(v.basis === 'community_worker' ? { userId: v.personId, workingSince: v.workingSince } : { residentId: v.personId }),
        basisNote: v.basisNote,
      }),
    );
  return (
    <Form<AddValues> form={form} layout="inline" initialValues={{ basis: 'residence_application' }} onFinish={submit}>
      {act.error !== null && <Alert type="error" showIcon title={errorText(act.error)} />}
      <Form.Item name="basis" label={t('elections.console.addBasis')}>
        <Select style={{ width: 240 }} options={(['residence_application', 'community_worker'] as const).map((b) => ({ value: b, label: t(`elections.basis.${b}`) }))} />
      </Form.Item>
      <Form.Item name="personId" label={basis === 'community_worker' ? t('elections.console.userId') : t('elections.console.residentId')} rules={[{ required: true }]}>
        {basis === 'community_worker' ? <Input /> : <ResidentSelect communityId={communityId} />}
      </Form.Item>
      <Form.Item name="basisNote" label={t('elections.console.basisNote')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      {basis === 'community_worker' && (
        <Form.Item name="workingSince" label={t('elections.console.workingSince')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={act.busy}>
        {t('elections.console.addVoter')}
      </Button>
    </Form>
  );
}

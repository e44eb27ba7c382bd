import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { electionPosts, type CandidateView, type ElectionDetail, type ElectionPost, type ProxyView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { electionsApi } from './elections-api.js';
import { useAction } from './use-action.js';

/** Candidates per post (from the registered voters) and written proxies. */
export function CandidatesTab({ e, onChanged }: { e: ElectionDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const candidates = useLoaded(`candidates-${e.id}`, (s) => electionsApi.candidates(e.id, s));
  const proxies = useLoaded(`proxies-${e.id}`, (s) => electionsApi.proxies(e.id, s));
  const voters = useLoaded(`voters-${e.id}`, (s) => electionsApi.voters(e.id, s));
  const refresh = () => {
    candidates.reload();
    proxies.reload();
    onChanged();
  };
  const addCandidate = useAction(refresh);
  const addProxy = useAction(refresh);
  const voterOptions = (voters.data?.items ?? []).filter((v) => !v.removedAt).map((v) => ({ value: v.id, label: `${v.name}${v.buildingName ? `（${v.buildingName}）` : ''}` }));
  const posts = electionPosts.filter((p) => e.seats[p] > 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {e.phase === 'candidates' && (
        <Form<{ post: ElectionPost; voterId: string; statement: string }> layout="inline" initialValues={{ post: 'chair' }} onFinish={(v) => void addCandidate.run(() => electionsApi.addCandidate(e.id, v))}>
          {addCandidate.error !== null && <Alert type="error" showIcon title={errorText(addCandidate.error)} />}
          <Form.Item name="post" label={t('elections.console.postLabel')}>
            <Select style={{ width: 120 }} options={posts.map((p) => ({ value: p, label: t(`elections.post.${p}`) }))} />
          </Form.Item>
          <Form.Item name="voterId" label={t('elections.console.candidateVoter')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 220 }} options={voterOptions} />
          </Form.Item>
          <Form.Item name="statement" label={t('elections.console.statement')} rules={[{ required: true }]}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={addCandidate.busy}>
            {t('elections.console.addCandidate')}
          </Button>
        </Form>
      )}
      <Table<CandidateView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={candidates.data?.items ?? []}
        columns={[
          { title: '', render: (_, c) => <Tag>{t(`elections.post.${c.post}`)}</Tag> },
          { title: t('elections.console.candidateVoter'), dataIndex: 'name' },
          { title: t('elections.console.statement'), dataIndex: 'statement' },
        ]}
      />
      <Typography.Title level={5}>{t('elections.console.tabs.proxies')}</Typography.Title>
      {(e.phase === 'candidates' || e.phase === 'voting') && (
        <Form<{ grantorVoterId: string; holderVoterId: string; reference: string }> layout="inline" onFinish={(v) => void addProxy.run(() => electionsApi.addProxy(e.id, v))}>
          {addProxy.error !== null && <Alert type="error" showIcon title={errorText(addProxy.error)} />}
          <Form.Item name="grantorVoterId" label={t('elections.console.grantor')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 200 }} options={voterOptions} />
          </Form.Item>
          <Form.Item name="holderVoterId" label={t('elections.console.holder')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 200 }} options={voterOptions} />
          </Form.Item>
          <Form.Item name="reference" label={t('elections.console.reference')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Button htmlType="submit" loading={addProxy.busy}>
            {t('elections.console.addProxy')}
          </Button>
        </Form>
      )}
      <Table<ProxyView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={proxies.data?.items ?? []}
        columns={[
          { title: t('elections.console.grantor'), dataIndex: 'grantorName' },
          { title: t('elections.console.holder'), dataIndex: 'holderName' },
          { title: t('elections.console.reference'), dataIndex: 'reference' },
          { title: '', render: (_, p) => (p.used ? <Tag color="green">{t('elections.console.proxyUsed')}</Tag> : null) },
        ]}
      />
    </Space>
  );
}

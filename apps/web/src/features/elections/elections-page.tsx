import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { electionManagerRoles, type ElectionSummary, type VotingUnit } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { useSession } from '../session/session-context.js';
import { electionsApi } from './elections-api.js';

interface FormValues {
  communityId: string;
  title: string;
  votingUnit: VotingUnit;
  electionDay: string;
  votingOpensAt: string;
  votingClosesAt: string;
  noticeDays: number;
  vice: number;
  members: number;
  committee: string;
  tellers: string[];
}

/** 换届选举 (`/console/elections`): the elections of my communities, and a new one. */
export default function ElectionsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useLoaded('elections', (signal) => electionsApi.list(signal));
  const manager = hasRole(me, electionManagerRoles);
  const communities = (me?.roles ?? []).filter((r) => r.placeKind === 'community' && electionManagerRoles.includes(r.role));

  const create = async (v: FormValues) => {
    setError(null);
    try {
      const lines = v.committee.split('\n').map((s) => s.trim()).filter(Boolean);
      const e = await electionsApi.create({
        communityId: v.communityId,
        title: v.title,
        votingUnit: v.votingUnit,
        electionDay: v.electionDay,
        votingOpensAt: new Date(v.votingOpensAt).toISOString(),
        votingClosesAt: new Date(v.votingClosesAt).toISOString(),
        noticeDays: v.noticeDays,
        seats: { chair: 1, vice_chair: v.vice, member: v.members },
        committee: lines.map((name, i) => ({ name, chair: i === 0 })),
        tellerUserIds: v.tellers,
      });
      void message.success(t('elections.console.saved'));
      navigate(`/console/elections/${e.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card
      title={t('elections.console.title')}
      extra={
        manager &&
        !creating && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('elections.console.new')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {creating && (
          <Card size="small" title={t('elections.console.new')}>
            {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
            <Form<FormValues>
              layout="vertical"
              onFinish={(v) => void create(v)}
              initialValues={{ communityId: communities[0]?.placeId, votingUnit: 'person', noticeDays: 20, vice: 1, members: 3, tellers: me?.id ? [me.id] : [] }}
            >
              <Form.Item name="communityId" label={t('elections.console.form.community')} rules={[{ required: true }]}>
                <Select options={communities.map((c) => ({ value: c.placeId, label: c.placeName }))} />
              </Form.Item>
              <Form.Item name="title" label={t('elections.console.form.title')} rules={[{ required: true }]}>
                <Input maxLength={120} />
              </Form.Item>
              <Form.Item name="votingUnit" label={t('elections.console.form.unit')}>
                <Select options={(['person', 'household'] as const).map((u) => ({ value: u, label: t(`elections.unit.${u}`) }))} />
              </Form.Item>
              <Space wrap>
                <Form.Item name="electionDay" label={t('elections.console.form.day')} rules={[{ required: true }]}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="votingOpensAt" label={t('elections.console.form.opens')} rules={[{ required: true }]}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Form.Item name="votingClosesAt" label={t('elections.console.form.closes')} rules={[{ required: true }]}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Form.Item name="noticeDays" label={t('elections.console.form.noticeDays')}>
                  <InputNumber min={1} max={60} />
                </Form.Item>
                <Form.Item name="vice" label={t('elections.console.form.vice')}>
                  <InputNumber min={0} max={5} />
                </Form.Item>
                <Form.Item name="members" label={t('elections.console.form.members')}>
                  <InputNumber min={0} max={15} />
                </Form.Item>
              </Space>
              <Form.Item name="committee" label={t('elections.console.form.committee')} rules={[{ required: true }]}>
                <Input.TextArea rows={4} />
              </Form.Item>
              <Form.Item noStyle dependencies={['communityId']}>
                {({ getFieldValue }) => <TellersField communityId={getFieldValue('communityId') as string | undefined} />}
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('elections.console.form.create')}
                </Button>
                <Button onClick={() => setCreating(false)}>{t('actions.cancel')}</Button>
              </Space>
            </Form>
          </Card>
        )}
        {list.error !== null && <Alert type="error" showIcon title={errorText(list.error)} />}
        <Table<ElectionSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('elections.console.empty')} /> }}
          columns={[
            { title: t('elections.console.columns.title'), render: (_, e) => <Link to={`/console/elections/${e.id}`}>{e.title}</Link> },
            { title: t('elections.console.columns.community'), dataIndex: 'communityName' },
            { title: t('elections.console.columns.day'), dataIndex: 'electionDay' },
            { title: t('elections.console.columns.unit'), render: (_, e) => t(`elections.unit.${e.votingUnit}`) },
            { title: t('elections.console.columns.phase'), render: (_, e) => <Tag>{t(`elections.phase.${e.phase}`)}</Tag> },
          ]}
        />
      </Space>
    </Card>
  );
}

/** Tellers are chosen from the community office's staff accounts, the ones the server accepts. */
function TellersField({ communityId }: { communityId: string | undefined }) {
  const { t } = useTranslation();
  const options = useLoaded(`tellers-${communityId ?? ''}`, (signal) => (communityId ? electionsApi.tellerOptions(communityId, signal) : Promise.resolve({ items: [] })));
  return (
    <Form.Item name="tellers" label={t('elections.console.form.tellers')} rules={[{ required: true, type: 'array', min: 1 }]}>
      <Select
        mode="multiple"
        loading={options.loading}
        optionFilterProp="label"
        options={(options.data?.items ?? []).map((o) => ({ value: o.userId, label: o.displayName }))}
      />
    </Form.Item>
  );
}

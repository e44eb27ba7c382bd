import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Steps, Tabs } from 'antd';
import { electionPhases, type ElectionDetail } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../i18n/format.js';
import { CandidatesTab } from './election-candidates-tab.js';
import { CountTab } from './election-count-tab.js';
import { ResultTab } from './election-result-tab.js';
import { VotersTab } from './election-voters-tab.js';
import { electionsApi } from './elections-api.js';

/** One election (`/console/elections/:id`): its phases as steps, the next step, and a tab per piece of work. */
export default function ElectionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, electionsApiDetail);
  if (state.status === 'loading') return <Spin />;
  if (state.status === 'not-found') return <Alert type="warning" showIcon title={t('notFound.title')} />;
  if (state.status === 'failed') return <Alert type="error" showIcon title={errorText(state.error)} />;
  const e = state.data;
  return (
    <Card title={e.title}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Steps size="small" current={electionPhases.indexOf(e.phase)} items={electionPhases.map((p) => ({ title: t(`elections.phase.${p}`) }))} />
        <NextStep e={e} onChanged={set} />
        <Tabs
          items={[
            { key: 'overview', label: t('elections.console.tabs.overview'), children: <Overview e={e} /> },
            { key: 'voters', label: t('elections.console.tabs.voters'), children: <VotersTab e={e} onChanged={reload} /> },
            { key: 'candidates', label: t('elections.console.tabs.candidates'), children: <CandidatesTab e={e} onChanged={reload} /> },
            { key: 'count', label: t('elections.console.tabs.count'), children: <CountTab e={e} onChanged={reload} /> },
            { key: 'result', label: t('elections.console.tabs.result'), children: <ResultTab e={e} onChanged={reload} /> },
          ]}
        />
      </Space>
    </Card>
  );
}

const electionsApiDetail = (id: string) => electionsApi.detail(id);

function NextStep({ e, onChanged }: { e: ElectionDetail; onChanged: (e: ElectionDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Publishing and recording terms are their own actions (on the result tab).
  if (!e.nextPhase || e.nextPhase === 'published' || e.nextPhase === 'terms_recorded') return null;
  const next = e.nextPhase;
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await electionsApi.advance(e.id, next));
      void message.success(t('elections.console.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical">
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      <Button type="primary" loading={busy} onClick={() => void go()}>
        {t('elections.console.next', { phase: t(`elections.phase.${next}`) })}
      </Button>
    </Space>
  );
}

function Overview({ e }: { e: ElectionDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('elections.console.columns.community')}>{e.communityName}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.columns.unit')}>{t(`elections.unit.${e.votingUnit}`)}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.columns.day')}>{e.electionDay}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.form.opens')}>{formatDateTime(e.votingOpensAt)}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.form.closes')}>{formatDateTime(e.votingClosesAt)}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.form.noticeDays')}>{e.noticeDays}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.committee')}>{e.committee.map((m) => m.name + (m.chair ? t('elections.console.chair') : '')).join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('elections.console.tellers')}>{e.tellers.map((m) => m.name).join('、')}</Descriptions.Item>
      <Descriptions.Item label="#">
        {t('elections.console.counts', { voters: e.counts.voters, units: e.counts.units, voted: e.counts.voted, ballots: e.counts.ballots, open: e.counts.openObjections })}
      </Descriptions.Item>
    </Descriptions>
  );
}

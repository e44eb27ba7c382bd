import { Card, Descriptions, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { CovenantPhase } from '@gongzhi/shared';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { PhaseTag, dayOf } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';
import { ConsultationTab } from './consultation-tab.js';
import { FilingTab } from './filing-tab.js';
import { OpinionsTab } from './opinions-tab.js';
import { PhaseStepper } from './phase-stepper.js';
import { PhasesTab } from './phases-tab.js';
import { PledgesTab } from './pledges-tab.js';
import { ReviewTab } from './review-tab.js';
import { TextTab } from './text-tab.js';
import { VoteTab } from './vote-tab.js';
import './covenant.css';

const tabKeys = ['phases', 'opinions', 'text', 'consultation', 'review', 'vote', 'filing', 'pledges'] as const;
type TabKey = (typeof tabKeys)[number];

/** The tab where the work of each phase is done: the page opens there unless the address names another. */
const tabOfPhase: Record<CovenantPhase, TabKey> = {
  opinion_collection: 'opinions',
  drafting: 'text',
  consultation: 'consultation',
  revision: 'text',
  legality_review: 'review',
  vote: 'vote',
  filing: 'filing',
  publication: 'filing',
  pledging: 'pledges',
};

const isTab = (v: string | null): v is TabKey => (tabKeys as readonly (string | null)[]).includes(v);

/** One covenant (`/console/covenants/:id`): the phase stepper and a tab per kind of work. */
export default function CovenantDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { state, set, reload } = useResource(id, covenantApi.get);

  if (state.status !== 'ready')
    return (
      <DetailState
        state={state}
        notFound={t('covenant.detail.notFound')}
        notFoundHint={t('covenant.detail.notFoundHint')}
        back={{ to: '/console/covenants', label: t('covenant.detail.back') }}
      />
    );

  const c = state.data;
  const asked = params.get('tab');
  const tab: TabKey = isTab(asked) ? asked : tabOfPhase[c.phase];
  const current = c.versions.find((v) => v.id === c.currentVersionId);
  const tabProps = { c, onSaved: set, reload };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/covenants">{t('covenant.detail.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.title}
          </Typography.Title>
          <PhaseTag phase={c.phase} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('covenant.list.community')}>{c.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('covenant.detail.currentVersion')}>
            {current ? t('covenant.versions.numbered', { number: current.number }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('covenant.detail.counts')}>
            {t('covenant.detail.countsText', c.counts)}
          </Descriptions.Item>
          <Descriptions.Item label={t('covenant.list.published')}>{c.publishedAt ? dayOf(c.publishedAt) : '—'}</Descriptions.Item>
        </Descriptions>
        <PhaseStepper
          c={c}
          onSaved={(next) => {
            set(next);
            // A new phase opens on the tab where its work is done.
            setParams({}, { replace: true });
          }}
        />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'phases', label: t('covenant.tabs.phases'), children: <PhasesTab {...tabProps} /> },
            { key: 'opinions', label: t('covenant.tabs.opinions'), children: <OpinionsTab {...tabProps} /> },
            { key: 'text', label: t('covenant.tabs.text'), children: <TextTab {...tabProps} /> },
            { key: 'consultation', label: t('covenant.tabs.consultation'), children: <ConsultationTab {...tabProps} /> },
            { key: 'review', label: t('covenant.tabs.review'), children: <ReviewTab {...tabProps} /> },
            { key: 'vote', label: t('covenant.tabs.vote'), children: <VoteTab {...tabProps} /> },
            { key: 'filing', label: t('covenant.tabs.filing'), children: <FilingTab {...tabProps} /> },
            { key: 'pledges', label: t('covenant.tabs.pledges'), children: <PledgesTab {...tabProps} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

import { useState } from 'react';
import { Button, NavBar } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { topicStatusLabels } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLabel } from '../../i18n/labels.js';
import { ChoiceGroup } from '../my-requests/choice-group.js';
import { formatDate } from '../my-requests/format-date.js';
import { GrowingListState, useGrowingList } from '../my-requests/use-growing-list.js';
import { topicTone } from './topic-tone.js';
import { topicsApi } from './topics-api.js';
import '../my-requests/my-requests.css';
import '../my-requests/request-controls.css';
import './topics-resident.css';

const PAGE = 20;
type Which = 'all' | 'mine';

function TopicList({ which }: { which: Which }) {
  const { t } = useTranslation();
  const label = useLabel();
  const list = useGrowingList((offset) => topicsApi.list({ limit: PAGE, offset, ...(which === 'mine' ? { mine: 'true' as const } : {}) }));
  return (
    <>
      <GrowingListState
        items={list.items}
        error={list.error}
        empty={
          <section className="resident-card" role="status">
            <p>{t('topics.resident.empty')}</p>
          </section>
        }
      />
      {list.items && list.items.length > 0 && (
        <ul className="gz-requests" aria-label={t('topics.resident.listTitle')}>
          {list.items.map((r) => (
            <li key={r.id}>
              <Link to={`/m/topics/${r.id}`} className="gz-request-row">
                <span className="gz-request-title">{r.title}</span>
                <span className={`gz-status gz-status-${topicTone(r.status)}`}>{label(topicStatusLabels[r.status])}</span>
                <span className="gz-request-line">{t('topics.comments.countsLine', r.counts)}</span>
                <span className="gz-request-meta">
                  <span>{r.proposerName}</span>
                  <span>{formatDate(r.proposedAt)}</span>
                  {r.consultationEndsAt && r.status === 'on_agenda' && <span>{t('topics.resident.endsAt', { date: formatDate(r.consultationEndsAt) })}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <div className="resident-actions">
          <Button block loading={list.busy} onClick={list.more}>
            {t('myRequests.list.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

/** 社区议题 (`/m/topics`): what the community is deliberating, my own proposals, and a way to propose one. */
export default function ResidentTopicsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [which, setWhich] = useState<Which>('all');
  return (
    <div className="resident-page gz-topics">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('topics.resident.listTitle')}
      </NavBar>
      <div className="gz-topics-switch">
        <ChoiceGroup<Which>
          value={which}
          onChange={setWhich}
          label={t('topics.resident.listTitle')}
          columns={2}
          options={[
            { value: 'all', label: t('topics.resident.listTitle') },
            { value: 'mine', label: t('topics.resident.mine') },
          ]}
        />
      </div>
      <div className="resident-actions">
        <Button block color="primary" size="large" onClick={() => navigate('/m/topics/new')}>
          <AddOutline aria-hidden /> {t('topics.resident.propose')}
        </Button>
      </div>
      <TopicList key={which} which={which} />
    </div>
  );
}

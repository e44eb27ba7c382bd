import { Button, NavBar } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { requestStatusLabels } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLabel } from '../../i18n/labels.js';
import { formatDate } from './format-date.js';
import { myRequestsApi } from './my-requests-api.js';
import { statusTone } from './status-tone.js';
import { GrowingListState, useGrowingList } from './use-growing-list.js';
import './my-requests.css';

/** 我的诉求: what I reported, newest first, each with its number, date and where it stands in plain words. */
export default function MyRequestsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const list = useGrowingList((offset) => myRequestsApi.list(offset));
  const newButton = (
    <div className="resident-actions">
      <Button block color="primary" size="large" onClick={() => navigate('/m/requests/new')}>
        <AddOutline aria-hidden /> {t('myRequests.entry.new')}
      </Button>
    </div>
  );

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('myRequests.list.title')}
      </NavBar>
      <GrowingListState
        items={list.items}
        error={list.error}
        empty={
          <>
            <section className="resident-card" role="status">
              <h2>{t('myRequests.list.empty')}</h2>
              <p>{t('myRequests.list.emptyHint')}</p>
            </section>
            {newButton}
          </>
        }
      />
      {list.items !== null && list.items.length > 0 && (
        <>
          {newButton}
          <ul className="gz-requests" aria-label={t('myRequests.list.title')}>
            {list.items.map((r) => (
              <li key={r.id}>
                <Link to={`/m/requests/${r.id}`} className="gz-request-row">
                  <span className="gz-request-title">{r.title}</span>
                  <span className={`gz-status gz-status-${statusTone(r.status)}`}>{label(requestStatusLabels[r.status])}</span>
                  <span className="gz-request-line">{label(requestStatusLabels[r.status].resident)}</span>
                  <span className="gz-request-meta">
                    <span className="gz-mono">{t('myRequests.list.number', { number: r.number })}</span>
                    <span>{t('myRequests.list.submittedOn', { date: formatDate(r.createdAt) })}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {list.hasMore && (
            <div className="resident-actions">
              <Button block loading={list.busy} onClick={list.more}>
                {t('myRequests.list.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { myElectionsApi } from '../elections/elections-api.js';
import '../my-requests/my-requests.css';
import './my-elections.css';

/** 换届选举 (`/m/elections`): the elections of my community whose voter list is posted. */
export default function MyElectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useLoaded('my-elections', (signal) => myElectionsApi.list(signal));
  const items = list.data?.items ?? [];
  return (
    <div className="resident-page gz-elections">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('elections.my.listTitle')}
      </NavBar>
      {list.loading && !list.data && (
        <div className="gz-page-loading" role="status">
          {t('states.loading')}
        </div>
      )}
      {list.error ? (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(list.error)}
        </div>
      ) : null}
      {list.data && items.length === 0 && (
        <section className="resident-card" role="status">
          <p>{t('elections.my.empty')}</p>
        </section>
      )}
      {items.length > 0 && (
        <ul className="gz-requests" aria-label={t('elections.my.listTitle')}>
          {items.map((e) => (
            <li key={e.id}>
              <Link to={`/m/elections/${e.id}`} className="gz-request-row">
                <span className="gz-request-title">{e.title}</span>
                <span className="gz-status gz-status-working">{t(`elections.phase.${e.phase}`)}</span>
                <span className="gz-request-meta">
                  <span>{e.communityName}</span>
                  <span>{t('elections.portal.electionDay', { date: e.electionDay })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

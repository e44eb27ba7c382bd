import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDate } from '../my-requests/format-date.js';
import { GrowingListState } from '../my-requests/use-growing-list.js';
import { myCovenantApi, type CovenantSummary } from './my-covenant-api.js';
import { usePhaseLine } from './phase-banner.js';
import './my-covenant.css';

/** 居民公约: the covenants of my community, each with where it stands and until when. */
export default function CovenantListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error } = useLoaded('covenants', () => myCovenantApi.list());

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('myCovenant.list.title')}
      </NavBar>
      <section className="resident-card">
        <p>{t('myCovenant.list.intro')}</p>
      </section>
      <GrowingListState
        items={data?.items ?? null}
        error={error}
        empty={
          <section className="resident-card" role="status">
            <h2>{t('myCovenant.list.empty')}</h2>
            <p>{t('myCovenant.list.emptyHint')}</p>
          </section>
        }
      />
      {data && data.items.length > 0 && (
        <ul className="gz-covenants" aria-label={t('myCovenant.list.title')}>
          {data.items.map((c) => (
            <li key={c.id}>
              <CovenantRow c={c} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One covenant, with its phase and until when. */
function CovenantRow({ c }: { c: CovenantSummary }) {
  const { t } = useTranslation();
  const phaseLine = usePhaseLine();
  const line = phaseLine(c);
  return (
    <Link to={`/m/covenants/${c.id}`} className="gz-covenant-row">
      <span className="gz-covenant-title">{c.title}</span>
      <span className={`gz-phase-tag gz-phase-${c.phase}`}>{line}</span>
      <span className="gz-covenant-meta">
        <span>{c.communityName}</span>
        {c.publishedAt ? (
          <span>{t('myCovenant.list.publishedOn', { date: formatDate(c.publishedAt) })}</span>
        ) : (
          <span>{t('myCovenant.list.startedOn', { date: formatDate(c.createdAt) })}</span>
        )}
      </span>
    </Link>
  );
}

import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { disclosureCategoryLabels, publicationKindLabels } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { formatDate } from '../my-requests/format-date.js';
import { disclosureApi } from '../disclosure/disclosure-api.js';
import '../my-requests/my-requests.css';

/** 社区公开 (`/m/publications`): what the community published to the resident app, newest first. */
export default function ResidentPublicationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const feed = useLoaded('feed', (signal) => disclosureApi.feed(signal));
  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('disclosure.resident.title')}
      </NavBar>
      {feed.error ? (
        <section className="resident-card" role="alert">
          <p>{errorText(feed.error)}</p>
        </section>
      ) : feed.loading && !feed.data ? (
        <section className="resident-card" role="status">
          <p>…</p>
        </section>
      ) : (feed.data?.items.length ?? 0) === 0 ? (
        <section className="resident-card" role="status">
          <p>{t('disclosure.resident.empty')}</p>
        </section>
      ) : (
        <ul className="gz-requests" aria-label={t('disclosure.resident.title')}>
          {feed.data!.items.map((p) => (
            <li key={p.id}>
              <Link to={`/m/publications/${p.id}`} className="gz-request-row">
                <span className="gz-request-title">{p.title}</span>
                {p.objectionOpen && <span className="gz-status gz-status-waiting">{t('disclosure.resident.objectionOpen')}</span>}
                <span className="gz-request-meta">
                  <span>{label(publicationKindLabels[p.kind])}</span>
                  {p.category && <span>{label(disclosureCategoryLabels[p.category])}</span>}
                  {p.publishedAt && <span>{formatDate(p.publishedAt)}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

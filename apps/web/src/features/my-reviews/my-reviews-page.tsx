import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDate } from '../my-requests/format-date.js';
import { myReviewsApi } from '../reviews/reviews-api.js';
import '../my-requests/my-requests.css';
import './my-reviews.css';

/** 民主评议 (`/m/reviews`): the rounds a representative is asked to rate, and those already returned. */
export default function MyReviewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useLoaded('my-reviews', (signal) => myReviewsApi.list(signal));
  const items = list.data?.items ?? [];
  return (
    <div className="resident-page gz-reviews">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('reviews.my.listTitle')}
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
          <p>{t('reviews.my.empty')}</p>
        </section>
      )}
      {items.length > 0 && (
        <ul className="gz-requests" aria-label={t('reviews.my.listTitle')}>
          {items.map((r) => (
            <li key={r.id}>
              <Link to={`/m/reviews/${r.id}`} className="gz-request-row">
                <span className="gz-request-title">{r.title}</span>
                <span className={`gz-status gz-status-${r.returned ? 'done' : r.canRate ? 'working' : 'ended'}`}>
                  {r.returned ? t('reviews.my.returned') : r.canRate ? t('reviews.my.toDo') : t('reviews.my.ended')}
                </span>
                <span className="gz-request-meta">
                  <span>{r.communityName}</span>
                  <span>{r.period}</span>
                  <span>{t('reviews.my.closesAt', { date: formatDate(r.closesAt) })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useResource } from '../api/use-resource.js';
import { formatDate } from '../features/my-requests/format-date.js';
import { publicReviewsApi } from '../features/reviews/reviews-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import './review-page.css';

/** /communities/:communityId/reviews: a community's published democratic reviews, open to anyone. */
export function PortalReviewsPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const { state } = useResource(communityId, publicReviewsApi.ofCommunity);
  useDocumentTitle(state.status === 'ready' ? t('reviews.portal.of', { name: state.data.communityName }) : t('reviews.portal.title'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('notFound.description')}</p>
        <Link to="/">{t('reviews.portal.back')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  const { communityName, items } = state.data;
  return (
    <section className="portal-section portal-reviews" aria-labelledby="portal-reviews-title">
      <p>
        <Link to="/">{t('reviews.portal.back')}</Link>
      </p>
      <h1 id="portal-reviews-title">{t('reviews.portal.of', { name: communityName })}</h1>
      {items.length === 0 ? (
        <p className="portal-empty">{t('reviews.portal.empty')}</p>
      ) : (
        <ul className="portal-review-list">
          {items.map((r) => (
            <li key={r.id}>
              <Link to={`/reviews/${r.id}`}>{r.title}</Link>
              <span className="portal-muted">
                {r.period} · {t('reviews.portal.publishedAt', { date: formatDate(r.publishedAt) })}
              </span>
              {r.flagged > 0 && <span className="portal-review-flag">{t('reviews.portal.flagged', { count: r.flagged })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

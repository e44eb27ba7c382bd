import { reviewLevels, type ReviewResults } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useResource } from '../api/use-resource.js';
import { formatDate } from '../features/my-requests/format-date.js';
import { levelColour, percent, useLevelLabel, usePostLabel } from '../features/reviews/review-format.js';
import { publicReviewsApi } from '../features/reviews/reviews-api.js';
import { SharesChart } from '../features/reviews/shares-chart.js';
import { useDocumentTitle } from '../use-document-title.js';
import './review-page.css';

/** /reviews/:id: a published review's results for anyone: counts, shares, result and flag; no rater, names masked. */
export function PortalReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useResource(id, publicReviewsApi.get);
  useDocumentTitle(state.status === 'ready' ? `${state.data.round.title} · ${t('appName')}` : t('reviews.portal.title'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('reviews.portal.notFound')}</p>
        <Link to="/">{t('reviews.portal.back')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  return <Results r={state.data} />;
}

function Results({ r }: { r: ReviewResults }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const postLabel = usePostLabel();
  const { round, subjects, previousRound } = r;
  return (
    <article className="portal-section portal-reviews" aria-labelledby="portal-review-title">
      <p>
        <Link to={`/communities/${round.communityId}/reviews`}>{t('reviews.portal.of', { name: round.communityName })}</Link>
      </p>
      <h1 id="portal-review-title">{round.title}</h1>
      <p className="portal-muted">
        {round.period} · {round.publishedAt && t('reviews.portal.publishedAt', { date: formatDate(round.publishedAt) })}
      </p>
      <p>{t('reviews.portal.turnout', round.turnout)}</p>
      <p className="portal-muted">{t('reviews.portal.namesMasked')}</p>
      <p className="portal-muted">{t('reviews.results.rule')}</p>
      <p className="portal-review-note">
        {previousRound ? t('reviews.results.flagNote', { previous: previousRound.title }) : t('reviews.results.flagNoteNoPrevious')}
      </p>
      <SharesChart subjects={subjects} />
      <ul className="portal-review-subjects" aria-label={t('reviews.results.title')}>
        {subjects.map((s) => (
          <li key={s.id} className={s.flagged ? 'portal-review-flagged' : undefined}>
            <h2>
              {s.name}
              <span className="portal-muted"> {s.kind === 'member' ? postLabel(s) : t('reviews.detail.service')}</span>
            </h2>
            <p className="portal-review-result">
              {t('reviews.results.result')}：
              <strong style={{ color: s.result ? levelColour[s.result] : undefined }}>{s.result ? levelLabel(s.kind, s.result) : t('reviews.results.none')}</strong>
              {s.flagged && <span className="portal-review-flag">{t('reviews.results.flag')}</span>}
            </p>
            <table>
              <caption className="portal-muted">
                {t('reviews.results.rated')} {s.rated}
              </caption>
              <tbody>
                {reviewLevels.map((l) => (
                  <tr key={l}>
                    <th scope="row">{levelLabel(s.kind, l)}</th>
                    <td>{s.counts[l]}</td>
                    <td>{percent(s.shares[l])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {s.comments.length > 0 && (
              <details>
                <summary>{t('reviews.results.comments', { count: s.comments.length })}</summary>
                <ul>
                  {s.comments.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}

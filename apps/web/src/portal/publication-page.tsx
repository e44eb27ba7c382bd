import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { disclosureCategoryLabels, periodLabel, publicationKindLabels, type PublicationCommentView, type PublicPublication } from '@gongzhi/shared';
import { errorText } from '../api/error-text.js';
import { useResource } from '../api/use-resource.js';
import { disclosureApi } from '../features/disclosure/disclosure-api.js';
import { formatDate } from '../features/my-requests/format-date.js';
import { useLabel } from '../i18n/labels.js';
import { useDocumentTitle } from '../use-document-title.js';
import './publications-page.css';

function Comments({ title, rows }: { title: string; rows: PublicationCommentView[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="portal-muted">{t('disclosure.public.none')}</p>
      ) : (
        <ul className="portal-pub-comments">
          {rows.map((c) => (
            <li key={c.id}>
              <div>
                <strong>{c.authorName}</strong>：{c.text}
              </div>
              <div className={c.answer !== null ? 'portal-pub-answer' : 'portal-muted'}>
                {c.answer !== null ? `${t('disclosure.public.answer')}${c.answer}` : t('disclosure.public.waiting')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Publication({ p }: { p: PublicPublication }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <article className="portal-pub" aria-labelledby="portal-pub-title">
      <p className="portal-muted">
        <Link to={`/communities/${p.communityId}/publications`}>{t('disclosure.public.back')}</Link> · {p.communityName}
      </p>
      <h1 id="portal-pub-title">{p.title}</h1>
      <div className="portal-pubs-meta">
        <span className="portal-pub-tag">{label(publicationKindLabels[p.kind])}</span>
        {p.category && <span className="portal-pub-tag">{label(disclosureCategoryLabels[p.category])}</span>}
        {p.period && <span>{periodLabel(p.period, locale)}</span>}
        {p.publishedAt && <span>{t('disclosure.public.publishedAt', { date: formatDate(p.publishedAt) })}</span>}
        {p.status === 'archived' && <span className="portal-pub-tag">{t('disclosure.public.archivedMark')}</span>}
      </div>
      {p.supersedesId && (
        <p>
          <Link to={`/publications/${p.supersedesId}`}>{t('disclosure.public.corrects', { title: p.supersedesTitle ?? '' })}</Link>
        </p>
      )}
      {p.supersededById && (
        <p role="note">
          <Link to={`/publications/${p.supersededById}`}>{t('disclosure.public.correctedBy', { title: p.supersededByTitle ?? '' })}</Link>
        </p>
      )}
      {p.objectionEndsAt && (
        <p>
          <strong>{t(p.objectionOpen ? 'disclosure.public.objectionOpen' : 'disclosure.public.objectionClosed', { date: formatDate(p.objectionEndsAt) })}</strong>
        </p>
      )}
      {p.noticeOutcome && <p>{t('disclosure.public.outcome', { outcome: p.noticeOutcome })}</p>}
      <div className="portal-pub-body">{p.body}</div>
      {p.textSha256 && (
        <section className="portal-pub-hash" aria-label={t('disclosure.public.hash')}>
          <h2>{t('disclosure.public.hash')}</h2>
          <code data-testid="publication-hash">{p.textSha256}</code>
          <p className="portal-muted">{t('disclosure.public.hashHint')}</p>
        </section>
      )}
      {p.kind === 'public_notice' && <Comments title={t('disclosure.public.objections')} rows={p.comments.filter((c) => c.kind === 'objection')} />}
      <Comments title={t('disclosure.public.questions')} rows={p.comments.filter((c) => c.kind === 'question')} />
      <p>
        <a className="portal-button" href={`/m/publications/${p.id}`}>
          {t(p.objectionOpen ? 'disclosure.public.objectOnPhone' : 'disclosure.public.askOnPhone')}
        </a>{' '}
        <a className="portal-button portal-button-secondary" href={disclosureApi.posterUrl(p.id)}>
          {t('disclosure.public.poster')}
        </a>
      </p>
    </article>
  );
}

/** /publications/:id: one publication without a login, with its fingerprint, objections and questions (names masked). */
export function PortalPublicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useResource(id, disclosureApi.publicGet);
  useDocumentTitle(state.status === 'ready' ? `${state.data.title} · ${t('appName')}` : t('appName'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('disclosure.public.notFound')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  return <Publication p={state.data} />;
}

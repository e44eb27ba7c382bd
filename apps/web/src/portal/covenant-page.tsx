import { useEffect, useState } from 'react';
import { deliberationMeetingKindLabels, type DeliberationMeetingKind, type PublicCovenantView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useResource } from '../api/use-resource.js';
import { useLabel } from '../i18n/labels.js';
import { articleLabel, chapterLabel, formatFullDay, groupByChapter } from '../features/my-covenant/covenant-format.js';
import { formatDate } from '../features/my-requests/format-date.js';
import { publicCovenantApi } from '../features/my-covenant/my-covenant-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import './covenant-page.css';

const isMeetingKind = (k: string): k is DeliberationMeetingKind => Object.hasOwn(deliberationMeetingKindLabels, k);

/** /covenants/:id: a published covenant, open to every reader without a login, with its posters and the households pledged. */
export function PortalCovenantPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useResource(id, publicCovenantApi.detail);
  useDocumentTitle(state.status === 'ready' ? `${state.data.title} · ${t('appName')}` : t('myCovenant.portal.listTitle'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('myCovenant.portal.notFound')}</p>
        <Link to="/">{t('myCovenant.portal.back')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  return <CovenantText c={state.data} />;
}

function CovenantText({ c }: { c: PublicCovenantView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const meeting = c.meetingKind && isMeetingKind(c.meetingKind) ? label(deliberationMeetingKindLabels[c.meetingKind]) : null;
  const rate = c.households > 0 ? Math.round((c.pledged / c.households) * 1000) / 10 : null;
  return (
    <article className="portal-covenant" aria-labelledby="portal-covenant-title">
      <header className="portal-covenant-head">
        <p className="portal-muted">{c.communityName}</p>
        <h1 id="portal-covenant-title">{c.title}</h1>
        <ul className="portal-covenant-facts">
          {c.adoptedAt && (
            <li>
              {meeting
                ? t('myCovenant.portal.adopted', { date: formatDate(c.adoptedAt), meeting })
                : t('myCovenant.portal.adoptedPlain', { date: formatDate(c.adoptedAt) })}
            </li>
          )}
          {c.filedOn && c.filingReference && (
            <li>{t('myCovenant.portal.filed', { date: formatFullDay(c.filedOn), reference: c.filingReference })}</li>
          )}
          <li>{t('myCovenant.portal.published', { date: formatDate(c.publishedAt) })}</li>
          <li>{t('myCovenant.portal.version', { number: c.versionNumber })}</li>
        </ul>
        <p className="portal-covenant-pledged">
          {t('myCovenant.portal.pledged', { pledged: c.pledged, households: c.households })}
          {rate !== null && t('myCovenant.portal.pledgedRate', { rate })}
        </p>
      </header>
      {groupByChapter(c.articles).map((g) => (
        <section key={g.key} className="portal-covenant-chapter" aria-label={g.title ?? undefined}>
          {(g.number !== null || g.title !== null) && <h2>{chapterLabel(g.number, g.title)}</h2>}
          {g.articles.map((a) => (
            <p key={a.number} className="portal-covenant-article">
              <strong>{articleLabel(a.number)}</strong> {a.body}
            </p>
          ))}
        </section>
      ))}
      <p className="portal-muted">{t('myCovenant.portal.noFines')}</p>
      <section className="portal-covenant-print" aria-labelledby="portal-covenant-print">
        <h2 id="portal-covenant-print">{t('myCovenant.portal.posters')}</h2>
        <a className="portal-button" href={publicCovenantApi.posterUrl(c.id, 'A3')}>
          {t('myCovenant.portal.posterA3')}
        </a>{' '}
        <a className="portal-button portal-button-secondary" href={publicCovenantApi.posterUrl(c.id, 'A4')}>
          {t('myCovenant.portal.posterA4')}
        </a>
      </section>
    </article>
  );
}

type ListState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: { id: string; title: string; publishedAt: string }[] };

/** The published covenants of one community, inside its card in the portal's community list. */
export function CommunityCovenants({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  useEffect(() => {
    const ac = new AbortController();
    publicCovenantApi
      .ofCommunity(communityId, ac.signal)
      .then((r) => setState({ kind: 'ready', items: r.items }))
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        // A server without the covenant module yet answers 404: say there is nothing, not that it failed.
        if (e instanceof ApiError && e.status === 404) setState({ kind: 'ready', items: [] });
        else setState({ kind: 'failed', message: errorText(e) });
      });
    return () => ac.abort();
  }, [communityId]);
  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') return <p className="portal-muted">{t('myCovenant.portal.listFailed')}</p>;
  if (state.items.length === 0) return null;
  return (
    <div className="portal-community-covenants">
      <h4>{t('myCovenant.portal.listTitle')}</h4>
      <ul>
        {state.items.map((c) => (
          <li key={c.id}>
            <Link to={`/covenants/${c.id}`}>{c.title}</Link> <span className="portal-muted">{formatDate(c.publishedAt)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

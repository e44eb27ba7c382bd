import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { disclosureCategories, disclosureCategoryLabels, periodLabel, publicationKindLabels, type DisclosureCategory } from '@gongzhi/shared';
import { errorText } from '../api/error-text.js';
import { useLoaded } from '../api/use-loaded.js';
import { disclosureApi } from '../features/disclosure/disclosure-api.js';
import { formatDate } from '../features/my-requests/format-date.js';
import { useLabel } from '../i18n/labels.js';
import { useDocumentTitle } from '../use-document-title.js';
import './publications-page.css';

/** The page size the portal asks for (the API's default). */
const PAGE = 50;

/** /communities/:communityId/publications: a community's notice board without a login, current or archived, by category. */
export function PortalPublicationsPage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { communityId = '' } = useParams();
  const [archived, setArchived] = useState(false);
  const [category, setCategory] = useState<DisclosureCategory | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const list = useLoaded(`${communityId}:${archived}:${category ?? ''}:${offset}`, (signal) => disclosureApi.publicList(communityId, { archived, category, offset }, signal));
  const total = list.data?.total ?? 0;
  const title = t('disclosure.public.title', { community: list.data?.communityName ?? '' });
  useDocumentTitle(`${title} · ${t('appName')}`);
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <section className="portal-pubs" aria-labelledby="portal-pubs-title">
      <h1 id="portal-pubs-title">{title}</h1>
      <p>
        <Link to={`/communities/${encodeURIComponent(communityId)}/disclosure-catalogue`}>{t('disclosure.public.toCatalogue')}</Link>
      </p>
      <div className="portal-pubs-filters" role="group" aria-label={t('disclosure.public.current')}>
        <button type="button" aria-pressed={!archived} onClick={() => (setArchived(false), setOffset(0))}>
          {t('disclosure.public.current')}
        </button>
        <button type="button" aria-pressed={archived} onClick={() => (setArchived(true), setOffset(0))}>
          {t('disclosure.public.archived')}
        </button>
      </div>
      <div className="portal-pubs-filters" role="group" aria-label={t('disclosure.catalogue.category')}>
        <button type="button" aria-pressed={category === undefined} onClick={() => (setCategory(undefined), setOffset(0))}>
          {t('disclosure.public.allCategories')}
        </button>
        {disclosureCategories.map((c) => (
          <button key={c} type="button" aria-pressed={category === c} onClick={() => (setCategory(c), setOffset(0))}>
            {label(disclosureCategoryLabels[c])}
          </button>
        ))}
      </div>
      {list.error ? (
        <p role="alert">{errorText(list.error)}</p>
      ) : list.loading && !list.data ? (
        <p role="status">{t('states.loading')}</p>
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <p className="portal-empty">{t('disclosure.public.empty')}</p>
      ) : (
        <ul className="portal-pubs-list">
          {list.data!.items.map((p) => (
            <li key={p.id}>
              <Link to={`/publications/${p.id}`}>{p.title}</Link>
              <div className="portal-pubs-meta">
                <span className="portal-pub-tag">{label(publicationKindLabels[p.kind])}</span>
                {p.category && <span className="portal-pub-tag">{label(disclosureCategoryLabels[p.category])}</span>}
                {p.period && <span>{periodLabel(p.period, locale)}</span>}
                {p.publishedAt && <span>{t('disclosure.public.publishedAt', { date: formatDate(p.publishedAt) })}</span>}
                {p.supersededById && <span className="portal-pub-tag portal-pub-tag-alert">{t('disclosure.public.supersededMark')}</span>}
                <span>{t('disclosure.public.counts', { questions: p.questions, objections: p.objections })}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {total > PAGE && (
        <nav className="portal-pubs-filters" aria-label={t('disclosure.public.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('disclosure.public.newer')}
          </button>
          <span role="status">{t('disclosure.public.range', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('disclosure.public.older')}
          </button>
        </nav>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { disclosureCategories, disclosureCategoryLabels, disclosureChannelLabels, disclosureFrequencyLabels, periodLabel, type PublicCatalogueItem } from '@gongzhi/shared';
import { errorText } from '../api/error-text.js';
import { useLoaded } from '../api/use-loaded.js';
import { disclosureApi } from '../features/disclosure/disclosure-api.js';
import { useLabel } from '../i18n/labels.js';
import { useDocumentTitle } from '../use-document-title.js';
import './publications-page.css';

/** Where one item stands: its last period disclosed (with a link), due, overdue, or disclosed when things happen. */
function Standing({ item, locale }: { item: PublicCatalogueItem; locale: 'zh-CN' | 'en-US' }) {
  const { t } = useTranslation();
  const d = item.due;
  if (d.status === 'not_periodic') return <span>{t('disclosure.publicCatalogue.onOccasion')}</span>;
  const period = d.period ? periodLabel(d.period, locale) : '';
  if (d.status === 'published')
    return d.publicationId ? <Link to={`/publications/${d.publicationId}`}>{t('disclosure.publicCatalogue.published', { period })}</Link> : <span>{t('disclosure.publicCatalogue.published', { period })}</span>;
  if (d.status === 'overdue') return <span className="portal-pub-tag portal-pub-tag-alert">{t('disclosure.publicCatalogue.overdue', { period, count: d.daysOverdue })}</span>;
  return <span>{t('disclosure.publicCatalogue.dueBy', { period, date: d.dueOn ?? '' })}</span>;
}

/** /communities/:communityId/disclosure-catalogue: what the community must make public, on what basis and how often, and whether it did. */
export function PortalCataloguePage() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { communityId = '' } = useParams();
  const list = useLoaded(communityId, (signal) => disclosureApi.publicCatalogue(communityId, signal));
  const title = t('disclosure.publicCatalogue.title', { community: list.data?.communityName ?? '' });
  useDocumentTitle(`${title} · ${t('appName')}`);
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const items = list.data?.items ?? [];
  return (
    <section className="portal-pubs" aria-labelledby="portal-catalogue-title">
      <h1 id="portal-catalogue-title">{title}</h1>
      <p className="portal-muted">{t('disclosure.publicCatalogue.intro')}</p>
      <p>
        <Link to={`/communities/${encodeURIComponent(communityId)}/publications`}>{t('disclosure.publicCatalogue.toBoard')}</Link>
      </p>
      {list.error ? (
        <p role="alert">{errorText(list.error)}</p>
      ) : list.loading && !list.data ? (
        <p role="status">{t('states.loading')}</p>
      ) : items.length === 0 ? (
        <p className="portal-empty">{t('disclosure.publicCatalogue.empty')}</p>
      ) : (
        disclosureCategories
          .filter((c) => items.some((i) => i.category === c))
          .map((c) => (
            <section key={c} aria-labelledby={`catalogue-${c}`}>
              <h2 id={`catalogue-${c}`}>{label(disclosureCategoryLabels[c])}</h2>
              <ul className="portal-pubs-list">
                {items
                  .filter((i) => i.category === c)
                  .map((i) => (
                    <li key={i.id}>
                      <strong>{i.title}</strong>
                      <p>{i.content}</p>
                      <div className="portal-pubs-meta">
                        <span className="portal-pub-tag">{label(disclosureFrequencyLabels[i.frequency])}</span>
                        <span>{i.channels.map((ch) => label(disclosureChannelLabels[ch])).join(' · ')}</span>
                        <Standing item={i} locale={locale} />
                      </div>
                      <p className="portal-muted">{t('disclosure.publicCatalogue.basis', { basis: i.legalBasis })}</p>
                    </li>
                  ))}
              </ul>
            </section>
          ))
      )}
    </section>
  );
}

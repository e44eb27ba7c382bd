import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router-dom';
import { CommunitiesSection } from './communities-section.js';
import { PortalCovenantPage } from './covenant-page.js';
import { PortalPublicationPage } from './publication-page.js';
import { PortalPublicationsPage } from './publications-page.js';
import { PortalCataloguePage } from './disclosure-catalogue-page.js';
import { PortalLedgerPage } from './ledger-page.js';
import { PortalElectionPage } from './election-page.js';
import { PortalElectionsPage } from './elections-page.js';
import { PortalReviewPage } from './review-page.js';
import { PortalReviewsPage } from './reviews-page.js';
import { PortalFeeBoardPage } from './fee-board-page.js';
import { PortalFeeBoardsPage } from './fee-boards-page.js';
import { LanguageLinks } from './language-links.js';
import './portal.css';
import { useDocumentTitle } from '../use-document-title.js';

const sections = ['disclosure', 'ledger', 'covenant', 'honour'] as const;

function PortalHome() {
  const { t } = useTranslation();
  return (
    <>
      <section className="portal-hero">
        <h1>{t('portal.hero.title')}</h1>
        <p className="portal-subtitle">{t('portal.hero.subtitle')}</p>
        <p>{t('portal.hero.intro')}</p>
      </section>
      <section className="portal-entries" aria-label={t('portal.nav.label')}>
        <div className="portal-entry">
          <h2>{t('portal.entries.residentTitle')}</h2>
          <p>{t('portal.entries.residentText')}</p>
          <Link className="portal-button" to="/m">
            {t('portal.entries.residentGo')}
          </Link>
        </div>
        <div className="portal-entry">
          <h2>{t('portal.entries.consoleTitle')}</h2>
          <p>{t('portal.entries.consoleText')}</p>
          <Link className="portal-button portal-button-secondary" to="/console">
            {t('portal.entries.consoleGo')}
          </Link>
        </div>
      </section>
      <CommunitiesSection />
      <section className="portal-section" aria-labelledby="portal-public">
        <h2 id="portal-public">{t('portal.sections.title')}</h2>
        <ul className="portal-cards">
          {sections.map((s) => (
            <li key={s} className="portal-card">
              <h3>{t(`portal.sections.${s}`)}</h3>
              <p className="portal-muted">{t(`portal.sections.${s}Text`)}</p>
              {/* Each community's card above links to what it publishes; the honour roll is still to come. */}
              <p className="portal-empty">
                {t(s === 'covenant' ? 'portal.sections.covenantWhere' : s === 'honour' ? 'portal.sections.nothingYet' : 'portal.sections.openWhere')}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function PortalNotFound() {
  const { t } = useTranslation();
  return (
    <section className="portal-section">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.description')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}

/** The public portal: no login, no component library. */
export default function PortalApp() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('appName')} · ${t('appSubtitle')}`);
  return (
    <div className="portal">
      <header className="portal-header">
        <Link to="/" className="portal-brand">
          {t('appName')}
        </Link>
        <nav aria-label={t('portal.nav.label')} className="portal-nav">
          <Link to="/m">{t('portal.nav.resident')}</Link>
          <Link to="/console">{t('portal.nav.console')}</Link>
        </nav>
        <LanguageLinks />
      </header>
      <main className="portal-main">
        <Routes>
          <Route index element={<PortalHome />} />
          <Route path="covenants/:id" element={<PortalCovenantPage />} />
          <Route path="communities/:communityId/publications" element={<PortalPublicationsPage />} />
          <Route path="communities/:communityId/disclosure-catalogue" element={<PortalCataloguePage />} />
          <Route path="publications/:id" element={<PortalPublicationPage />} />
          <Route path="communities/:communityId/ledger" element={<PortalLedgerPage />} />
          <Route path="communities/:communityId/elections" element={<PortalElectionsPage />} />
          <Route path="elections/:id" element={<PortalElectionPage />} />
          <Route path="communities/:communityId/reviews" element={<PortalReviewsPage />} />
          <Route path="reviews/:id" element={<PortalReviewPage />} />
          <Route path="communities/:communityId/fee-boards" element={<PortalFeeBoardsPage />} />
          <Route path="fee-boards/:id" element={<PortalFeeBoardPage />} />
          <Route path="*" element={<PortalNotFound />} />
        </Routes>
      </main>
      <footer className="portal-footer">{t('portal.footer')}</footer>
    </div>
  );
}

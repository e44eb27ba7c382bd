import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/session/session-context.js';

/** The resident's start page; services appear here as their modules land. */
export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <div className="resident-page">
      <NavBar back={null}>{t('resident.tabs.home')}</NavBar>
      <section className="resident-card">
        <h1>{me ? t('resident.home.greeting', { name: me.displayName }) : t('resident.home.guest')}</h1>
        <p>{t('resident.home.intro')}</p>
      </section>
      <section className="resident-card">
        <h2>{t('resident.home.comingTitle')}</h2>
        <p>{t('resident.home.coming')}</p>
      </section>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';

/** The account is not linked to a resident record yet: say who can do it, plainly. */
export function NotLinked() {
  const { t } = useTranslation();
  return (
    <section className="resident-card" role="status">
      <h2>{t('resident.myData.notLinkedTitle')}</h2>
      <p>{t('resident.myData.notLinked')}</p>
    </section>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="gz-page-loading" role="status">
      {t('states.loading')}
    </div>
  );
}

export function Failed({ error }: { error: unknown }) {
  return (
    <div className="gz-notice gz-notice-error" role="alert">
      {errorText(error)}
    </div>
  );
}

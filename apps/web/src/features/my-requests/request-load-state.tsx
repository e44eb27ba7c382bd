import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import type { Resource } from '../../api/use-resource.js';

/** Loading, not found (or not mine: the same answer), or failed; nothing once the request is ready. */
export function RequestLoadState<T>({ state }: { state: Resource<T> }) {
  const { t } = useTranslation();
  if (state.status === 'loading')
    return (
      <div className="gz-page-loading" role="status">
        {t('states.loading')}
      </div>
    );
  if (state.status === 'not-found')
    return (
      <section className="resident-card" role="status">
        <p>{t('myRequests.detail.notFound')}</p>
        <Link to="/m/requests">{t('myRequests.list.title')}</Link>
      </section>
    );
  if (state.status === 'failed')
    return (
      <div className="gz-notice gz-notice-error" role="alert">
        {errorText(state.error)}
      </div>
    );
  return null;
}

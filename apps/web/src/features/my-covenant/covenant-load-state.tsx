import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Resource } from '../../api/use-resource.js';
import { RequestLoadState } from '../my-requests/request-load-state.js';

/** Loading or failed as on the request pages; not found (or another community's: the same answer) in its own words. */
export function CovenantLoadState<T>({ state }: { state: Resource<T> }) {
  const { t } = useTranslation();
  if (state.status !== 'not-found') return <RequestLoadState state={state} />;
  return (
    <section className="resident-card" role="status">
      <p>{t('myCovenant.detail.notFound')}</p>
      <Link to="/m/covenants">{t('myCovenant.list.title')}</Link>
    </section>
  );
}

import { useTranslation } from 'react-i18next';

/** A plain, dependency-free loading line shown while a face's code arrives. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="gz-page-loading" role="status">
      {t('states.loading')}
    </div>
  );
}

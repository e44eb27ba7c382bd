import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from './link-button.js';

/** An unknown console address. */
export function ConsoleNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description')}
      extra={
        <LinkButton to="/console" type="primary">
          {t('notFound.home')}
        </LinkButton>
      }
    />
  );
}

/** A module the account's roles do not open. */
export function ConsoleForbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('errors.forbidden')} />;
}

/** An account whose roles open no console module (a resident, an organisation representative). */
export function NoModules() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('console.noModules.title')}
      subTitle={t('console.noModules.description')}
      extra={
        <LinkButton to="/m" type="primary">
          {t('console.noModules.resident')}
        </LinkButton>
      }
    />
  );
}

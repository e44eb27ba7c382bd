import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../console/link-button.js';

/** A place that does not exist and one the user may not see look the same, as the server intends. */
export function PlaceNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('places.notFound.title')}
      subTitle={t('places.notFound.description')}
      extra={
        <LinkButton to="/console/places" type="primary">
          {t('places.notFound.back')}
        </LinkButton>
      }
    />
  );
}

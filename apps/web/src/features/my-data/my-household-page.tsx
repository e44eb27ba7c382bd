import { List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { relationLabels } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import { myDataApi } from './my-data-api.js';
import { Failed, Loading, NotLinked } from './my-data-states.js';
import { useMyResource } from './use-my-resource.js';

/** 我的家庭: who is registered in my household, with numbers masked. */
export default function MyHouseholdPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { state } = useMyResource(myDataApi.household);

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('resident.household.title')}
      </NavBar>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <Failed error={state.error} />}
      {state.status === 'not-linked' && <NotLinked />}
      {state.status === 'ready' && !state.data.household && (
        <section className="resident-card" role="status">
          <h2>{t('resident.household.noneTitle')}</h2>
          <p>{t('resident.household.none')}</p>
        </section>
      )}
      {state.status === 'ready' && state.data.household && (
        <>
          <section className="resident-card">
            <h1>{state.data.household.placeLabel}</h1>
            <p>
              {t('resident.household.householderLine', { name: state.data.household.householderName ?? t('resident.household.noHouseholder') })}
            </p>
          </section>
          <List header={t('resident.household.members', { count: state.data.members.length })}>
            {state.data.members.map((m) => (
              <List.Item
                key={m.id}
                extra={m.relation ? label(relationLabels[m.relation]) : undefined}
                description={
                  <>
                    {m.idNumberMasked && <div className="gz-mono">{t('resident.household.idNumber', { value: m.idNumberMasked })}</div>}
                    {m.phoneMasked && <div className="gz-mono">{t('resident.household.phone', { value: m.phoneMasked })}</div>}
                  </>
                }
              >
                {m.name}
              </List.Item>
            ))}
          </List>
          <p className="resident-intro">
            {t('resident.household.wrong')} <Link to="/m/my-data">{t('resident.household.toMyData')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

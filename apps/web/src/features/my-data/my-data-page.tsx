import { List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../i18n/format.js';
import { InlineNotice, useFeedback } from '../../resident/feedback.js';
import { CorrectionForm } from './correction-form.js';
import { myDataApi } from './my-data-api.js';
import { Failed, Loading, NotLinked } from './my-data-states.js';
import { MyRecordSection } from './my-record-section.js';
import { useMyResource } from './use-my-resource.js';

/** 我的信息: everything the community holds about me, my correction requests, and a form to ask for one. */
export default function MyDataPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { state, reload } = useMyResource(myDataApi.data);

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('resident.myData.title')}
      </NavBar>
      <InlineNotice notice={feedback.notice} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <Failed error={state.error} />}
      {state.status === 'not-linked' && <NotLinked />}
      {state.status === 'ready' && (
        <>
          <p className="resident-intro">{t('resident.myData.intro')}</p>
          <MyRecordSection data={state.data} />
          <List header={t('resident.myData.corrections')}>
            {state.data.corrections.length === 0 && <List.Item>{t('resident.myData.noCorrections')}</List.Item>}
            {state.data.corrections.map((c) => (
              <List.Item
                key={c.id}
                extra={t(`registers.corrections.statuses.${c.status}`)}
                description={
                  <>
                    <div>{c.message}</div>
                    <div>{formatDateTime(c.createdAt)}</div>
                    {c.response && <div className="gz-reply">{t('resident.myData.reply', { text: c.response })}</div>}
                  </>
                }
              >
                {t(`registers.corrections.fields.${c.field}`)}
              </List.Item>
            ))}
          </List>
          <CorrectionForm
            onSent={() => {
              feedback.show('success', t('resident.myData.correction.sent'));
              reload();
            }}
          />
        </>
      )}
    </div>
  );
}

import { Button, NavBar } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../i18n/format.js';
import { myRequestsApi } from './my-requests-api.js';
import { RequestLoadState } from './request-load-state.js';
import './my-requests.css';

/** After submitting: the number to quote, what happens next, and by when the community answers, in plain words. */
export default function RequestSubmittedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { state } = useResource(id, myRequestsApi.detail);
  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/requests')} backIcon backArrow>
        {t('myRequests.submitted.title')}
      </NavBar>
      <RequestLoadState state={state} />
      {state.status === 'ready' && (
        <>
          <section className="resident-card gz-submitted" role="status">
            <CheckCircleFill className="gz-submitted-icon" aria-hidden />
            <h1>{t('myRequests.submitted.heading')}</h1>
            <p className="gz-submitted-number gz-mono">{t('myRequests.submitted.number', { number: state.data.number })}</p>
            <p>{t('myRequests.submitted.keepNumber')}</p>
          </section>
          <section className="resident-card">
            <h2>{t('myRequests.submitted.nextTitle')}</h2>
            <ol className="gz-next-steps">
              <li>{t('myRequests.submitted.next1')}</li>
              <li>{t('myRequests.submitted.next2')}</li>
              <li>{t('myRequests.submitted.next3')}</li>
            </ol>
            <p className="gz-deadline">{t('myRequests.submitted.deadline', { time: formatDateTime(state.data.replyDueAt) })}</p>
          </section>
          <div className="resident-actions gz-stack">
            <Button block color="primary" size="large" onClick={() => navigate(`/m/requests/${state.data.id}`)}>
              {t('myRequests.submitted.toDetail')}
            </Button>
            <Link to="/m/requests" className="gz-plain-link">
              {t('myRequests.submitted.toList')}
            </Link>
          </div>
        </>
      )}
    </div>
  );
}

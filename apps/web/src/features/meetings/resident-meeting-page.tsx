import { useState } from 'react';
import { Button, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { deliberationMeetingKindLabels, type MyInvitationView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { useLabel } from '../../i18n/labels.js';
import { cst, meetingsApi } from './meetings-api.js';

/**
 * A meeting on a resident's phone (`/m/meetings/:id`, and `/m/meetings/:id/sign-in?t=…` from the QR code in the
 * room): the notice, whether they are on the list, and one large button to sign in. Large type, no pop-ups: the
 * result shows on the page itself.
 */
export default function ResidentMeetingPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t');
  const { state, set } = useResource(id, meetingsApi.myInvitation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const signIn = async () => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      set(await meetingsApi.signIn(id, token));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/meetings')} backIcon backArrow>
        {t('meetings.resident.title')}
      </NavBar>
      {state.status === 'loading' && (
        <div className="gz-page-loading" role="status">
          {t('states.loading')}
        </div>
      )}
      {state.status === 'not-found' && (
        <section className="resident-card" role="status">
          <p>{t('meetings.detail.notFound')}</p>
          <Link to="/m/meetings">{t('meetings.resident.myTitle')}</Link>
        </section>
      )}
      {state.status === 'failed' && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(state.error)}
        </div>
      )}
      {state.status === 'ready' && <Invitation m={state.data} kind={label(deliberationMeetingKindLabels[state.data.kind])} />}
      {state.status === 'ready' && state.data.invited && !state.data.signedInAt && (
        <section className="resident-card">
          {token ? (
            <Button block color="primary" size="large" loading={busy} onClick={() => void signIn()}>
              {t('meetings.resident.signIn')}
            </Button>
          ) : (
            <p>{t('meetings.resident.noToken')}</p>
          )}
        </section>
      )}
      {error !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
    </div>
  );
}

function Invitation({ m, kind }: { m: MyInvitationView; kind: string }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="resident-card">
        <h1>{m.title}</h1>
        <p>{kind}</p>
        <p>{t('meetings.resident.when', { time: cst(m.startsAt) })}</p>
        <p>{t('meetings.resident.where', { place: m.location })}</p>
      </section>
      {m.signedInAt ? (
        <div className="gz-notice gz-notice-success" role="status">
          <strong>{t('meetings.resident.signedIn')}</strong>
          <p>{t('meetings.resident.as', { name: m.inviteeName })}</p>
          <p>{t('meetings.resident.signedInAt', { time: cst(m.signedInAt) })}</p>
        </div>
      ) : m.invited ? (
        <div className="gz-notice" role="status">
          {t('meetings.resident.invited')}
          {m.inviteeName && <p>{t('meetings.resident.as', { name: m.inviteeName })}</p>}
        </div>
      ) : (
        <div className="gz-notice gz-notice-error" role="status">
          {t('meetings.resident.notInvited')}
        </div>
      )}
      {m.agenda.length > 0 && (
        <section className="resident-card">
          <h2>{t('meetings.resident.agenda')}</h2>
          <ol>
            {m.agenda.map((a) => (
              <li key={a.position}>{a.title}</li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

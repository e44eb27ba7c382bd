import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { deliberationMeetingKindLabels, deliberationMeetingStatusLabels } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { cst, meetingsApi } from './meetings-api.js';

/** 我的会议 (`/m/meetings`): notices of the meetings I am invited to, latest first. */
export default function MyMeetingsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { data, error, loading } = useLoaded('my-meetings', () => meetingsApi.mine());
  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m')} backIcon backArrow>
        {t('meetings.resident.myTitle')}
      </NavBar>
      {loading && data === null && (
        <div className="gz-page-loading" role="status">
          {t('states.loading')}
        </div>
      )}
      {error !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
      {data && data.items.length === 0 && (
        <section className="resident-card" role="status">
          <p>{t('meetings.resident.empty')}</p>
        </section>
      )}
      {data?.items.map((m) => (
        <section key={m.meetingId} className="resident-card">
          <h2>
            <Link to={`/m/meetings/${m.meetingId}`}>{m.title}</Link>
          </h2>
          <p>
            {label(deliberationMeetingKindLabels[m.kind])} · {label(deliberationMeetingStatusLabels[m.status])}
          </p>
          <p>{t('meetings.resident.when', { time: cst(m.startsAt) })}</p>
          <p>{t('meetings.resident.where', { place: m.location })}</p>
          {m.signedInAt && <p>{t('meetings.resident.signedInAt', { time: cst(m.signedInAt) })}</p>}
        </section>
      ))}
    </div>
  );
}

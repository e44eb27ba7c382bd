import { NavBar } from 'antd-mobile';
import { handlingStatuses, ratingLabels, requestKindLabels, requestStatusLabels, type Rating } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { InlineNotice, useFeedback } from '../../resident/feedback.js';
import { myRequestsApi, type RequestDetail } from './my-requests-api.js';
import { ObjectionForm } from './objection-form.js';
import { PhotoStrip } from './photo-strip.js';
import { RateForm } from './rate-form.js';
import { RequestLoadState } from './request-load-state.js';
import { RequestTimeline } from './request-timeline.js';
import { statusTone } from './status-tone.js';
import { WithdrawSection } from './withdraw-section.js';
import './my-requests.css';

/** One of my requests: where it stands, the answer, the steps, and what I may do now (rate, dispute, withdraw). */
export default function RequestDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { id = '' } = useParams();
  const { state, reload } = useResource(id, myRequestsApi.detail);

  const done = (text: string) => {
    feedback.show('success', text);
    reload();
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/requests')} backIcon backArrow>
        {t('myRequests.detail.title')}
      </NavBar>
      <InlineNotice notice={feedback.notice} />
      <RequestLoadState state={state} />
      {state.status === 'ready' && (
        <DetailBody
          r={state.data}
          onRated={(rating: Rating) => done(t(rating === 'dissatisfied' ? 'myRequests.rate.reopened' : 'myRequests.rate.thanks'))}
          onObjected={() => done(t('myRequests.objection.done'))}
          onWithdrawn={() => done(t('myRequests.withdraw.done'))}
        />
      )}
    </div>
  );
}

function DetailBody({
  r,
  onRated,
  onObjected,
  onWithdrawn,
}: {
  r: RequestDetail;
  onRated: (rating: Rating) => void;
  onObjected: () => void;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const handling = handlingStatuses.includes(r.status);
  return (
    <>
      <section className="resident-card gz-request-head" aria-labelledby="gz-request-title">
        <h1 id="gz-request-title">{r.title}</h1>
        <p className="gz-request-meta">
          <span className="gz-mono">{t('myRequests.detail.number', { number: r.number })}</span>
          <span>{label(requestKindLabels[r.kind])}</span>
        </p>
        <div className="gz-now" role="status">
          <span className="gz-now-label">{t('myRequests.detail.status')}</span>
          <span className={`gz-status gz-status-${statusTone(r.status)}`}>{label(requestStatusLabels[r.status])}</span>
          <p className="gz-now-line">{label(requestStatusLabels[r.status].resident)}</p>
        </div>
        {r.mergedInto && <p>{t('myRequests.detail.merged', { number: r.mergedInto.number })}</p>}
        {handling && !r.overdue && <p>{t('myRequests.detail.deadline', { time: formatDateTime(r.replyDueAt) })}</p>}
        {handling && r.overdue && <p className="gz-overdue">{t('myRequests.detail.overdue')}</p>}
        {r.leadHandlerName && <p>{t('myRequests.detail.handler', { name: r.leadHandlerName })}</p>}
      </section>

      {r.replyText && (
        <section className="resident-card gz-reply-card" aria-labelledby="gz-reply-title">
          <h2 id="gz-reply-title">{t('myRequests.detail.reply')}</h2>
          <p className="gz-reply-text">{r.replyText}</p>
          {r.repliedAt && <p className="gz-muted">{t('myRequests.detail.repliedAt', { time: formatDateTime(r.repliedAt) })}</p>}
          {r.rating && (
            <div className="gz-my-rating">
              <p>{t('myRequests.detail.myRating', { rating: label(ratingLabels[r.rating]) })}</p>
              {r.resolved !== null && <p>{r.resolved ? t('myRequests.detail.resolvedYes') : t('myRequests.detail.resolvedNo')}</p>}
              {r.ratingComment && <p>{t('myRequests.detail.myComment', { text: r.ratingComment })}</p>}
            </div>
          )}
        </section>
      )}

      {r.can.rate && <RateForm key={`rate-${r.status}`} requestId={r.id} onDone={onRated} />}
      {/* While the answer can still be rated, "dissatisfied" is the dispute: one way, not two, to say the same. */}
      {r.can.object && !r.can.rate && <ObjectionForm key={`object-${r.status}`} requestId={r.id} onDone={onObjected} />}

      <section className="resident-card" aria-labelledby="gz-text-title">
        <h2 id="gz-text-title">{t('myRequests.detail.text')}</h2>
        <p className="gz-request-text">{r.text}</p>
        <PhotoStrip photos={r.photos} />
        {r.placeName && <p className="gz-muted">{t('myRequests.detail.place', { place: r.placeName })}</p>}
        <p className="gz-muted">{t('myRequests.detail.submittedAt', { time: formatDateTime(r.createdAt) })}</p>
        {r.anonymous && <p className="gz-muted">{t('myRequests.detail.anonymous')}</p>}
      </section>

      <section className="resident-card" aria-labelledby="gz-steps-title">
        <h2 id="gz-steps-title">{t('myRequests.detail.timeline')}</h2>
        <RequestTimeline steps={r.steps.filter((s) => s.public)} labelledBy="gz-steps-title" replyText={r.replyText} />
      </section>

      {r.can.withdraw && <WithdrawSection requestId={r.id} onDone={onWithdrawn} />}
    </>
  );
}

import { useState } from 'react';
import { Button, NavBar, TextArea } from 'antd-mobile';
import { membershipRoleLabels, reviewLevelLabels, reviewLevels, type MembershipRole, type MyReviewView, type ReviewLevel } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { useLabel } from '../../i18n/labels.js';
import { InlineNotice, type Notice } from '../../resident/feedback.js';
import { ChoiceGroup } from '../my-requests/choice-group.js';
import { formatDate } from '../my-requests/format-date.js';
import { myReviewsApi } from '../reviews/reviews-api.js';
import '../my-requests/my-requests.css';
import '../my-requests/request-controls.css';
import './my-reviews.css';

const isPost = (p: string): p is MembershipRole => Object.hasOwn(membershipRoleLabels, p);

/**
 * The form: each subject with three large choices (称职 / 基本称职 / 不称职, or 满意 … for a service) and an
 * optional comment; returning it asks once more on the page itself (no dialog), then says it is done.
 */
function ReviewForm({ review, onReturned }: { review: MyReviewView; onReturned: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [levels, setLevels] = useState<Record<string, ReviewLevel>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const done = review.subjects.filter((s) => levels[s.id]).length;
  const missing = review.subjects.length - done;

  const ask = () => {
    if (missing > 0) return setNotice({ kind: 'error', text: t('reviews.my.needAll', { count: missing }) });
    setNotice(null);
    setConfirming(true);
  };
  const send = async () => {
    setBusy(true);
    try {
      const ratings = review.subjects.map((s) => {
        const comment = comments[s.id]?.trim();
        return { subjectId: s.id, level: levels[s.id]!, ...(comment ? { comment } : {}) };
      });
      await myReviewsApi.submit(review.id, { ratings });
      onReturned();
    } catch (e) {
      setConfirming(false);
      setNotice({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {review.subjects.map((s) => {
        const head = `gz-review-${s.id}`;
        return (
          <section key={s.id} className="gz-review-subject" aria-labelledby={head}>
            <h2 id={head}>
              {s.name}
              {s.post && isPost(s.post) && <span className="gz-review-post">{label(membershipRoleLabels[s.post])}</span>}
            </h2>
            <ChoiceGroup<ReviewLevel>
              value={levels[s.id] ?? null}
              onChange={(v) => setLevels((x) => ({ ...x, [s.id]: v }))}
              labelledBy={head}
              columns={3}
              options={reviewLevels.map((l) => ({ value: l, label: label(reviewLevelLabels[s.kind][l]) }))}
            />
            <TextArea
              className="gz-review-comment"
              value={comments[s.id] ?? ''}
              onChange={(v) => setComments((x) => ({ ...x, [s.id]: v }))}
              rows={2}
              maxLength={300}
              placeholder={t('reviews.my.comment')}
              aria-label={t('reviews.my.commentFor', { name: s.name })}
            />
          </section>
        );
      })}
      <div className="resident-actions">
        <p role="status">{t('reviews.my.progress', { done, total: review.subjects.length })}</p>
        <InlineNotice notice={notice} />
        {confirming ? (
          <div className="gz-review-confirm" role="group" aria-label={t('reviews.my.confirm')}>
            <p>{t('reviews.my.confirm')}</p>
            <div className="gz-review-confirm-buttons">
              <Button size="large" onClick={() => setConfirming(false)} disabled={busy}>
                {t('reviews.my.confirmNo')}
              </Button>
              <Button size="large" color="primary" loading={busy} disabled={busy} onClick={() => void send()}>
                {t('reviews.my.confirmYes')}
              </Button>
            </div>
          </div>
        ) : (
          <Button block color="primary" size="large" onClick={ask}>
            {t('reviews.my.submit')}
          </Button>
        )}
      </div>
    </>
  );
}

/** 民主评议表 (`/m/reviews/:id`), for a residents' representative; others are told why they cannot fill it in. */
export default function MyReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { state, reload } = useResource(id, myReviewsApi.get);
  const [sent, setSent] = useState(false);
  const refused = state.status === 'failed' && state.error instanceof ApiError && state.error.code === 'review_not_a_representative';
  return (
    <div className="resident-page gz-reviews">
      <NavBar onBack={() => navigate('/m/reviews')} backIcon backArrow>
        {t('reviews.my.listTitle')}
      </NavBar>
      {state.status === 'loading' && (
        <div className="gz-page-loading" role="status">
          {t('states.loading')}
        </div>
      )}
      {state.status === 'not-found' && (
        <section className="resident-card" role="status">
          <p>{t('reviews.portal.notFound')}</p>
        </section>
      )}
      {state.status === 'failed' && (
        <div className="gz-notice gz-notice-error" role="alert">
          {refused ? t('reviews.my.notRepresentative') : errorText(state.error)}
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <section className="resident-card">
            <h1 style={{ margin: '0 0 4px', fontSize: 20 }}>{state.data.title}</h1>
            <p>
              {state.data.communityName} · {state.data.period} · {t('reviews.my.closesAt', { date: formatDate(state.data.closesAt) })}
            </p>
          </section>
          <p className="gz-review-secret">{t('reviews.my.secret')}</p>
          {sent && (
            <div className="gz-notice gz-notice-success" role="status">
              {t('reviews.my.sent')}
            </div>
          )}
          {state.data.returned ? (
            !sent && (
              <section className="resident-card" role="status">
                <p>{t('reviews.my.done')}</p>
              </section>
            )
          ) : state.data.canRate ? (
            <ReviewForm
              review={state.data}
              onReturned={() => {
                setSent(true);
                reload();
              }}
            />
          ) : (
            <section className="resident-card" role="status">
              <p>{t('reviews.my.notOpen')}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}

import { Button, NavBar } from 'antd-mobile';
import { topicEventLabels, topicPhaseLabels, topicSideLabels, topicStatusLabels, type TopicComment, type TopicDetail } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useResource } from '../../api/use-resource.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { formatDate } from '../my-requests/format-date.js';
import { RequestLoadState } from '../my-requests/request-load-state.js';
import { GrowingListState, useGrowingList } from '../my-requests/use-growing-list.js';
import { ResidentCommentForm } from './resident-comment-form.js';
import { topicTone } from './topic-tone.js';
import { topicsApi } from './topics-api.js';
import { trailFacts } from './trail-text.js';
import '../my-requests/my-requests.css';
import '../my-requests/request-controls.css';
import './topics-resident.css';

/** Support / oppose / neutral / questions in four large figures. */
function Counts({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const c = topic.counts;
  return (
    <div className="gz-topic-counts" aria-label={t('topics.comments.countsLine', c)}>
      <div className="gz-topic-count-support">
        <strong>{c.support}</strong>
        {label(topicSideLabels.support)}
      </div>
      <div className="gz-topic-count-oppose">
        <strong>{c.oppose}</strong>
        {label(topicSideLabels.oppose)}
      </div>
      <div>
        <strong>{c.neutral}</strong>
        {label(topicSideLabels.neutral)}
      </div>
      <div>
        <strong>{c.questions}</strong>
        {t('topics.comments.questions')}
      </div>
    </div>
  );
}

function Comments({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const list = useGrowingList((offset) => topicsApi.comments(topicId, { limit: 20, offset }));
  return (
    <section className="resident-card">
      <h2>{t('topics.resident.recent')}</h2>
      <GrowingListState items={list.items} error={list.error} empty={<p>{t('topics.comments.empty')}</p>} />
      {list.items && list.items.length > 0 && (
        <ul className="gz-topic-comments">
          {list.items.map((c: TopicComment) => (
            <li key={c.id}>
              <div className="gz-topic-comment-head">
                <strong>{c.side ? label(topicSideLabels[c.side]) : t('topics.comments.question')}</strong>
                <span>
                  {c.authorName}
                  {c.mine ? t('topics.resident.you') : ''}
                </span>
                <span>{formatDate(c.createdAt)}</span>
              </div>
              <div className="gz-topic-text">{c.text}</div>
              {c.answer && (
                <div className="gz-topic-answer">
                  <strong>{t('topics.comments.answered')}：</strong>
                  {c.answer}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <Button block loading={list.busy} onClick={list.more}>
          {t('myRequests.list.loadMore')}
        </Button>
      )}
    </section>
  );
}

/** 议题 (`/m/topics/:id`): what it is about, where it stands, the decision, the report-back, comments and the trail. */
export default function ResidentTopicPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { state, reload } = useResource(id, topicsApi.get);

  return (
    <div className="resident-page gz-topics">
      <NavBar onBack={() => navigate('/m/topics')} backIcon backArrow>
        {t('topics.title')}
      </NavBar>
      {state.status !== 'ready' ? (
        state.status === 'not-found' ? (
          <section className="resident-card" role="status">
            <p>{t('topics.resident.notFound')}</p>
          </section>
        ) : (
          <RequestLoadState state={state} />
        )
      ) : (
        (() => {
          const topic = state.data;
          return (
            <>
              {params.get('new') && (
                <div className="gz-notice gz-notice-success" role="status">
                  {t('topics.resident.submitted')}
                </div>
              )}
              <section className="resident-card gz-topic-head">
                <h1>{topic.title}</h1>
                <p>
                  <span className={`gz-status gz-status-${topicTone(topic.status)}`}>{label(topicStatusLabels[topic.status])}</span> {label(topicPhaseLabels[topic.phase])}
                </p>
                <p className="gz-topic-text">{topic.description}</p>
                <p className="gz-muted">
                  {topic.proposerName} · {formatDate(topic.proposedAt)}
                  {topic.placeLabel ? ` · ${topic.placeLabel}` : ''}
                </p>
                {topic.status === 'on_agenda' && topic.consultationEndsAt && <p>{t('topics.resident.endsAt', { date: formatDateTime(topic.consultationEndsAt) })}</p>}
                {topic.declineReason && <p role="note">{t('topics.resident.declined', { reason: topic.declineReason })}</p>}
                {topic.status !== 'proposed' && topic.status !== 'declined' && <Counts topic={topic} />}
              </section>
              {topic.decision && (
                <section className="resident-card">
                  <h2>
                    {t('topics.detail.decision')}：{topic.decision.result === 'adopted' ? t('topics.detail.decisionAdopted') : t('topics.detail.decisionRejected')}
                  </h2>
                  <p className="gz-topic-text">{topic.decision.text}</p>
                  {topic.decision.forCount !== null && (
                    <p className="gz-muted">{t('topics.detail.tally', { for: topic.decision.forCount, against: topic.decision.againstCount ?? 0, abstain: topic.decision.abstainCount ?? 0 })}</p>
                  )}
                </section>
              )}
              {topic.reportBack && topic.reportBackPublishedAt && (
                <section className="resident-card">
                  <h2>{t('topics.detail.reportBack')}</h2>
                  <p className="gz-topic-text">{topic.reportBack}</p>
                </section>
              )}
              {topic.tasks.length > 0 && (
                <section className="resident-card">
                  <h2>{t('topics.tasks.title')}</h2>
                  <ul className="gz-topic-comments">
                    {topic.tasks.map((k) => (
                      <li key={k.id}>
                        <div>{k.title}</div>
                        <div className="gz-topic-comment-head">
                          <span>{k.ownerName}</span>
                          <span>{k.doneAt ? t('topics.tasks.doneAt', { date: formatDate(k.doneAt) }) : `${t('topics.tasks.dueOn')} ${k.dueOn}`}</span>
                          {k.overdue && <strong>{t('topics.tasks.overdue')}</strong>}
                        </div>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {topic.status !== 'proposed' && topic.status !== 'declined' && (
                <>
                  <ResidentCommentForm topic={topic} onSent={reload} />
                  <Comments key={`${topic.counts.support}-${topic.counts.oppose}-${topic.counts.neutral}-${topic.counts.questions}`} topicId={topic.id} />
                </>
              )}
              <section className="resident-card">
                <h2>{t('topics.trail.title')}</h2>
                <ol className="gz-topic-trail">
                  {topic.events.map((e) => {
                    const facts = trailFacts(e, t);
                    return (
                      <li key={e.id}>
                        <strong>{label(topicEventLabels[e.kind])}</strong>
                        <div className="gz-topic-trail-when">
                          {formatDateTime(e.at)}
                          {e.actorName ? ` · ${e.actorName}` : ''}
                        </div>
                        {facts && <div>{facts}</div>}
                        {e.note && <div className="gz-topic-text">{e.note}</div>}
                      </li>
                    );
                  })}
                </ol>
              </section>
            </>
          );
        })()
      )}
    </div>
  );
}

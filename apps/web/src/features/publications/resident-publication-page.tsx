import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { PublicationCommentView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { formatDate } from '../my-requests/format-date.js';
import { disclosureApi } from '../disclosure/disclosure-api.js';
import { ResidentFileForm } from './resident-file-form.js';
import '../my-requests/my-requests.css';

function Comments({ title, rows }: { title: string; rows: PublicationCommentView[] }) {
  const { t } = useTranslation();
  return (
    <section className="resident-card">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('disclosure.public.none')}</p>
      ) : (
        <ul className="gz-pub-comments">
          {rows.map((c) => (
            <li key={c.id}>
              <p>
                <strong>
                  {c.authorName}
                  {c.mine ? t('disclosure.resident.mine') : ''}
                </strong>
                ：{c.text}
              </p>
              <p>{c.answer !== null ? `${t('disclosure.public.answer')}${c.answer}` : t('disclosure.public.waiting')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One publication on the phone (`/m/publications/:id`): the text, and objecting or asking right on the page. */
export default function ResidentPublicationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useResource(id, (key) => disclosureApi.publicGet(key));
  const s = res.state;
  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate('/m/publications')} backIcon backArrow>
        {t('disclosure.resident.title')}
      </NavBar>
      {s.status === 'loading' && (
        <section className="resident-card" role="status">
          <p>…</p>
        </section>
      )}
      {s.status === 'not-found' && (
        <section className="resident-card" role="alert">
          <p>{t('disclosure.public.notFound')}</p>
        </section>
      )}
      {s.status === 'failed' && (
        <section className="resident-card" role="alert">
          <p>{errorText(s.error)}</p>
        </section>
      )}
      {s.status === 'ready' && (
        <>
          <article className="resident-card">
            <h1>{s.data.title}</h1>
            {s.data.publishedAt && <p>{t('disclosure.public.publishedAt', { date: formatDate(s.data.publishedAt) })}</p>}
            {s.data.objectionEndsAt && (
              <p>{t(s.data.objectionOpen ? 'disclosure.public.objectionOpen' : 'disclosure.public.objectionClosed', { date: formatDate(s.data.objectionEndsAt) })}</p>
            )}
            {s.data.noticeOutcome && <p>{t('disclosure.public.outcome', { outcome: s.data.noticeOutcome })}</p>}
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 12, fontSize: '1.05em' }}>{s.data.body}</div>
          </article>
          {s.data.kind === 'public_notice' && <Comments title={t('disclosure.public.objections')} rows={s.data.comments.filter((c) => c.kind === 'objection')} />}
          {s.data.objectionOpen && <ResidentFileForm publicationId={id} kind="objections" onDone={res.reload} />}
          <Comments title={t('disclosure.public.questions')} rows={s.data.comments.filter((c) => c.kind === 'question')} />
          {s.data.status === 'published' && <ResidentFileForm publicationId={id} kind="questions" onDone={res.reload} />}
        </>
      )}
    </div>
  );
}

import { useId } from 'react';
import type { CovenantView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { ArticleCard } from './article-card.js';
import { ChapterList } from './chapter-list.js';
import { myCovenantApi } from './my-covenant-api.js';
import { QuestionCard } from './question-card.js';

/** The draft under consultation: every article with 支持 / 反对 and 提意见, then the questions. */
export function ConsultationSection({ c, versionId }: { c: CovenantView; versionId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const open = c.phase === 'consultation' && c.participation.allowed.includes('comment');
  const loaded = useLoaded(`${c.id}/${versionId}`, async () => {
    const [version, questions] = await Promise.all([myCovenantApi.version(c.id, versionId), myCovenantApi.questions(c.id, versionId)]);
    return { version, questions: questions.items };
  });
  const data = loaded.data;
  if (loaded.error !== null)
    return (
      <div className="gz-notice gz-notice-error" role="alert">
        {errorText(loaded.error)}
      </div>
    );
  if (!data)
    return (
      <div className="gz-page-loading" role="status">
        {t('states.loading')}
      </div>
    );
  const numberOf = new Map(data.version.articles.map((a) => [a.id, a.number]));
  return (
    <>
      <section className="resident-card" aria-labelledby={`${id}-draft`}>
        <h2 id={`${id}-draft`}>{t(c.phase === 'consultation' ? 'myCovenant.consultation.title' : 'myCovenant.consultation.textTitle', { number: data.version.number })}</h2>
        <p>{open ? t('myCovenant.consultation.hint') : t('myCovenant.consultation.closedHint')}</p>
        <p className="gz-muted">{t('myCovenant.consultation.articleCount', { count: data.version.articles.length })}</p>
      </section>
      <div className="gz-articles">
        <ChapterList articles={data.version.articles} render={(a) => <ArticleCard key={a.id} covenantId={c.id} article={a} open={open} />} />
      </div>
      {data.questions.length > 0 && (
        <section className="resident-card" aria-labelledby={`${id}-questions`}>
          <h2 id={`${id}-questions`}>{t('myCovenant.question.title')}</h2>
          {data.questions.map((q) => (
            <QuestionCard key={q.id} covenantId={c.id} question={q} articleNumber={q.articleId ? (numberOf.get(q.articleId) ?? null) : null} open={open} />
          ))}
        </section>
      )}
    </>
  );
}

import { useId } from 'react';
import type { CovenantView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDate } from '../my-requests/format-date.js';
import { ArticleText } from './article-card.js';
import { ChapterList } from './chapter-list.js';
import { myCovenantApi } from './my-covenant-api.js';

/** The covenant in force: the pledge link first (it is what a household does now), then the full text. */
export function PublishedSection({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const id = useId();
  const versionId = c.adoptedVersionId ?? c.currentVersionId;
  const { data, error } = useLoaded(`${c.id}/${versionId ?? ''}`, () =>
    versionId ? myCovenantApi.version(c.id, versionId) : Promise.resolve(null),
  );
  const vote = c.votes.find((v) => v.result === 'adopted');
  return (
    <>
      {c.phase === 'pledging' && (
        <section className="resident-card gz-pledge-call" aria-labelledby={`${id}-pledge`}>
          <h2 id={`${id}-pledge`}>{t('myCovenant.published.pledgeTitle')}</h2>
          <p>{t('myCovenant.published.pledgeHint')}</p>
          <Link to={`/m/covenants/${c.id}/pledge`} className="gz-big-link">
            {t('myCovenant.published.pledgeGo')}
          </Link>
        </section>
      )}
      <section className="resident-card" aria-labelledby={`${id}-text`}>
        <h2 id={`${id}-text`}>{t('myCovenant.published.textTitle')}</h2>
        {c.publishedAt && <p>{t('myCovenant.published.publishedOn', { date: formatDate(c.publishedAt) })}</p>}
        {vote && <p>{t('myCovenant.published.adoptedOn', { date: formatDate(vote.decidedAt) })}</p>}
        {c.filingReference && <p>{t('myCovenant.published.filed', { reference: c.filingReference })}</p>}
        <p className="gz-muted">{t('myCovenant.published.noFines')}</p>
      </section>
      {error !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
      {data && (
        <div className="gz-articles">
          <ChapterList articles={data.articles} render={(a) => <ArticleText key={a.id} number={a.number} body={a.body} />} />
        </div>
      )}
    </>
  );
}

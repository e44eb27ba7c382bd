import { useId } from 'react';
import type { CovenantView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { CommentItem } from './comment-item.js';
import { myCovenantApi } from './my-covenant-api.js';
import { TextForm } from './text-form.js';

/** Opinion collection: what I think the covenant should say (while it is open), and 我的意见 with their handling. */
export function OpinionSection({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const id = useId();
  const open = c.phase === 'opinion_collection' && c.participation.allowed.includes('propose');
  const { data, error, reload } = useLoaded(`${c.id}/opinions`, () => myCovenantApi.opinions(c.id));
  const mine = (data?.items ?? []).filter((o) => o.mine);
  // After opinion collection, the section only matters to someone who gave an opinion.
  if (!open && c.phase !== 'opinion_collection' && mine.length === 0) return null;
  return (
    <>
      {open && (
        <TextForm
          title={t('myCovenant.opinion.title')}
          label={t('myCovenant.opinion.label')}
          placeholder={t('myCovenant.opinion.placeholder')}
          submitLabel={t('myCovenant.opinion.submit')}
          doneText={t('myCovenant.opinion.done')}
          onSubmit={async (text) => {
            await myCovenantApi.addOpinion(c.id, text);
            reload();
          }}
        />
      )}
      <section className="resident-card" aria-labelledby={`${id}-mine`}>
        <h2 id={`${id}-mine`}>{t('myCovenant.opinion.mine')}</h2>
        {error !== null && (
          <div className="gz-notice gz-notice-error" role="alert">
            {errorText(error)}
          </div>
        )}
        {data && mine.length === 0 && <p>{t('myCovenant.opinion.none')}</p>}
        {mine.length > 0 && (
          <ul className="gz-comments" aria-labelledby={`${id}-mine`}>
            {mine.map((o) => (
              <CommentItem key={o.id} c={o} />
            ))}
          </ul>
        )}
        {data && <p className="gz-muted">{t('myCovenant.opinion.total', { count: data.items.length })}</p>}
      </section>
    </>
  );
}

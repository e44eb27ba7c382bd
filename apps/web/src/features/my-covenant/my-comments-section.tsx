import { useId } from 'react';
import { Button } from 'antd-mobile';
import type { CovenantView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { CommentItem } from './comment-item.js';
import { articleLabel } from './covenant-format.js';
import { myCovenantApi } from './my-covenant-api.js';
import { useCommentPages } from './use-comment-pages.js';

/** 我的意见处理情况: after consultation, each of my comments with adopted / partly / not and the reason. */
export function MyCommentsSection({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useCommentPages(`${c.id}/mine`, (before) => myCovenantApi.myComments(c.id, before));
  // The server returns only my comments (`mine=true`); the check keeps a stale page from showing others.
  const mine = (list.items ?? []).filter((x) => x.mine);
  return (
    <section className="resident-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('myCovenant.myComments.title')}</h2>
      {list.error !== null && (
        <div className="gz-notice gz-notice-error" role="alert">
          {errorText(list.error)}
        </div>
      )}
      {list.items === null && list.error === null && <p role="status">{t('states.loading')}</p>}
      {list.items !== null && mine.length === 0 && !list.hasMore && <p>{t('myCovenant.myComments.none')}</p>}
      {mine.length > 0 && (
        <ul className="gz-comments" aria-labelledby={`${id}-title`}>
          {mine.map((x) => (
            <CommentItem
              key={x.id}
              c={{
                ...x,
                about:
                  x.articleNumber !== null
                    ? t('myCovenant.myComments.about', { article: articleLabel(x.articleNumber), number: x.versionNumber })
                    : t('myCovenant.myComments.aboutWhole', { number: x.versionNumber }),
              }}
            />
          ))}
        </ul>
      )}
      {list.hasMore && (
        <Button block size="large" loading={list.busy} onClick={list.more}>
          {t('myCovenant.comments.more')}
        </Button>
      )}
    </section>
  );
}

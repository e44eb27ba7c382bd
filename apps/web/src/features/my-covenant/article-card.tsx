import type { ArticleView } from '@gongzhi/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { articleLabel } from './covenant-format.js';
import { StanceButtons } from './stance-buttons.js';

/** One article during consultation: its text, 支持 / 反对, and 提意见 leading to the article's own page. */
export function ArticleCard({ covenantId, article, open }: { covenantId: string; article: ArticleView; open: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const label = articleLabel(article.number);
  return (
    <article className="gz-article-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{label}</h3>
      <p className="gz-article-body">{article.body}</p>
      <StanceButtons covenantId={covenantId} article={article} open={open} />
      <Link to={`/m/covenants/${covenantId}/articles/${article.id}`} className="gz-article-link">
        <span>{open ? t('myCovenant.article.comment') : t('myCovenant.article.read')}</span>
        <span className="gz-muted">{t('myCovenant.article.comments', { count: article.comments })}</span>
      </Link>
    </article>
  );
}

/** One article to read only (published text, later phases). */
export function ArticleText({ number, body }: { number: number; body: string }) {
  const id = useId();
  return (
    <article className="gz-article-card gz-article-plain" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{articleLabel(number)}</h3>
      <p className="gz-article-body">{body}</p>
    </article>
  );
}

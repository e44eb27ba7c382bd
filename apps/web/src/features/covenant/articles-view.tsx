import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleView } from '@gongzhi/shared';
import { CountBar, numeral } from './covenant-bits.js';

/** The fields of an article both a stored version and the editor's preview have. */
export type ArticleLike = Pick<ArticleView, 'chapterNumber' | 'chapterTitle' | 'number' | 'body'> & Partial<Pick<ArticleView, 'id' | 'support' | 'oppose' | 'comments'>>;

/** Articles in runs of the same chapter, so each chapter heading is shown once. */
export function byChapter<A extends ArticleLike>(articles: A[]): { key: string; number: number | null; title: string | null; articles: A[] }[] {
  const groups: { key: string; number: number | null; title: string | null; articles: A[] }[] = [];
  for (const a of articles) {
    const last = groups[groups.length - 1];
    if (last && last.number === a.chapterNumber && last.title === a.chapterTitle) last.articles.push(a);
    else groups.push({ key: `${groups.length}-${a.chapterNumber ?? ''}`, number: a.chapterNumber, title: a.chapterTitle, articles: [a] });
  }
  return groups;
}

/**
 * A version's text by chapter and article. With counts (a stored version), each article shows its support,
 * oppose and comment counts as small inline bars scaled to the busiest article.
 */
export function ArticlesView({ articles, counts }: { articles: ArticleLike[]; counts: boolean }) {
  const { t } = useTranslation();
  if (articles.length === 0) return <Empty description={t('covenant.text.noArticles')} />;
  const max = Math.max(1, ...articles.map((a) => Math.max(a.support ?? 0, a.oppose ?? 0, a.comments ?? 0)));
  return (
    <div className="gz-cov-articles">
      {byChapter(articles).map((g) => (
        <section key={g.key} aria-label={g.title ?? t('covenant.text.noChapter')}>
          {g.title && (
            <Typography.Title level={5} className="gz-cov-chapter">
              {g.number !== null ? t('covenant.text.chapter', { number: numeral(g.number) }) : ''} {g.title}
            </Typography.Title>
          )}
          {g.articles.map((a) => (
            <div key={a.id ?? a.number} className="gz-cov-article">
              <div className="gz-cov-article-text">
                <Typography.Text strong>{t('covenant.text.article', { number: numeral(a.number) })}</Typography.Text>{' '}
                <span className="gz-cov-pre">{a.body}</span>
              </div>
              {counts && (
                <div className="gz-cov-article-counts">
                  <CountBar value={a.support ?? 0} max={max} color="#52c41a" label={t('covenant.text.support')} />
                  <CountBar value={a.oppose ?? 0} max={max} color="#b3261e" label={t('covenant.text.oppose')} />
                  <CountBar value={a.comments ?? 0} max={max} color="#1677ff" label={t('covenant.text.comments')} />
                </div>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

import { Button, NavBar } from 'antd-mobile';
import type { ArticleView, CovenantView, VersionView } from '@gongzhi/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { CommentItem } from './comment-item.js';
import { articleLabel, chapterLabel } from './covenant-format.js';
import { CovenantLoadState } from './covenant-load-state.js';
import { myCovenantApi } from './my-covenant-api.js';
import { StanceButtons } from './stance-buttons.js';
import { TextForm } from './text-form.js';
import { useCommentPages } from './use-comment-pages.js';
import './my-covenant.css';

interface ArticleContext {
  c: CovenantView;
  version: VersionView;
  article: ArticleView;
}

/** The article in the current version, else in the newest earlier version that has it (a link from my comments). */
async function loadArticle(key: string): Promise<ArticleContext> {
  const [covenantId = '', articleId = ''] = key.split('/');
  const c = await myCovenantApi.detail(covenantId);
  const newestFirst = [...c.versions].sort((a, b) => b.number - a.number).map((v) => v.id);
  const order = [...new Set([...(c.currentVersionId ? [c.currentVersionId] : []), ...newestFirst])];
  for (const versionId of order) {
    const version = await myCovenantApi.version(covenantId, versionId);
    const article = version.articles.find((a) => a.id === articleId);
    if (article) return { c, version, article };
  }
  throw new ApiError('not_found', 404, null);
}

/** One article: its text, 支持 / 反对, the comments on it (names masked, handling shown) and my comment form. */
export default function ArticlePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', articleId = '' } = useParams();
  const { state } = useResource(`${id}/${articleId}`, loadArticle);
  return (
    <div className="resident-page">
      <NavBar onBack={() => navigate(`/m/covenants/${id}`)} backIcon backArrow>
        {state.status === 'ready' ? articleLabel(state.data.article.number) : t('myCovenant.article.title')}
      </NavBar>
      <CovenantLoadState state={state} />
      {state.status === 'ready' && <ArticleBody {...state.data} />}
    </div>
  );
}

function ArticleBody({ c, version, article }: ArticleContext) {
  const { t } = useTranslation();
  const id = useId();
  const current = version.id === c.currentVersionId;
  const open = c.phase === 'consultation' && current && c.participation.allowed.includes('comment');
  const list = useCommentPages(`${c.id}/${article.id}`, (before) =>
    myCovenantApi.comments(c.id, { versionId: version.id, articleId: article.id, before, limit: 20 }),
  );
  return (
    <>
      <section className="resident-card" aria-labelledby={`${id}-title`}>
        <p className="gz-muted">
          {c.title} · {t('myCovenant.article.version', { number: version.number })}
        </p>
        {article.chapterTitle !== null && <p className="gz-muted">{chapterLabel(article.chapterNumber, article.chapterTitle)}</p>}
        <h1 id={`${id}-title`}>{articleLabel(article.number)}</h1>
        <p className="gz-article-body">{article.body}</p>
        <StanceButtons covenantId={c.id} article={article} open={open} />
        {!current && <p className="gz-muted">{t('myCovenant.article.oldVersion')}</p>}
      </section>
      {open && (
        <TextForm
          title={t('myCovenant.article.formTitle')}
          label={t('myCovenant.article.formLabel')}
          placeholder={t('myCovenant.article.formPlaceholder')}
          submitLabel={t('myCovenant.article.submit')}
          doneText={t('myCovenant.article.done')}
          onSubmit={async (text) => list.prepend(await myCovenantApi.addComment(c.id, { versionId: version.id, articleId: article.id, text }))}
        />
      )}
      <section className="resident-card" aria-labelledby={`${id}-comments`}>
        <h2 id={`${id}-comments`}>{t('myCovenant.comments.title', { count: list.total })}</h2>
        {list.error !== null && (
          <div className="gz-notice gz-notice-error" role="alert">
            {errorText(list.error)}
          </div>
        )}
        {list.items === null && list.error === null && <p role="status">{t('states.loading')}</p>}
        {list.items !== null && list.items.length === 0 && <p>{t('myCovenant.comments.none')}</p>}
        {list.items !== null && list.items.length > 0 && (
          <ul className="gz-comments" aria-labelledby={`${id}-comments`}>
            {list.items.map((x) => (
              <CommentItem key={x.id} c={x} />
            ))}
          </ul>
        )}
        {list.hasMore && (
          <Button block size="large" loading={list.busy} onClick={list.more}>
            {t('myCovenant.comments.more')}
          </Button>
        )}
      </section>
    </>
  );
}

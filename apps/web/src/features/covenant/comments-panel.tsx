import { useState } from 'react';
import { Alert, App, Button, Empty, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { commentHandlingLabels, commentHandlings, type CommentView, type CovenantView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { HandlingTag, numeral } from './covenant-bits.js';
import { covenantApi, type CommentQuery } from './covenant-api.js';
import { HandlingModal } from './handling-modal.js';

const PAGE = 20;
type HandlingFilter = NonNullable<CommentQuery['handling']>;

/**
 * Consultation comments, newest first, filtered by version, article and handling; each can be answered with how
 * it was handled and the version whose text answers it. Pages follow the server's `before` cursor.
 */
export function CommentsPanel({ c, reload }: { c: CovenantView; reload: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  // All versions at first: in revision the comments waiting for an answer were made on the previous version.
  const [versionId, setVersionId] = useState<string | undefined>();
  const [articleId, setArticleId] = useState<string | undefined>();
  const [handling, setHandling] = useState<HandlingFilter | undefined>();
  // Cursors of the pages seen so far: the last one is the page shown, popping goes back to newer comments.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [answering, setAnswering] = useState<CommentView | null>(null);
  const before = cursors[cursors.length - 1];
  const query: CommentQuery = { versionId, articleId, handling, before, limit: PAGE };
  const page = useLoaded(JSON.stringify(query), (signal) => covenantApi.comments(c.id, query, signal));
  const version = useLoaded(versionId ?? '', (signal) => (versionId ? covenantApi.version(c.id, versionId, signal) : Promise.resolve(null)));
  const refilter = () => setCursors([undefined]);
  const manageable = c.can.manage && (c.phase === 'consultation' || c.phase === 'revision');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('covenant.comments.version')}
          allowClear
          placeholder={t('covenant.comments.allVersions')}
          value={versionId}
          onChange={(v) => (setVersionId(v), setArticleId(undefined), refilter())}
          options={[...c.versions].sort((a, b) => b.number - a.number).map((v) => ({ value: v.id, label: t('covenant.versions.numbered', { number: v.number }) }))}
          style={{ minWidth: 130 }}
        />
        <Select
          aria-label={t('covenant.comments.article')}
          allowClear
          disabled={!versionId}
          placeholder={t('covenant.comments.allArticles')}
          value={articleId}
          onChange={(v) => (setArticleId(v), refilter())}
          options={(version.data?.articles ?? []).map((a) => ({ value: a.id, label: t('covenant.comments.articleOption', { number: numeral(a.number), count: a.comments }) }))}
          style={{ minWidth: 170 }}
        />
        <Select
          aria-label={t('covenant.comments.handling')}
          allowClear
          placeholder={t('covenant.comments.allHandling')}
          value={handling}
          onChange={(v) => (setHandling(v), refilter())}
          options={[
            { value: 'unhandled' as const, label: t('covenant.handling.pending') },
            ...commentHandlings.map((h) => ({ value: h, label: label(commentHandlingLabels[h]) })),
          ]}
          style={{ minWidth: 140 }}
        />
        {page.data && <Typography.Text type="secondary">{t('covenant.comments.total', { count: page.data.total })}</Typography.Text>}
      </Space>
      {page.error ? <Alert type="error" showIcon title={errorText(page.error)} /> : null}
      <Table<CommentView>
        rowKey="id"
        size="middle"
        aria-label={t('covenant.comments.table')}
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('covenant.comments.empty')} /> }}
        columns={[
          {
            key: 'article',
            title: t('covenant.comments.article'),
            width: 110,
            render: (_: unknown, m) => (
              <Space orientation="vertical" size={0}>
                <span>{m.articleNumber !== null ? t('covenant.text.article', { number: numeral(m.articleNumber) }) : t('covenant.comments.whole')}</span>
                <Typography.Text type="secondary">{t('covenant.versions.numbered', { number: m.versionNumber })}</Typography.Text>
              </Space>
            ),
          },
          { key: 'text', title: t('covenant.comments.text'), render: (_: unknown, m) => <span className="gz-cov-pre">{m.text}</span> },
          {
            key: 'author',
            title: t('covenant.comments.author'),
            width: 150,
            responsive: ['md'],
            render: (_: unknown, m) => (
              <Space orientation="vertical" size={0}>
                <span>{m.authorName}</span>
                <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'handling',
            title: t('covenant.handling.handling'),
            width: 230,
            render: (_: unknown, m) => (
              <Space orientation="vertical" size={4}>
                <HandlingTag handling={m.handling} pending={t('covenant.handling.pending')} />
                {m.handlingReason && <Typography.Text type="secondary">{m.handlingReason}</Typography.Text>}
                {m.handledInVersionNumber !== null && (
                  <Typography.Text type="secondary">{t('covenant.handling.inVersion', { number: m.handledInVersionNumber })}</Typography.Text>
                )}
                {manageable && (
                  <Button size="small" onClick={() => setAnswering(m)}>
                    {m.handling ? t('covenant.handling.change') : t('covenant.handling.open')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Space>
        <Button disabled={cursors.length < 2} onClick={() => setCursors((s) => s.slice(0, -1))}>
          {t('covenant.comments.newer')}
        </Button>
        <Button disabled={!page.data?.nextBefore} onClick={() => page.data?.nextBefore && setCursors((s) => [...s, page.data?.nextBefore ?? undefined])}>
          {t('covenant.comments.older')}
        </Button>
      </Space>
      <HandlingModal
        subject={answering && { text: answering.text, handling: answering.handling, reason: answering.handlingReason }}
        versions={c.versions}
        currentVersionId={c.currentVersionId}
        save={(body) => covenantApi.handleComment(c.id, answering?.id ?? '', body)}
        onClose={(saved) => {
          setAnswering(null);
          if (saved) {
            message.success(t('covenant.handling.saved'));
            page.reload();
            reload();
          }
        }}
      />
    </Space>
  );
}

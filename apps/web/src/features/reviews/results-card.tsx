import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { reviewLevels, type ReviewResults, type ReviewSubjectResult } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { levelTag } from './review-bits.js';
import { levelColour, percent, useLevelLabel, usePostLabel } from './review-format.js';
import { SharesChart } from './shares-chart.js';
import { reviewsApi } from './reviews-api.js';

/** One level's count and share, in its colour. */
function LevelCell({ s, level }: { s: ReviewSubjectResult; level: (typeof reviewLevels)[number] }) {
  const levelLabel = useLevelLabel();
  return (
    <div>
      <span style={{ color: levelColour[level] }}>{levelLabel(s.kind, level)}</span> {s.counts[level]} <Typography.Text type="secondary">({percent(s.shares[level])})</Typography.Text>
    </div>
  );
}

/** The results table: counts, shares, result and flag per subject, masked comments underneath. */
export function ResultsTable({ results }: { results: ReviewResults }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const postLabel = usePostLabel();
  const previous = results.previousRound;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('reviews.results.rule')}</Typography.Text>
      <Alert type={results.subjects.some((s) => s.flagged) ? 'warning' : 'info'} showIcon title={previous ? t('reviews.results.flagNote', { previous: previous.title }) : t('reviews.results.flagNoteNoPrevious')} />
      <SharesChart subjects={results.subjects} />
      <Table<ReviewSubjectResult>
        rowKey="id"
        size="small"
        pagination={false}
        aria-label={t('reviews.results.title')}
        dataSource={results.subjects}
        expandable={{
          rowExpandable: (s) => s.comments.length > 0,
          expandedRowRender: (s) => (
            <ul style={{ margin: 0 }}>
              {s.comments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { key: 'name', title: t('reviews.results.subject'), render: (_: unknown, s) => (s.kind === 'member' ? `${s.name}（${postLabel(s)}）` : s.name) },
          { key: 'kind', title: t('reviews.results.kind'), width: 110, responsive: ['md'], render: (_: unknown, s) => t(s.kind === 'member' ? 'reviews.detail.member' : 'reviews.detail.service') },
          { key: 'counts', title: t('reviews.results.counts'), render: (_: unknown, s) => reviewLevels.map((l) => <LevelCell key={l} s={s} level={l} />) },
          { key: 'rated', title: t('reviews.results.rated'), width: 70, align: 'right', dataIndex: 'rated' },
          {
            key: 'result',
            title: t('reviews.results.result'),
            width: 170,
            render: (_: unknown, s) => (
              <Space wrap size={4}>
                {s.result ? <Tag color={levelTag[s.result]}>{levelLabel(s.kind, s.result)}</Tag> : <Tag>{t('reviews.results.none')}</Tag>}
                {s.flagged && <Tag color="red">{t('reviews.results.flag')}</Tag>}
              </Space>
            ),
          },
          { key: 'comments', title: t('reviews.results.commentCount'), width: 80, align: 'right', render: (_: unknown, s) => s.comments.length },
        ]}
      />
    </Space>
  );
}

/** Results of a closed or published round, for staff. */
export function ResultsCard({ roundId, version }: { roundId: string; version: string }) {
  const { t } = useTranslation();
  const res = useLoaded(`${roundId}:${version}`, (signal) => reviewsApi.results(roundId, signal));
  return (
    <Card size="small" title={t('reviews.results.title')}>
      {res.error ? <Alert type="error" showIcon title={errorText(res.error)} /> : null}
      {res.data ? <ResultsTable results={res.data} /> : !res.error && <Empty description={t('states.loading')} />}
    </Card>
  );
}

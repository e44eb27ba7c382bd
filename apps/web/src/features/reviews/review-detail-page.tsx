import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, List, Popconfirm, Space, Typography } from 'antd';
import type { ReviewRoundView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { useResource } from '../../api/use-resource.js';
import { DetailState } from '../../console/detail-state.js';
import { LinkButton } from '../../console/link-button.js';
import { formatDateTime } from '../../i18n/format.js';
import { PaperFormCard } from './paper-form-card.js';
import { ResultsCard } from './results-card.js';
import { ReviewStatusTag } from './review-bits.js';
import { usePostLabel } from './review-format.js';
import { RoundForm } from './round-form.js';
import { reviewsApi } from './reviews-api.js';

/** The staff step for the round's status: open a draft, close an open round, publish a closed one. */
function Steps({ round, onChange }: { round: ReviewRoundView; onChange: (r: ReviewRoundView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [withComments, setWithComments] = useState(false);
  const run = async (call: () => Promise<ReviewRoundView>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await call());
      message.success(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!round.can.manage) return null;
  return (
    <Space orientation="vertical">
      <Space wrap>
        {round.status === 'draft' && (
          <Button type="primary" loading={busy} onClick={() => void run(() => reviewsApi.open(round.id), t('reviews.detail.opened'))}>
            {t('reviews.detail.open')}
          </Button>
        )}
        {round.status === 'open' && (
          <Popconfirm title={t('reviews.detail.closeConfirm')} onConfirm={() => run(() => reviewsApi.close(round.id), t('reviews.detail.closed'))}>
            <Button loading={busy}>{t('reviews.detail.close')}</Button>
          </Popconfirm>
        )}
        {round.status === 'closed' && (
          <>
            <Checkbox checked={withComments} onChange={(e) => setWithComments(e.target.checked)}>
              {t('reviews.detail.publishComments')}
            </Checkbox>
            <Popconfirm title={t('reviews.detail.publishConfirm')} onConfirm={() => run(() => reviewsApi.publish(round.id, withComments), t('reviews.detail.published'))}>
              <Button type="primary" loading={busy}>
                {t('reviews.detail.publish')}
              </Button>
            </Popconfirm>
          </>
        )}
        {round.status === 'published' && <a href={`/reviews/${round.id}`}>{t('reviews.detail.portal')}</a>}
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
    </Space>
  );
}

/** One round (`/console/reviews/:id`): facts and turnout, subjects, the next step, paper forms, results. */
export default function ReviewDetailPage() {
  const { t } = useTranslation();
  const postLabel = usePostLabel();
  const { id = '' } = useParams();
  const { state, set, reload } = useResource(id, reviewsApi.get);
  const [editing, setEditing] = useState(false);
  if (state.status !== 'ready') return <DetailState state={state} notFound={t('reviews.detail.notFound')} back={{ to: '/console/reviews', label: t('reviews.detail.back') }} />;
  const round = state.data;
  const tu = round.turnout;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <LinkButton to="/console/reviews">{t('reviews.detail.back')}</LinkButton>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {round.title}
          </Typography.Title>
          <ReviewStatusTag status={round.status} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('reviews.list.community')}>{round.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('reviews.list.period')}>{round.period}</Descriptions.Item>
          <Descriptions.Item label={t('reviews.list.dates')}>{`${formatDateTime(round.opensAt)} – ${formatDateTime(round.closesAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('reviews.list.turnout')}>{t('reviews.detail.turnout', tu)}</Descriptions.Item>
        </Descriptions>
        <Steps round={round} onChange={set} />
      </Card>
      {editing ? (
        <Card size="small" title={t('reviews.detail.edit')}>
          <RoundForm
            round={round}
            save={(body) => reviewsApi.update(round.id, body)}
            onCancel={() => setEditing(false)}
            onSaved={(r) => {
              set(r);
              setEditing(false);
            }}
          />
        </Card>
      ) : (
        <Card
          size="small"
          title={t('reviews.detail.subjects', { count: round.subjects.length })}
          extra={round.status === 'draft' && round.can.manage && <Button onClick={() => setEditing(true)}>{t('reviews.detail.edit')}</Button>}
        >
          {round.subjects.length === 0 ? (
            <Empty description={t('reviews.detail.noSubjects')} />
          ) : (
            <List
              size="small"
              dataSource={round.subjects}
              renderItem={(s) => (
                <List.Item>
                  <Space size="small">
                    <span>{s.name}</span>
                    <Typography.Text type="secondary">{s.kind === 'member' ? postLabel(s) : t('reviews.detail.service')}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {round.status === 'open' && round.can.manage && <PaperFormCard round={round} onEntered={reload} />}
      {(round.status === 'closed' || round.status === 'published') && <ResultsCard roundId={round.id} version={round.status} />}
    </Space>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { reviewLevels, type ReviewLevel, type ReviewRoundView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useLevelLabel, usePostLabel } from './review-format.js';
import { reviewsApi } from './reviews-api.js';

interface Values {
  representativeId: string;
  levels?: Record<string, ReviewLevel | undefined>;
  comments?: Record<string, string | undefined>;
}

/** 录入纸质评议表: pick the representative who handed it in, copy each rating (blanks stay blank), enter. */
export function PaperFormCard({ round, onEntered }: { round: ReviewRoundView; onEntered: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const levelLabel = useLevelLabel();
  const postLabel = usePostLabel();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reps = useLoaded(`${round.id}:${version}`, (signal) => reviewsApi.representatives(round.id, signal));
  const waiting = (reps.data?.items ?? []).filter((r) => !r.returned);

  const submit = async (v: Values) => {
    const ratings = round.subjects.flatMap((s) => {
      const level = v.levels?.[s.id];
      const comment = v.comments?.[s.id]?.trim();
      return level ? [{ subjectId: s.id, level, ...(comment ? { comment } : {}) }] : [];
    });
    if (ratings.length === 0) return setError(t('reviews.paper.needOne'));
    setBusy(true);
    setError(null);
    try {
      await reviewsApi.paperForm(round.id, { representativeId: v.representativeId, ratings });
      message.success(t('reviews.paper.entered', { name: waiting.find((r) => r.id === v.representativeId)?.name ?? '' }));
      form.resetFields();
      setVersion((x) => x + 1);
      onEntered();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('reviews.paper.title')}>
      {reps.error ? <Alert type="error" showIcon title={errorText(reps.error)} /> : null}
      {reps.data && waiting.length === 0 ? (
        <Typography.Text type="secondary">{t('reviews.paper.allReturned')}</Typography.Text>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="representativeId" label={t('reviews.paper.representative')} rules={[{ required: true }]}>
            <Select placeholder={t('reviews.paper.pickRepresentative')} options={waiting.map((r) => ({ value: r.id, label: r.name }))} showSearch={{ optionFilterProp: 'label' }} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('reviews.paper.blank')}</Typography.Paragraph>
          {round.subjects.map((s) => (
            <Space key={s.id} wrap align="start" style={{ width: '100%', borderBottom: '1px solid #f0f0f0', paddingBottom: 8, marginBottom: 8 }}>
              <Typography.Text strong style={{ display: 'inline-block', minWidth: 160 }}>
                {s.kind === 'member' ? `${s.name}（${postLabel(s)}）` : s.name}
              </Typography.Text>
              <Form.Item name={['levels', s.id]} noStyle>
                <Radio.Group aria-label={s.name} options={reviewLevels.map((l) => ({ value: l, label: levelLabel(s.kind, l) }))} />
              </Form.Item>
              <Form.Item name={['comments', s.id]} noStyle>
                <Input placeholder={t('reviews.paper.comment')} aria-label={`${s.name} ${t('reviews.paper.comment')}`} maxLength={300} style={{ width: 240 }} />
              </Form.Item>
            </Space>
          ))}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('reviews.paper.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

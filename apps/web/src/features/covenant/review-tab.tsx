import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reviewDecisionLabels, type ReviewView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import type { CovenantTabProps } from './covenant-bits.js';
import { covenantApi, type ReviewInput } from './covenant-api.js';

/** The subdistrict's decision on the current version: approve it, or return it with what must change. */
function ReviewForm({ c, onSaved }: Pick<CovenantTabProps, 'c' | 'onSaved'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ notes: string }>();
  const [busy, setBusy] = useState<ReviewInput['decision'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = c.versions.find((v) => v.id === c.currentVersionId);

  const decide = async (body: ReviewInput) => {
    setBusy(body.decision);
    setError(null);
    try {
      onSaved(await covenantApi.review(c.id, body));
      form.resetFields();
      message.success(t(body.decision === 'approved' ? 'covenant.review.approvedOk' : 'covenant.review.returnedOk'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('covenant.review.decide', { number: current?.number ?? 0 })}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('covenant.review.hint')}
        </Typography.Paragraph>
        <Popconfirm
          title={t('covenant.review.approveConfirm')}
          okText={t('covenant.common.confirm')}
          cancelText={t('covenant.common.cancel')}
          onConfirm={() => decide({ decision: 'approved' })}
        >
          <Button type="primary" loading={busy === 'approved'} disabled={busy !== null}>
            {t('covenant.review.approve')}
          </Button>
        </Popconfirm>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => decide({ decision: 'returned', notes: v.notes.trim() })}>
          <Form.Item
            name="notes"
            label={t('covenant.review.notes')}
            rules={[{ required: true, whitespace: true, min: 2, max: 4000, message: t('covenant.review.notesRule') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('covenant.review.notesPlaceholder')} />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy === 'returned'} disabled={busy !== null}>
            {t('covenant.review.return')}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}

/** 合法性审查: every review of the covenant, and for the subdistrict during the review phase, the decision. */
export function ReviewTab({ c, onSaved }: CovenantTabProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const deciding = c.can.review && c.phase === 'legality_review';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {deciding ? (
        <ReviewForm c={c} onSaved={onSaved} />
      ) : (
        <Alert type="info" showIcon title={t(c.phase === 'legality_review' ? 'covenant.review.waiting' : 'covenant.review.notNow')} />
      )}
      <Table<ReviewView>
        rowKey="id"
        size="middle"
        aria-label={t('covenant.review.history')}
        dataSource={[...c.reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
        pagination={false}
        locale={{ emptyText: <Empty description={t('covenant.review.empty')} /> }}
        columns={[
          { key: 'at', title: t('covenant.common.createdAt'), width: 160, render: (_: unknown, r) => formatDateTime(r.createdAt) },
          { key: 'version', title: t('covenant.review.version'), width: 90, render: (_: unknown, r) => t('covenant.versions.numbered', { number: r.versionNumber }) },
          {
            key: 'decision',
            title: t('covenant.review.decision'),
            width: 110,
            render: (_: unknown, r) => <Tag color={r.decision === 'approved' ? 'success' : 'warning'}>{label(reviewDecisionLabels[r.decision])}</Tag>,
          },
          { key: 'notes', title: t('covenant.review.notes'), render: (_: unknown, r) => <span className="gz-cov-pre">{r.notes ?? '—'}</span> },
          { key: 'reviewer', title: t('covenant.review.reviewer'), width: 120, responsive: ['md'], dataIndex: 'reviewerName' },
        ]}
      />
    </Space>
  );
}

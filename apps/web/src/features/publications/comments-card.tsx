import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationCommentKind, PublicationDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { disclosureApi } from '../disclosure/disclosure-api.js';

/** Objections or questions on a publication, each answered in public by staff. */
export function CommentsCard({ p, kind, onChanged }: { p: PublicationDetail; kind: PublicationCommentKind; onChanged: (p: PublicationDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const rows = p.comments.filter((c) => c.kind === kind);
  const send = async (commentId: string) => {
    try {
      onChanged(await disclosureApi.answer(p.id, commentId, drafts[commentId] ?? ''));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card title={t(kind === 'objection' ? 'disclosure.detail.objections' : 'disclosure.detail.questions')} size="small">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disclosure.detail.noComments')} />
      ) : (
        <List
          dataSource={rows}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text>
                  <strong>{c.authorName}</strong> · {formatDateTime(c.createdAt)}
                </Typography.Text>
                <Typography.Paragraph style={{ marginBottom: 0 }}>{c.text}</Typography.Paragraph>
                {c.answer !== null ? (
                  <Typography.Paragraph type="success" style={{ marginBottom: 0 }}>
                    {t('disclosure.detail.answer')}：{c.answer}
                  </Typography.Paragraph>
                ) : p.can.answer ? (
                  <Space.Compact style={{ width: '100%' }}>
                    <Input
                      aria-label={t('disclosure.detail.answerPlaceholder')}
                      placeholder={t('disclosure.detail.answerPlaceholder')}
                      value={drafts[c.id] ?? ''}
                      onChange={(e) => setDrafts({ ...drafts, [c.id]: e.target.value })}
                    />
                    <Button type="primary" disabled={!(drafts[c.id] ?? '').trim()} onClick={() => send(c.id)}>
                      {t('disclosure.detail.sendAnswer')}
                    </Button>
                  </Space.Compact>
                ) : (
                  <Tag color="orange">{t('disclosure.detail.waiting')}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

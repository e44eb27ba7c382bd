import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CallbackView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { formatDateTime } from '../../i18n/format.js';
import { CallbackModal } from './callback-modal.js';
import { useNow } from './request-bits.js';
import { callbacksApi } from './requests-api.js';

type Status = 'open' | 'done' | 'unreachable';
const statusColor = { open: 'gold', done: 'green', unreachable: 'default' } as const;

/** 回访 (`/console/callbacks`): callback tasks for requests taken by phone or on a visit. */
export default function CallbacksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const now = useNow();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const size = 20;
  const list = usePaged<CallbackView>(`${status}:${page}`, () => callbacksApi.list({ status, limit: size, offset: (page - 1) * size }));
  const [doing, setDoing] = useState<CallbackView | null>(null);

  return (
    <Card
      title={t('requests.callback.pageTitle')}
      extra={
        <Segmented<Status>
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={(['open', 'done', 'unreachable'] as const).map((s) => ({ value: s, label: t(`requests.callback.statuses.${s}`) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('requests.callback.pageHint')}</Typography.Paragraph>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<CallbackView>
        rowKey="id"
        size="middle"
        aria-label={t('requests.callback.pageTitle')}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={list.loading ? t('states.loading') : t('requests.callback.empty')} /> }}
        pagination={{ current: page, pageSize: size, total: list.total, onChange: setPage }}
        columns={[
          {
            key: 'number',
            width: 150,
            title: t('requests.fields.number'),
            dataIndex: 'requestNumber',
            className: 'gz-mono gz-nowrap',
            render: (n: string, c) => <Link to={`/console/requests/${c.requestId}`}>{n}</Link>,
          },
          { key: 'title', title: t('requests.fields.title'), dataIndex: 'requestTitle', ellipsis: true },
          {
            key: 'dueAt',
            width: 190,
            title: t('requests.callback.due'),
            dataIndex: 'dueAt',
            render: (v: string, c) => (
              <Typography.Text type={c.status === 'open' && new Date(v).getTime() < now ? 'danger' : undefined}>{formatDateTime(v)}</Typography.Text>
            ),
          },
          { key: 'status', width: 100, title: t('requests.fields.status'), dataIndex: 'status', render: (s: Status) => <Tag color={statusColor[s]}>{t(`requests.callback.statuses.${s}`)}</Tag> },
          { key: 'note', width: 220, title: t('requests.callback.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            key: 'action',
            width: 120,
            title: t('requests.callback.action'),
            render: (_: unknown, c) =>
              c.status === 'open' ? (
                <Button size="small" type="primary" onClick={() => setDoing(c)} aria-label={t('requests.callback.doFor', { number: c.requestNumber })}>
                  {t('requests.callback.do')}
                </Button>
              ) : (
                c.doneAt && formatDateTime(c.doneAt)
              ),
          },
        ]}
      />
      <CallbackModal
        callback={doing}
        onClose={(done) => {
          setDoing(null);
          if (done) {
            message.success(t('requests.callback.done'));
            list.reload();
          }
        }}
      />
    </Card>
  );
}

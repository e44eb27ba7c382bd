import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { correctionStatuses } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { formatDateTime } from '../../i18n/format.js';
import { CorrectionResolveModal } from './correction-resolve-modal.js';
import { correctionsApi, type CorrectionView } from './registers-api.js';

type Status = (typeof correctionStatuses)[number];
const statusColor: Record<Status, string> = { open: 'gold', accepted: 'green', rejected: 'default' };

/** Residents' requests to correct what the community holds about them, answered one by one. */
export default function CorrectionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState({ limit: 50, offset: 0 });
  const query = { status, ...page };
  const list = usePaged<CorrectionView>(JSON.stringify(query), () => correctionsApi.list(query));
  const [handling, setHandling] = useState<CorrectionView | null>(null);

  const columns: TableColumnsType<CorrectionView> = [
    { key: 'resident', title: t('registers.corrections.columns.resident'), dataIndex: 'residentName', className: 'gz-nowrap' },
    { key: 'field', title: t('registers.corrections.columns.field'), dataIndex: 'field', render: (f: CorrectionView['field']) => t(`registers.corrections.fields.${f}`) },
    { key: 'message', title: t('registers.corrections.columns.message'), dataIndex: 'message' },
    { key: 'createdAt', title: t('registers.corrections.columns.createdAt'), dataIndex: 'createdAt', className: 'gz-nowrap', render: (v: string) => formatDateTime(v) },
    {
      key: 'status',
      title: t('registers.corrections.columns.status'),
      dataIndex: 'status',
      render: (s: Status) => <Tag color={statusColor[s]}>{t(`registers.corrections.statuses.${s}`)}</Tag>,
    },
    ...(status === 'open'
      ? []
      : [
          { key: 'response', title: t('registers.corrections.columns.response'), dataIndex: 'response' },
          {
            key: 'handledAt',
            title: t('registers.corrections.columns.handledAt'),
            dataIndex: 'handledAt',
            className: 'gz-nowrap',
            render: (v: string | null) => (v ? formatDateTime(v) : '—'),
          },
        ]),
    {
      key: 'actions',
      title: t('registers.corrections.columns.actions'),
      render: (_, c) => (
        <Space size={4} wrap>
          <LinkButton size="small" to={`/console/residents/${c.residentId}`}>
            {t('registers.corrections.openResident')}
          </LinkButton>
          {c.status === 'open' && (
            <Button size="small" type="primary" onClick={() => setHandling(c)}>
              {t('registers.corrections.handle')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('registers.corrections.title')}>
      <Tabs
        activeKey={status}
        onChange={(k) => {
          setStatus(k as Status);
          setPage((p) => ({ ...p, offset: 0 }));
        }}
        items={correctionStatuses.map((s) => ({ key: s, label: t(`registers.corrections.statuses.${s}`) }))}
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<CorrectionView>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('registers.corrections.empty', { status: t(`registers.corrections.statuses.${status}`) })} /> }}
        pagination={{
          current: page.offset / page.limit + 1,
          pageSize: page.limit,
          total: list.total,
          showTotal: (total) => <Typography.Text type="secondary">{t('registers.corrections.total', { total })}</Typography.Text>,
          onChange: (p, limit) => setPage({ limit, offset: (p - 1) * limit }),
        }}
      />
      <CorrectionResolveModal
        item={handling}
        onClose={(done) => {
          setHandling(null);
          if (done) {
            message.success(t('registers.corrections.done'));
            list.reload();
          }
        }}
      />
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Card, Empty, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { disclosureEditorRoles, publicationKindLabels, publicationStatuses, publicationStatusLabels, type PublicationStatus, type PublicationSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { hasRole } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { disclosureApi, type PublicationQuery } from '../disclosure/disclosure-api.js';
import { PublicationStatusTag } from './publication-bits.js';

const PAGE = 20;
type Filter = PublicationStatus | 'all';

/** 公开信息 (`/console/publications`): drafts, awaiting approval, published and the archive. */
export default function PublicationsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { me } = useSession();
  const [status, setStatus] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const query: PublicationQuery = { status: status === 'all' ? undefined : status, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<PublicationSummary>(JSON.stringify(query), (signal) => disclosureApi.list(query, signal));
  return (
    <Card
      title={t('disclosure.list.pageTitle')}
      extra={
        hasRole(me, disclosureEditorRoles) && (
          <LinkButton to="/console/publications/new" type="primary" icon={<PlusOutlined />}>
            {t('disclosure.list.create')}
          </LinkButton>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<Filter>
          aria-label={t('disclosure.detail.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[{ value: 'all' as const, label: t('disclosure.list.all') }, ...publicationStatuses.map((s) => ({ value: s, label: label(publicationStatusLabels[s]) }))]}
        />
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <Table<PublicationSummary>
          rowKey="id"
          aria-label={t('disclosure.list.table')}
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: <Empty description={t('disclosure.list.empty')} /> }}
          pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { key: 'updatedAt', title: t('disclosure.list.updatedAt'), width: 150, responsive: ['md'], render: (_: unknown, r) => formatDateTime(r.updatedAt) },
            {
              key: 'title',
              title: t('disclosure.form.title'),
              render: (_: unknown, r) => (
                <Space wrap size={4}>
                  <Link to={`/console/publications/${r.id}`}>{r.title}</Link>
                  <Tag>{label(publicationKindLabels[r.kind])}</Tag>
                  {r.unanswered > 0 && <Tag color="red">{t('disclosure.list.unanswered', { count: r.unanswered })}</Tag>}
                </Space>
              ),
            },
            { key: 'status', title: t('disclosure.detail.status'), width: 120, render: (_: unknown, r) => <PublicationStatusTag status={r.status} /> },
            { key: 'author', title: t('disclosure.list.author'), width: 110, responsive: ['sm'], dataIndex: 'authorName' },
          ]}
        />
      </Space>
    </Card>
  );
}

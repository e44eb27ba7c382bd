import { useEffect, useState } from 'react';
import { Alert, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { transferKindLabels, type ImportJobView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { ReportDownloadButton } from './import-report-step.js';
import { transferApi } from './transfer-api.js';

const statusColor: Record<ImportJobView['status'], string> = { validated: 'blue', importing: 'processing', done: 'green', failed: 'red', interrupted: 'orange' };

/** The latest uploads and imports, with their reports; `version` changes after a new import. */
export function ImportsHistory({ version }: { version: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [items, setItems] = useState<ImportJobView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    transferApi
      .list()
      .then((r) => live && (setItems(r.items), setError(null)))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [version]);

  const columns: TableColumnsType<ImportJobView> = [
    { key: 'createdAt', title: t('transfer.history.createdAt'), dataIndex: 'createdAt', className: 'gz-nowrap', render: (v: string) => formatDateTime(v) },
    { key: 'kind', title: t('transfer.history.kind'), render: (_, j) => label(transferKindLabels[j.kind]) },
    { key: 'file', title: t('transfer.history.file'), dataIndex: 'fileName' },
    { key: 'status', title: t('transfer.history.status'), render: (_, j) => <Tag color={statusColor[j.status]}>{t(`transfer.statuses.${j.status}`)}</Tag> },
    {
      key: 'counts',
      title: t('transfer.history.counts'),
      render: (_, j) => t('transfer.history.countsText', { created: j.createdRows, updated: j.updatedRows, unchanged: j.unchangedRows, errors: j.errorRows }),
    },
    { key: 'report', title: t('transfer.history.report'), render: (_, j) => <ReportDownloadButton job={j} /> },
  ];

  return (
    <>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ImportJobView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('transfer.history.empty') }}
      />
    </>
  );
}

import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobView, ImportRowError } from '@gongzhi/shared';
import { isErrorCode } from '../../api/api-error.js';

/** The counts of a validation or an import: what would be (or was) created, changed, left alone, refused. */
export function ImportCounts({ job }: { job: ImportJobView }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'total', count: job.totalRows, color: 'default' },
    { key: 'created', count: job.createdRows, color: 'green' },
    { key: 'updated', count: job.updatedRows, color: 'blue' },
    { key: 'unchanged', count: job.unchangedRows, color: 'default' },
    { key: 'errors', count: job.errorRows, color: job.errorRows ? 'red' : 'default' },
  ] as const;
  return (
    <Space wrap role="group" aria-label={t('transfer.report.counts')} style={{ marginBottom: 12 }}>
      {stats.map((s) => (
        <Tag key={s.key} color={s.color} className="gz-stat">
          {t(`transfer.report.${s.key}`, { count: s.count })}
        </Tag>
      ))}
    </Space>
  );
}

/** Every problem, one line each: the row as Excel numbers it, the column, and why. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportRowError & { key: string }> = [
    { key: 'row', title: t('transfer.report.row'), dataIndex: 'row', width: 90 },
    { key: 'column', title: t('transfer.report.column'), dataIndex: 'column', width: 160, render: (v: string | null) => v ?? t('transfer.report.wholeRow') },
    {
      key: 'reason',
      title: t('transfer.report.reason'),
      // The server's message names the particular value; a bare code still gets the UI's own words.
      render: (_, e) => e.message || (isErrorCode(e.code) ? t(`errors.${e.code}`) : e.code),
    },
  ];
  if (errors.length === 0) return <Typography.Text type="success">{t('transfer.report.noErrors')}</Typography.Text>;
  return (
    <section aria-label={t('transfer.report.errorsTable')}>
      <Table
        size="small"
        columns={columns}
        dataSource={errors.map((e, i) => ({ ...e, key: `${e.row}-${e.column ?? ''}-${i}` }))}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </section>
  );
}

import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportJobView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { saveFile } from '../../api/save-file.js';
import { ImportCounts, ImportErrorsTable } from './import-report.js';
import { transferApi } from './transfer-api.js';

/** Download the uploaded sheet with each row's problems written beside it. */
export function ReportDownloadButton({ job }: { job: ImportJobView }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            saveFile(await transferApi.report(job.id));
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('transfer.report.download')}
      </Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </>
  );
}

/**
 * Step 3: what the file would do, and every problem. Importing writes the valid rows only; a bad row is
 * never half-imported, so fixing it and uploading the file again is always safe.
 */
export function ImportReportStep({ job, onImported, onReupload }: { job: ImportJobView; onImported: (job: ImportJobView) => void; onReupload: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = job.createdRows + job.updatedRows + job.unchangedRows;

  const commit = async () => {
    setBusy(true);
    setError(null);
    try {
      onImported(await transferApi.commit(job.id));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('transfer.report.title', { name: job.fileName })}
      </Typography.Title>
      <ImportCounts job={job} />
      {job.errorRows > 0 && <Alert type="warning" showIcon title={t('transfer.report.errorsHint', { count: job.errorRows })} />}
      <ImportErrorsTable errors={job.errors} />
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Space wrap>
        <Button type="primary" onClick={commit} loading={busy} disabled={valid === 0}>
          {t('transfer.report.commit', { count: valid })}
        </Button>
        <ReportDownloadButton job={job} />
        <Button icon={<UploadOutlined />} onClick={onReupload} disabled={busy}>
          {t('transfer.report.reupload')}
        </Button>
      </Space>
    </Space>
  );
}

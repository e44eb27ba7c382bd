import { useState } from 'react';
import { Alert, Button, Space, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, type ImportJobView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import type { ImportTarget } from './import-choose-step.js';
import { transferApi } from './transfer-api.js';

/** Step 2: drop the filled-in .xlsx; the server checks every row before anything is written. */
export function ImportUploadStep({ target, onValidated, onBack }: { target: ImportTarget; onValidated: (job: ImportJobView) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setError(null);
    if (file.size > IMPORT_MAX_BYTES) {
      setError(t('errors.payload_too_large'));
      return;
    }
    setBusy(file.name);
    try {
      onValidated(await transferApi.upload(target.kind, target.communityId, file));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy !== null}
        // The file goes up through the API client (session cookie, CSRF token), not antd's own request.
        beforeUpload={(file) => {
          void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        {busy ? (
          <div role="status">
            <Spin /> <div>{t('transfer.upload.validating', { name: busy })}</div>
          </div>
        ) : (
          <>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('transfer.upload.drop')}</p>
            <p className="ant-upload-hint">{t('transfer.upload.hint')}</p>
          </>
        )}
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Typography.Text type="secondary">{t('transfer.upload.safe')}</Typography.Text>
      <Button onClick={onBack} disabled={busy !== null}>
        {t('transfer.upload.back')}
      </Button>
    </Space>
  );
}

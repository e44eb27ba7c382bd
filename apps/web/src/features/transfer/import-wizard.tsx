import { useState } from 'react';
import { Alert, Button, Progress, Result, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { ImportChooseStep, type ImportTarget } from './import-choose-step.js';
import { ImportCounts } from './import-report.js';
import { ImportReportStep, ReportDownloadButton } from './import-report-step.js';
import { ImportUploadStep } from './import-upload-step.js';
import { finished, useImportProgress } from './use-import-progress.js';

type Step = 'choose' | 'upload' | 'report' | 'import';
const order: Step[] = ['choose', 'upload', 'report', 'import'];

/** Choose → template → upload → read the report → import the valid rows → follow the progress → result. */
export function ImportWizard({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('choose');
  const [target, setTarget] = useState<ImportTarget | null>(null);
  const [validated, setValidated] = useState<ImportJobView | null>(null);
  const [started, setStarted] = useState<ImportJobView | null>(null);
  const { job: running, pollError } = useImportProgress(started);

  const again = () => {
    setValidated(null);
    setStarted(null);
    setStep('upload');
    onFinished();
  };

  const percent = running && running.totalRows > 0 ? Math.floor((running.processedRows / running.totalRows) * 100) : 0;
  const done = running !== null && finished(running);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={order.indexOf(step)}
        items={order.map((s) => ({ key: s, title: t(`transfer.steps.${s}`) }))}
      />
      {step === 'choose' && (
        <ImportChooseStep
          initial={target ?? {}}
          onNext={(next) => {
            setTarget(next);
            setStep('upload');
          }}
        />
      )}
      {step === 'upload' && target && (
        <ImportUploadStep
          target={target}
          onBack={() => setStep('choose')}
          onValidated={(job) => {
            setValidated(job);
            setStep('report');
          }}
        />
      )}
      {step === 'report' && validated && (
        <ImportReportStep
          job={validated}
          onReupload={() => setStep('upload')}
          onImported={(job) => {
            setStarted(job);
            setStep('import');
          }}
        />
      )}
      {step === 'import' && running && !done && (
        <div role="status">
          <Typography.Paragraph>{t('transfer.progress.running', { name: running.fileName })}</Typography.Paragraph>
          <Progress percent={percent} status="active" aria-label={t('transfer.progress.label')} />
          {/* The server re-checks the whole file before the first batch; say so rather than show a stuck 0 %. */}
          <Typography.Text type="secondary">
            {running.processedRows === 0 ? t('transfer.progress.checking') : t('transfer.progress.rows', { done: running.processedRows, total: running.totalRows })}
          </Typography.Text>
          {pollError ? <Alert type="warning" showIcon title={errorText(pollError)} style={{ marginTop: 12 }} /> : null}
        </div>
      )}
      {step === 'import' && running && done && (
        <Result
          status={running.status === 'done' ? 'success' : 'error'}
          title={t(`transfer.result.${running.status === 'done' ? 'done' : running.status === 'failed' ? 'failed' : 'interrupted'}`)}
          subTitle={<ImportCounts job={running} />}
          extra={
            <Space wrap>
              <Button type="primary" onClick={again}>
                {t('transfer.result.again')}
              </Button>
              <ReportDownloadButton job={running} />
            </Space>
          }
        />
      )}
    </Space>
  );
}

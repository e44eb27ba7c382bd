import { Alert, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierJobView } from '@gongzhi/shared';
import { isErrorCode } from '../../api/api-error.js';
import { errorText } from '../../api/error-text.js';
import { percent } from './request-bits.js';
import { jobOpen } from './use-retrain-job.js';

/**
 * Roughly where a job is, in percent: cross-validation and the final fit each take about half the time (the
 * final fit also calibrates its confidences); collecting and saving are short.
 */
function progressOf(job: ClassifierJobView): number {
  if (job.status === 'queued') return 0;
  if (job.phase === 'cross_validation' && job.fold && job.folds) return Math.round(5 + (45 * (job.fold - 1)) / job.folds);
  if (job.phase === 'final_training') return job.folds ? 50 : 10;
  if (job.phase === 'saving') return 95;
  return job.status === 'running' ? 3 : 100;
}

/** The i18n key (under requests.settings.classifier.phase) of what the job is doing now. */
function phaseKey(job: ClassifierJobView): 'queued' | 'collecting' | 'crossValidation' | 'finalTraining' | 'saving' {
  if (job.status === 'queued') return 'queued';
  if (job.phase === 'cross_validation') return 'crossValidation';
  if (job.phase === 'final_training') return 'finalTraining';
  return job.phase ?? 'collecting';
}

/**
 * A retraining job on the settings page: progress while it runs (on the page itself, no pop-up), then the new
 * model's figures or why it failed.
 */
export function RetrainProgress({ job, pollError }: { job: ClassifierJobView; pollError: unknown }) {
  const { t } = useTranslation();
  if (jobOpen(job)) {
    return (
      <div role="status" aria-live="polite" style={{ marginBottom: 12, maxWidth: 560 }}>
        <Typography.Text>{t(`requests.settings.classifier.phase.${phaseKey(job)}`, { fold: job.fold, folds: job.folds, count: job.exampleCount ?? 0 })}</Typography.Text>
        <Progress percent={progressOf(job)} status="active" aria-label={t('requests.settings.classifier.progressLabel')} />
        <Typography.Text type="secondary">{t('requests.settings.classifier.training')}</Typography.Text>
        {pollError ? <Alert type="warning" showIcon title={errorText(pollError)} style={{ marginTop: 8 }} /> : null}
      </div>
    );
  }
  if (job.status === 'failed') {
    const code = job.error?.code ?? 'classifier_training_failed';
    const reason = isErrorCode(code) ? t(`errors.${code}`) : t('errors.classifier_training_failed');
    return <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('requests.settings.classifier.failed', { reason })} />;
  }
  const model = job.model;
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      style={{ marginBottom: 12 }}
      title={
        model?.metrics
          ? t('requests.settings.classifier.result', { f1: percent(model.metrics.macroF1), accuracy: percent(model.metrics.accuracy), count: model.exampleCount })
          : t('requests.settings.classifier.resultNoMetrics', { count: model?.exampleCount ?? job.exampleCount ?? 0 })
      }
    />
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ClassifierJobView } from '@gongzhi/shared';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { percent } from './request-bits.js';
import { requestAdminApi, type ClassifierModel } from './requests-api.js';
import { RetrainProgress } from './retrain-progress.js';
import { jobOpen, useRetrainJob } from './use-retrain-job.js';

/**
 * 归类模型: the community's trained classifiers with their cross-validated scores. Retraining learns from
 * staff corrections and residents' own choices; it runs on the server in the background (the page follows its
 * progress, also when opened while one runs) and the new model becomes active when it is done.
 */
export function ClassifierTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [models, setModels] = useState<ClassifierModel[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [started, setStarted] = useState<ClassifierJobView | null>(null);
  const { job, pollError } = useRetrainJob(started);
  const training = starting || (job !== null && jobOpen(job));

  const load = useCallback(() => {
    setLoading(true);
    requestAdminApi
      .models()
      .then((r) => (setModels(r.items), setError(null)))
      .catch((e: unknown) => setError(e))
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);
  // A retraining started earlier (here, elsewhere, or from the command line) is still followed.
  useEffect(() => {
    requestAdminApi
      .jobs({ limit: 1 })
      .then((r) => {
        const last = r.items[0];
        if (last && jobOpen(last)) setStarted(last);
      })
      .catch(() => undefined); // the list's own error shows; this only resumes following a running job
  }, []);
  // The list changes when a job ends (its model is new and active).
  const ended = job !== null && !jobOpen(job);
  useEffect(() => {
    if (ended) load();
  }, [ended, load]);

  const retrain = async () => {
    setStarting(true);
    setError(null);
    try {
      setStarted(await requestAdminApi.retrain());
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };
  const activate = async (m: ClassifierModel) => {
    try {
      await requestAdminApi.activate(m.id);
      message.success(t('requests.settings.classifier.activated'));
      load();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('requests.settings.classifier.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<ExperimentOutlined />} loading={training} onClick={retrain}>
          {t('requests.settings.classifier.retrain')}
        </Button>
      </Space>
      {job && <RetrainProgress job={job} pollError={pollError} />}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Table<ClassifierModel>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={models}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('requests.settings.classifier.none') }}
        columns={[
          { key: 'createdAt', title: t('requests.settings.classifier.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { key: 'examples', title: t('requests.settings.classifier.examples'), dataIndex: 'exampleCount' },
          { key: 'labels', title: t('requests.settings.classifier.labels'), dataIndex: 'labels', render: (l: string[]) => l.length },
          { key: 'f1', title: t('requests.settings.classifier.macroF1'), render: (_: unknown, m) => percent(m.metrics?.macroF1) },
          { key: 'accuracy', title: t('requests.settings.classifier.accuracy'), render: (_: unknown, m) => percent(m.metrics?.accuracy) },
          { key: 'folds', title: t('requests.settings.classifier.folds'), render: (_: unknown, m) => m.metrics?.folds ?? '—' },
          {
            key: 'active',
            title: t('requests.settings.actions'),
            render: (_: unknown, m) =>
              m.active ? (
                <Tag color="green">{t('requests.settings.classifier.active')}</Tag>
              ) : (
                <Button size="small" onClick={() => activate(m)}>
                  {t('requests.settings.classifier.activate')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Spin, Table, Tag, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { percent } from './request-bits.js';
import { requestAdminApi, type ClassifierModel } from './requests-api.js';

/**
 * 归类模型: the community's trained classifiers with their cross-validated scores. Retraining learns from
 * staff corrections and residents' own choices; the new model becomes active at once.
 */
export function ClassifierTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [models, setModels] = useState<ClassifierModel[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [training, setTraining] = useState(false);
  const [result, setResult] = useState<ClassifierModel | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    requestAdminApi
      .models()
      .then((r) => (setModels(r.items), setError(null)))
      .catch((e: unknown) => setError(e))
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const retrain = async () => {
    setTraining(true);
    setResult(null);
    try {
      const m = await requestAdminApi.retrain();
      setResult(m);
      load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setTraining(false);
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
        {training && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('requests.settings.classifier.training')}</Typography.Text>
          </Space>
        )}
      </Space>
      {result && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={
            result.metrics
              ? t('requests.settings.classifier.result', { f1: percent(result.metrics.macroF1), accuracy: percent(result.metrics.accuracy), count: result.exampleCount })
              : t('requests.settings.classifier.resultNoMetrics', { count: result.exampleCount })
          }
        />
      )}
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

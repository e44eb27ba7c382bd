import { useState } from 'react';
import { Alert, App, Button, Form, Radio, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { transferKindLabels, transferKinds, type TransferKind } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { saveFile } from '../../api/save-file.js';
import { dataOfficerRoles } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { CommunityField } from '../places/community-field.js';
import { useSession } from '../session/session-context.js';
import { transferApi } from './transfer-api.js';

export interface ImportTarget {
  kind: TransferKind;
  communityId: string;
}

/** Step 1: what to import and into which community; the template is one click away. */
export function ImportChooseStep({ initial, onNext }: { initial: Partial<ImportTarget>; onNext: (t: ImportTarget) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<ImportTarget>();
  const kind = Form.useWatch('kind', form);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    if (!kind) return;
    setDownloading(true);
    setError(null);
    try {
      saveFile(await transferApi.template(kind));
      message.success(t('transfer.choose.templateSaved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Form<ImportTarget> name="import-choose" form={form} layout="vertical" initialValues={{ kind: 'residents', ...initial }} onFinish={onNext} requiredMark={false} style={{ maxWidth: 720 }}>
      <Form.Item name="kind" label={t('transfer.choose.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group optionType="button" options={transferKinds.map((k) => ({ value: k, label: label(transferKindLabels[k]) }))} />
      </Form.Item>
      <CommunityField me={me} roles={dataOfficerRoles} />
      <Typography.Paragraph type="secondary">{t('transfer.choose.templateHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={download} loading={downloading} disabled={!kind}>
          {t('transfer.choose.template')}
        </Button>
        <Button type="primary" htmlType="submit">
          {t('transfer.choose.next')}
        </Button>
      </Space>
    </Form>
  );
}

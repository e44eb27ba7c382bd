import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedOpen311Client } from './integrations-api.js';

/** The new key, shown this once with a copy button; closing the dialog loses it for good. */
export function ApiKeyModal({ client, onClose }: { client: CreatedOpen311Client | null; onClose: () => void }) {
  const { t } = useTranslation();
  const base = `${window.location.origin}/open311/v2/`;
  return (
    <Modal
      open={client !== null}
      title={t('integrations.open311.keyTitle', { name: client?.name ?? '' })}
      okText={t('integrations.open311.keySaved')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
      width={620}
    >
      <Alert type="warning" showIcon title={t('integrations.open311.keyWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph strong>{t('integrations.open311.apiKey')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: client?.apiKey ?? '', tooltips: [t('integrations.open311.copy'), t('integrations.open311.copied')] }} code className="gz-api-key">
        {client?.apiKey}
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('integrations.open311.endpoint')}>
          <Typography.Text copyable code>
            {base}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="jurisdiction_id">
          <Typography.Text copyable code>
            {client?.communityId}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}

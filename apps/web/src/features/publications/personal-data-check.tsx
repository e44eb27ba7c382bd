import { Alert, Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { findPersonalData } from '@gongzhi/shared';

/**
 * The personal-data check as the author types (the same rules the server applies at submission and publishing):
 * each ID, mobile or bank card number found, and "mask all".
 */
export function PersonalDataCheck({ title, body, onMaskAll }: { title: string; body: string; onMaskAll: () => void }) {
  const { t } = useTranslation();
  const found = [...findPersonalData(title), ...findPersonalData(body)];
  if (found.length === 0) return <Alert type="success" showIcon title={t('disclosure.form.noPersonalData')} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('disclosure.form.personalData', { count: found.length })}
      description={
        <Space wrap>
          {found.map((f, i) => (
            <Tag key={i} color="red">
              {t(`disclosure.form.kinds.${f.kind}`)} → {f.masked}
            </Tag>
          ))}
        </Space>
      }
      action={
        <Button danger onClick={onMaskAll}>
          {t('disclosure.form.maskAll')}
        </Button>
      }
    />
  );
}

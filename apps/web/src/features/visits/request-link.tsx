import { Button, Space, Tag } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A line's request, once it became one (its number, linking to it), or the 转为诉求 button when allowed. */
export function RequestLink({ requestId, number, canConvert, onConvert }: { requestId: string | null; number: string | null; canConvert: boolean; onConvert: () => void }) {
  const { t } = useTranslation();
  if (requestId && number)
    return (
      <Space size={4}>
        <Tag color="green">{t('visits.convert.done')}</Tag>
        <Link to={`/console/requests/${requestId}`} className="gz-mono">
          {number}
        </Link>
      </Space>
    );
  if (!canConvert) return null;
  return (
    <Button size="small" icon={<SendOutlined />} onClick={onConvert}>
      {t('visits.convert.open')}
    </Button>
  );
}

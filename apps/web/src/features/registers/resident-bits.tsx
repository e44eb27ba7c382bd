import { Space, Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isSensitiveTag, residentStatusLabels, residentTagInfo, type ResidentStatus, type ResidentTag } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

/** Full years between a `YYYY-MM-DD` birth date and today. */
export function ageOf(birthDate: string | null, today = new Date()): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return null;
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

const statusColor: Record<ResidentStatus, string> = { living: 'green', moved_out: 'default', deceased: 'default' };

/** 在住 / 已迁出 / 已故. */
export function ResidentStatusTag({ status }: { status: ResidentStatus }) {
  const label = useLabel();
  return <Tag color={statusColor[status]}>{label(residentStatusLabels[status])}</Tag>;
}

/** One tag; sensitive ones carry a lock, so nobody copies them into a notice by mistake. */
export function ResidentTagChip({ tag, onClose }: { tag: ResidentTag; onClose?: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const sensitive = isSensitiveTag(tag);
  const chip = (
    <Tag
      color={sensitive ? 'purple' : 'blue'}
      icon={sensitive ? <LockOutlined aria-label={t('registers.tags.sensitive')} /> : undefined}
      closable={!!onClose}
      onClose={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      {label(residentTagInfo[tag])}
    </Tag>
  );
  return sensitive ? <Tooltip title={t('registers.tags.sensitive')}>{chip}</Tooltip> : chip;
}

export function ResidentTagList({ tags }: { tags: ResidentTag[] }) {
  if (tags.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) => (
        <ResidentTagChip key={tag} tag={tag} />
      ))}
    </Space>
  );
}

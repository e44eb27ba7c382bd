import { Tag } from 'antd';
import { publicationStatusLabels, type PublicationStatus } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

const colours: Record<PublicationStatus, string> = { draft: 'default', submitted: 'orange', approved: 'blue', published: 'green', archived: 'purple' };

export function PublicationStatusTag({ status }: { status: PublicationStatus }) {
  const label = useLabel();
  return <Tag color={colours[status]}>{label(publicationStatusLabels[status])}</Tag>;
}

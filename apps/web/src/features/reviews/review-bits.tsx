import { Tag } from 'antd';
import { reviewStatusLabels, type ReviewLevel, type ReviewStatus } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

const statusColour: Record<ReviewStatus, string> = { draft: 'default', open: 'processing', closed: 'warning', published: 'success' };
export const levelTag: Record<ReviewLevel, string> = { good: 'green', fair: 'gold', poor: 'red' };

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const label = useLabel();
  return <Tag color={statusColour[status]}>{label(reviewStatusLabels[status])}</Tag>;
}

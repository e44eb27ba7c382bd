import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodLabel, type DisclosureDue } from '@gongzhi/shared';

const colours: Record<DisclosureDue['status'], string> = { not_periodic: 'default', upcoming: 'blue', due: 'orange', overdue: 'red', published: 'green' };

/** Where a catalogue item stands for its period: upcoming, due soon, overdue (with days) or published. */
export function DueTag({ due }: { due: DisclosureDue }) {
  const { t, i18n } = useTranslation();
  const period = due.period ? periodLabel(due.period, i18n.language === 'en-US' ? 'en-US' : 'zh-CN') : '';
  return <Tag color={colours[due.status]}>{t(`disclosure.catalogue.status.${due.status}`, { period, dueOn: due.dueOn ?? '', days: due.daysOverdue })}</Tag>;
}

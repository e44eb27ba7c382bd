import { Empty, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { partyLevelLabels, type OrganisationView } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

/** Party organisations as their tree: committee → general branch → branch → group. */
export function PartyOrgTree({ items }: { items: OrganisationView[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (items.length === 0) return <Empty description={t('organisations.list.empty')} />;
  const ids = new Set(items.map((o) => o.id));
  const childrenOf = (parentId: string | null): TreeDataNode[] =>
    items
      // An organisation whose parent is not listed (retired, or in another community) shows at the top.
      .filter((o) => (parentId === null ? !o.parentId || !ids.has(o.parentId) : o.parentId === parentId))
      .map((o) => ({
        key: o.id,
        title: (
          <span>
            <Link to={`/console/organisations/${o.id}`}>{o.name}</Link>
            {o.partyLevel && <Tag style={{ marginInlineStart: 8 }}>{label(partyLevelLabels[o.partyLevel])}</Tag>}
            <span className="gz-muted">{t('organisations.list.members', { count: o.memberCount })}</span>
            {o.retiredAt && <Tag>{t('organisations.detail.retired')}</Tag>}
          </span>
        ),
        children: childrenOf(o.id),
      }));
  return <Tree aria-label={t('organisations.list.partyTree')} treeData={childrenOf(null)} defaultExpandAll selectable={false} blockNode />;
}

import { useMemo } from 'react';
import { Alert, Card, Empty, Space, Spin, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { countSummary } from './count-summary.js';
import { walk, type TreeItem } from './tree-items.js';
import type { usePlaceTree } from './use-place-tree.js';

interface Props {
  tree: ReturnType<typeof usePlaceTree>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  includeRetired: boolean;
  onIncludeRetiredChange: (on: boolean) => void;
}

/** The place tree with counts per node, loaded level by level. */
export function PlaceTreePanel({ tree, selectedId, onSelect, includeRetired, onIncludeRetiredChange }: Props) {
  const { t } = useTranslation();

  const treeData = useMemo(() => {
    const toNode = (it: TreeItem): TreeDataNode => {
      const summary = countSummary(t, it.node.counts);
      return {
        key: it.node.id,
        title: (
          <span className={it.node.retiredAt ? 'gz-retired' : undefined}>
            {it.node.name}
            {summary && <Typography.Text type="secondary"> · {summary}</Typography.Text>}
            {it.node.retiredAt && (
              <Tag color="default" style={{ marginInlineStart: 6 }}>
                {t('places.tree.retiredTag')}
              </Tag>
            )}
          </span>
        ),
        isLeaf: it.node.childCount === 0,
        children: it.children?.map(toNode),
      };
    };
    return (tree.roots ?? []).map(toNode);
  }, [tree.roots, includeRetired, t]);

  const loadedKeys = useMemo(() => [...walk(tree.roots ?? [])].filter((it) => it.children).map((it) => it.node.id), [tree.roots]);

  return (
    <Card
      title={t('places.tree.title')}
      size="small"
      extra={
        <Space size={6}>
          <label htmlFor="gz-show-retired">{t('places.tree.showRetired')}</label>
          <Switch id="gz-show-retired" size="small" checked={includeRetired} onChange={onIncludeRetiredChange} />
        </Space>
      }
    >
      {tree.error ? <Alert type="error" showIcon title={errorText(tree.error)} /> : null}
      {!tree.roots && !tree.error && <Spin />}
      {tree.roots && tree.roots.length === 0 && <Empty description={t('places.tree.empty')} />}
      {tree.roots && tree.roots.length > 0 && (
        <Tree
          aria-label={t('places.tree.label')}
          treeData={treeData}
          showLine
          blockNode
          expandedKeys={tree.expandedKeys}
          onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
          loadedKeys={loadedKeys}
          loadData={(node) => tree.loadChildren(String(node.key))}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
        />
      )}
    </Card>
  );
}

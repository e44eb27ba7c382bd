import { useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { placeKinds, type PlaceKind } from '@gongzhi/shared';
import { walk, type TreeItem } from './tree-items.js';
import { usePlaceTree } from './use-place-tree.js';

interface Props {
  id?: string;
  value?: string;
  /** Called with undefined when the choice is cleared. */
  onChange?: (id: string | undefined) => void;
  /** Only places of these kinds can be chosen; the tree stops below the deepest of them. */
  kinds: PlaceKind[];
  /** A place whose subtree is left out (a place cannot move under itself). */
  excludeId?: string;
  /** What to show while nothing is chosen; a filter says what it filters by. */
  placeholder?: string;
  'aria-label'?: string;
}

interface PickerNode {
  value: string;
  title: string;
  selectable: boolean;
  isLeaf: boolean;
  children?: PickerNode[];
}

/** Pick a place from the user's part of the tree, loading deeper levels as they open. */
export function PlacePicker({ id, value, onChange, kinds, excludeId, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const tree = usePlaceTree(false);
  const deepest = Math.max(...kinds.map((k) => placeKinds.indexOf(k)));

  const treeData = useMemo(() => {
    const toNode = (it: TreeItem): PickerNode => {
      const leaf = placeKinds.indexOf(it.node.kind) >= deepest || it.node.kind === 'dwelling';
      return {
        value: it.node.id,
        title: t('places.picker.option', { name: it.node.name, kind: t(`kinds.${it.node.kind}`) }),
        selectable: kinds.includes(it.node.kind),
        isLeaf: leaf || it.node.childCount === 0,
        children: leaf ? undefined : it.children?.filter((c) => c.node.id !== excludeId).map(toNode),
      };
    };
    return (tree.roots ?? []).filter((r) => r.node.id !== excludeId).map(toNode);
  }, [tree.roots, kinds, deepest, excludeId, t]);

  // Until the user opens or closes a node, show every loaded level above the choosable kinds.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const autoExpanded = useMemo(
    () => [...walk(tree.roots ?? [])].filter((it) => it.children && placeKinds.indexOf(it.node.kind) < deepest).map((it) => it.node.id),
    [tree.roots, deepest],
  );

  const loadedKeys = useMemo(() => [...walk(tree.roots ?? [])].filter((it) => it.children).map((it) => it.node.id), [tree.roots]);

  return (
    <TreeSelect<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      loadData={(node) => tree.loadChildren(String(node.value))}
      treeLoadedKeys={loadedKeys}
      treeExpandedKeys={expanded ?? autoExpanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      placeholder={placeholder ?? t('places.picker.placeholder')}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={!tree.roots}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

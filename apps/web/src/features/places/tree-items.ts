import type { PlaceTreeNode } from '@gongzhi/shared';

/** A node as the console holds it; `children` is null until that level has been loaded. */
export interface TreeItem {
  node: Omit<PlaceTreeNode, 'children'>;
  level: number;
  children: TreeItem[] | null;
}

/** Convert the server's nodes; nodes at `cut` came back without children even if they have some. */
export function toItems(nodes: PlaceTreeNode[], level: number, cut: number): TreeItem[] {
  return nodes.map(({ children, ...node }) => ({
    node,
    level,
    children: level < cut ? toItems(children, level + 1, cut) : null,
  }));
}

/** Replace one item (found by id) with `fn(item)`, copying only the path to it. */
export function updateItem(items: TreeItem[], id: string, fn: (item: TreeItem) => TreeItem): TreeItem[] {
  return items.map((it) => {
    if (it.node.id === id) return fn(it);
    if (!it.children) return it;
    const children = updateItem(it.children, id, fn);
    return children === it.children || children.every((c, i) => c === it.children![i]) ? it : { ...it, children };
  });
}

/** Every item, depth first. */
export function* walk(items: TreeItem[]): Generator<TreeItem> {
  for (const it of items) {
    yield it;
    if (it.children) yield* walk(it.children);
  }
}

export const findItem = (items: TreeItem[], id: string): TreeItem | undefined => {
  for (const it of walk(items)) if (it.node.id === id) return it;
  return undefined;
};

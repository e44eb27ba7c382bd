import { useCallback, useEffect, useRef, useState } from 'react';
import { placesApi } from './places-api.js';
import { findItem, toItems, updateItem, walk, type TreeItem } from './tree-items.js';

const INITIAL_DEPTH = 2;
const MAX_DEPTH = 6;

/**
 * The console's copy of the place tree: loaded two levels deep, deeper levels on demand. After a change the
 * whole tree reloads as deep as it is open, so counts stay right on every ancestor and nothing collapses.
 */
export function usePlaceTree(includeRetired: boolean) {
  const [roots, setRoots] = useState<TreeItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const rootsRef = useRef<TreeItem[] | null>(null);
  const expandedRef = useRef<string[]>([]);
  rootsRef.current = roots;
  expandedRef.current = expandedKeys;

  const openDepth = useCallback((): number => {
    let deepest = INITIAL_DEPTH - 1;
    const open = new Set(expandedRef.current);
    for (const it of walk(rootsRef.current ?? [])) if (open.has(it.node.id)) deepest = Math.max(deepest, it.level);
    return deepest + 1;
  }, []);

  const reload = useCallback(
    async (atLeast = INITIAL_DEPTH) => {
      const depth = Math.min(MAX_DEPTH, Math.max(atLeast, openDepth()));
      try {
        const r = await placesApi.tree({ depth, includeRetired });
        setRoots(toItems(r.roots, 0, depth));
        setError(null);
        // The first load opens the roots, so the first level shows at once.
        if (rootsRef.current === null) setExpandedKeys((keys) => (keys.length ? keys : r.roots.map((n) => n.id)));
      } catch (e) {
        setError(e);
      }
    },
    [includeRetired, openDepth],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Load the level under one node (antd Tree's `loadData`). */
  const loadChildren = useCallback(
    async (id: string) => {
      const item = rootsRef.current && findItem(rootsRef.current, id);
      if (!item || item.children) return;
      const r = await placesApi.tree({ rootId: id, depth: 1, includeRetired });
      const fresh = r.roots.find((n) => n.id === id);
      if (!fresh) return;
      setRoots((cur) =>
        cur
          ? updateItem(cur, id, (it) => ({
              ...it,
              node: { ...it.node, counts: fresh.counts, childCount: fresh.childCount },
              children: toItems(fresh.children, it.level + 1, it.level + 1),
            }))
          : cur,
      );
    },
    [includeRetired],
  );

  /** Open the tree down to a place, given its ancestors top-down and itself. */
  const reveal = useCallback(
    async (pathIds: string[]) => {
      const current = rootsRef.current;
      if (!current) return;
      const rootIdx = pathIds.findIndex((id) => current.some((r) => r.node.id === id));
      if (rootIdx < 0) return;
      const toOpen = pathIds.slice(rootIdx, -1);
      const targetLevel = pathIds.length - 1 - rootIdx;
      const missing = toOpen.some((id) => !findItem(current, id)?.children);
      setExpandedKeys((keys) => [...new Set([...keys, ...toOpen])]);
      expandedRef.current = [...new Set([...expandedRef.current, ...toOpen])];
      if (missing) await reload(targetLevel);
    },
    [reload],
  );

  return { roots, error, expandedKeys, setExpandedKeys, reload, loadChildren, reveal };
}

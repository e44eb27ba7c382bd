import { placeKinds, type PlaceKind, type PlaceTreeNode, type PlaceView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { PlaceRow } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { scopePrefixes } from '../../lib/scope.js';
import { canSeePlace, isAboveScope, placeViewerRoles } from './places.policy.js';
import * as repo from './places.repository.js';

export const toPlaceView = (p: PlaceRow): PlaceView => ({
  id: p.id,
  kind: p.kind as PlaceKind,
  name: p.name,
  parentId: p.parent_id,
  communityId: p.community_id,
  retiredAt: p.retired_at,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

type WorkNode = Omit<PlaceTreeNode, 'children' | 'childCount'> & { path: string; children: WorkNode[] };

/**
 * The actor's part of the tree: one root per scope place (or the subtree at `rootId`), each node with counts
 * of its active descendants by kind. `depth` limits how far below the roots nodes are returned, so the console
 * can load a large community level by level; counts always cover the whole subtree.
 */
export async function placeTree(deps: AppDeps, actor: Actor, opts: { includeRetired: boolean; rootId?: string; depth: number }) {
  let prefixes = scopePrefixes(actor, placeViewerRoles);
  if (opts.rootId) {
    const root = await repo.findPlace(deps.db, opts.rootId);
    if (!root || !(canSeePlace(actor, root.path) || isAboveScope(actor, root.path))) throw notFound();
    prefixes = canSeePlace(actor, root.path) ? [root.path] : prefixes.filter((p) => p.startsWith(root.path));
  }
  const rows = await repo.listSubtrees(deps.db, prefixes, opts.includeRetired);
  const nodes = new Map<string, WorkNode>();
  for (const r of rows) nodes.set(r.id, { ...toPlaceView(r), counts: {}, children: [], path: r.path });
  const roots: WorkNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    if (!r.retired_at) {
      // Each active place counts once toward every ancestor present in the result.
      for (const a of r.path.split('/').filter(Boolean).slice(0, -1)) {
        const an = nodes.get(a);
        if (an) an.counts[node.kind] = (an.counts[node.kind] ?? 0) + 1;
      }
    }
    if (prefixes.includes(r.path)) roots.push(node);
    else if (r.parent_id) nodes.get(r.parent_id)?.children.push(node);
  }
  const cut = ({ path: _path, children, ...view }: WorkNode, depth: number): PlaceTreeNode => ({
    ...view,
    childCount: children.length,
    children: depth < opts.depth ? children.map((c) => cut(c, depth + 1)) : [],
  });
  return roots.sort((a, b) => placeKinds.indexOf(a.kind) - placeKinds.indexOf(b.kind)).map((r) => cut(r, 0));
}

/** A place the actor may see, else 404 (the same answer as a missing one). */
export async function visiblePlace(deps: AppDeps, actor: Actor, id: string): Promise<PlaceRow> {
  const p = await repo.findPlace(deps.db, id);
  if (!p || !canSeePlace(actor, p.path)) throw notFound();
  return p;
}

/** A place with its ancestors (for the breadcrumb) and its children. */
export async function placeDetail(deps: AppDeps, actor: Actor, id: string, includeRetired: boolean) {
  const p = await visiblePlace(deps, actor, id);
  const ancestorIds = p.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = await repo.findPlacesByIds(deps.db, ancestorIds);
  ancestors.sort((a, b) => a.path.length - b.path.length);
  const children = await repo.listChildren(deps.db, p.id, includeRetired);
  return {
    place: toPlaceView(p),
    ancestors: ancestors.map(toPlaceView),
    children: children.map(toPlaceView),
    counts: await repo.countByKind(deps.db, p.path),
  };
}

export async function placeHistory(deps: AppDeps, actor: Actor, id: string) {
  const p = await visiblePlace(deps, actor, id);
  const rows = await repo.listPlaceHistory(deps.db, p.id);
  return rows.map((h) => ({
    id: h.id,
    change: h.change as 'created' | 'renamed' | 'moved' | 'retired' | 'restored',
    fromValue: h.from_value,
    toValue: h.to_value,
    actorUserId: h.actor_user_id,
    at: h.at,
  }));
}

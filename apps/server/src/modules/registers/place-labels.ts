import type { Db } from '../../db/database.js';

/**
 * Place labels for register rows: the names of the place chain below the community, "第一网格 五福苑 1栋 1单元
 * 101室". Register rows carry their dwelling's materialised path, so every name a page needs is fetched in one
 * query by id, whatever the number of rows.
 */

/** The ids below the community (path segments from the third on). */
const idsBelowCommunity = (path: string): string[] => path.split('/').filter(Boolean).slice(2);

/** Labels for paths (one query): path → label; a community's own path (someone not in a household) is ''. */
export async function labelsForPaths(db: Db, paths: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(paths)];
  const ids = [...new Set(unique.flatMap(idsBelowCommunity))];
  const names = new Map<string, string>();
  // Chunked so a very large page never exceeds a database's parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('places').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return new Map(unique.map((p) => [p, labelOf(p, names)]));
}

function labelOf(path: string, names: Map<string, string>): string {
  return idsBelowCommunity(path)
    .map((id) => names.get(id))
    .filter((n): n is string => n !== undefined)
    .join(' ');
}

/** Labels for places by id (two queries: their paths, then the names on them): id → label. */
export async function placeLabels(db: Db, placeIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(placeIds)];
  if (ids.length === 0) return new Map();
  const paths = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('places').select(['id', 'path']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) paths.set(r.id, r.path);
  }
  const byPath = await labelsForPaths(db, paths.values());
  return new Map([...paths].map(([id, path]) => [id, byPath.get(path) ?? '']));
}

/** The dwelling a register path ends at, or null for a community-level path. */
export function dwellingOfPath(path: string): string | null {
  const ids = idsBelowCommunity(path);
  return ids.length === 5 ? ids[4]! : null;
}

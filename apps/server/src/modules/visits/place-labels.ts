import type { Db } from '../../db/database.js';
import { findPlacesByIds } from '../places/places.repository.js';
import { labelsForPaths } from '../registers/index.js';

/** The community's id on a materialised path `/subdistrict/community/…/`. */
const communityIdOf = (path: string): string => path.split('/').filter(Boolean)[1] ?? '';

/**
 * Where visits, meetings and plan targets are, for people: the place chain below the community as the registers
 * write it ("第一网格 五福苑 1栋"), or the community's own name for a record held at the community itself (a
 * meeting for the whole community, an organisation without a place), which the register label leaves empty.
 */
export async function visitPlaceLabels(db: Db, paths: Iterable<string>): Promise<Map<string, string>> {
  const labels = await labelsForPaths(db, paths);
  const communityLevel = [...labels].filter(([, label]) => label === '').map(([path]) => path);
  if (communityLevel.length === 0) return labels;
  const communities = await findPlacesByIds(db, [...new Set(communityLevel.map(communityIdOf))]);
  const names = new Map(communities.map((c) => [c.id, c.name]));
  for (const path of communityLevel) labels.set(path, names.get(communityIdOf(path)) ?? '');
  return labels;
}

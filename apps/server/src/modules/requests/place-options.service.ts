import type { PlaceKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { labelsForPaths } from '../registers/index.js';
import { linkedResident } from './intake.repository.js';
import { estatesAndBuildings, placesByIds } from './place-options.repository.js';
import { findCommunity } from './settings.repository.js';

/**
 * Where a resident may say their request is. Residents cannot read the place tree, so this answers with their
 * own dwelling, building and estate (from their linked register record) and the community's estates and
 * buildings; intake accepts any of these (and refuses other households' dwellings).
 */
export async function placeOptions(deps: AppDeps, actor: Actor) {
  const role = actor.roles.find((r) => r.role === 'resident');
  const community = role ? await findCommunity(deps.db, role.communityId ?? role.placeId) : undefined;
  if (!role || !community) throw notFound();
  const linked = await linkedResident(deps.db, actor.userId!, community.id);
  // `/sd/community/grid/estate/building/entrance/dwelling/`: their estate, building and dwelling.
  const chain = linked ? linked.place_path.split('/').filter(Boolean).slice(2) : [];
  const mineIds = [chain[1], chain[2], chain[4]].filter((x): x is string => x !== undefined);
  const [mine, all] = await Promise.all([placesByIds(deps.db, mineIds), estatesAndBuildings(deps.db, community.id)]);
  const order: Record<string, number> = { dwelling: 0, building: 1, estate: 2 };
  mine.sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9));
  const mineSet = new Set(mine.map((p) => p.id));
  const places = [...mine, ...all.filter((p) => !mineSet.has(p.id))];
  const labels = await labelsForPaths(deps.db, places.map((p) => p.path));
  return {
    communityId: community.id,
    communityName: community.name,
    items: places.map((p) => ({ id: p.id, kind: p.kind as PlaceKind, name: p.name, label: labels.get(p.path) ?? p.name, mine: mineSet.has(p.id) })),
  };
}

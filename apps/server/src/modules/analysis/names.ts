/** Names for the views: categories and places by id, and the place ids along a path. */
import type { Locale } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { findPlacesByIds } from '../places/places.repository.js';
import { categoriesByIds } from './analysis.repository.js';
import { labelIn, noneLabels } from './rates.js';

/** Path segments (place ids from the subdistrict down): [sd, community, grid, estate, building, entrance, dwelling]. */
export const segmentsOf = (path: string) => path.split('/').filter(Boolean);

/** Category references for ids (null: uncategorised), in the order given. */
export async function categoryRefs(deps: AppDeps, ids: (string | null)[], locale: Locale) {
  const known = await categoriesByIds(deps.db, ids.filter((i): i is string => i !== null));
  return new Map(
    ids.map((id) => {
      const c = id ? known.get(id) : undefined;
      const none = labelIn(noneLabels.category, locale);
      return [id, c ? { id: c.id, code: c.code, nameZh: c.name_zh, nameEn: c.name_en } : { id, code: null, nameZh: id ? '?' : none, nameEn: id ? '?' : none }] as const;
    }),
  );
}

/** Names of places by id (chunked). */
export async function placeNames(deps: AppDeps, ids: string[]): Promise<Map<string, { name: string; parentId: string | null }>> {
  const out = new Map<string, { name: string; parentId: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const p of await findPlacesByIds(deps.db, ids.slice(i, i + 500))) out.set(p.id, { name: p.name, parentId: p.parent_id });
  }
  return out;
}


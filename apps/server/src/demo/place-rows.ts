import type { PlaceKind } from '@gongzhi/shared';
import type { Insertable } from 'kysely';
import type { PlaceHistoryTable, PlaceRow } from '../db/database.js';
import { newId } from '../lib/ids.js';
import type { PlaceRef } from './organisations-plan.js';
import type { GridPlan } from './places-plan.js';

/** The ids of a community's places, by position in its plan. */
export interface PlaceIds {
  community: PlaceRow;
  grids: PlaceRow[];
  estates: PlaceRow[][];
  /** buildings[grid][estate][building] */
  buildings: PlaceRow[][][];
  /** By index into the plan's flattened dwellings. */
  dwellings: PlaceRow[];
}

/**
 * The rows `createPlace` would write for a whole community (place, `created` history), made in memory: ids are
 * taken in tree order, so siblings sort in the order they were planned (1栋 before 2栋), as the place tree
 * lists them.
 */
export function placeRows(subdistrict: Pick<PlaceRow, 'id' | 'path'>, name: string, grids: GridPlan[], now: string) {
  const places: PlaceRow[] = [];
  const history: Insertable<PlaceHistoryTable>[] = [];
  const add = (kind: PlaceKind, placeName: string, parent: Pick<PlaceRow, 'id' | 'path'>, communityId: string | null): PlaceRow => {
    const id = newId();
    const row: PlaceRow = {
      id,
      kind,
      name: placeName,
      parent_id: parent.id,
      community_id: communityId ?? id,
      path: `${parent.path}${id}/`,
      retired_at: null,
      created_at: now,
      updated_at: now,
    };
    places.push(row);
    history.push({ id: newId(), place_id: id, change: 'created', from_value: null, to_value: placeName, actor_user_id: null, at: now });
    return row;
  };
  const community = add('community', name, subdistrict, null);
  const ids: PlaceIds = { community, grids: [], estates: [], buildings: [], dwellings: [] };
  for (const grid of grids) {
    const g = add('grid', grid.name, community, community.id);
    ids.grids.push(g);
    ids.estates.push([]);
    ids.buildings.push([]);
    for (const estate of grid.estates) {
      const e = add('estate', estate.name, g, community.id);
      ids.estates.at(-1)!.push(e);
      const buildings: PlaceRow[] = [];
      ids.buildings.at(-1)!.push(buildings);
      for (const building of estate.buildings) {
        const b = add('building', building.name, e, community.id);
        buildings.push(b);
        for (const entrance of building.entrances) {
          const en = add('entrance', entrance.name, b, community.id);
          for (const dwelling of entrance.dwellings) ids.dwellings.push(add('dwelling', dwelling, en, community.id));
        }
      }
    }
  }
  return { places, history, ids };
}

/** The place a plan's reference points at. */
export function placeOf(ids: PlaceIds, ref: PlaceRef): PlaceRow {
  switch (ref.kind) {
    case 'community':
      return ids.community;
    case 'grid':
      return ids.grids[ref.grid]!;
    case 'estate':
      return ids.estates[ref.grid]![ref.estate]!;
    case 'building':
      return ids.buildings[ref.grid]![ref.estate]![ref.building]!;
  }
}

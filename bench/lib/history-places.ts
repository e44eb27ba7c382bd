// The place tree of the requests benchmark's generated subdistrict (see request-history.ts).
import type { PlaceRow } from '../../apps/server/src/db/database.js';
import { newId } from '../../apps/server/src/lib/ids.js';
import { WeightedTable, type Random } from '../../apps/server/src/demo/prng.js';

const SHAPE = { grids: 8, estates: 2, buildings: 5, entrances: 2, dwellings: 10 };

/** The places of one community: 8 grids × 2 estates × 5 buildings × 2 entrances × 10 dwellings. */
export function communityPlaces(sd: PlaceRow, c: number, now: string) {
  const rows: PlaceRow[] = [];
  const add = (kind: string, name: string, parent: PlaceRow, communityId: string | null): PlaceRow => {
    const id = newId();
    const row: PlaceRow = { id, kind, name, parent_id: parent.id, community_id: communityId ?? id, path: `${parent.path}${id}/`, retired_at: null, created_at: now, updated_at: now };
    rows.push(row);
    return row;
  };
  const community = add('community', `第${c + 1}社区`, sd, null);
  const targets: { place: PlaceRow; grid: PlaceRow | null; weight: number }[] = [{ place: community, grid: null, weight: 5 }];
  const grids: PlaceRow[] = [];
  for (let g = 0; g < SHAPE.grids; g++) {
    const grid = add('grid', `第${g + 1}网格`, community, community.id);
    grids.push(grid);
    for (let e = 0; e < SHAPE.estates; e++) {
      const estate = add('estate', `${grid.name}${e + 1}号院`, grid, community.id);
      targets.push({ place: estate, grid, weight: 10 / (SHAPE.grids * SHAPE.estates) });
      for (let b = 0; b < SHAPE.buildings; b++) {
        const building = add('building', `${b + 1}栋`, estate, community.id);
        // Some buildings are hotspots: weights vary by a factor of four.
        const heat = 1 + ((b * 7 + e * 3 + g) % 4);
        targets.push({ place: building, grid, weight: (15 * heat) / (SHAPE.grids * SHAPE.estates * SHAPE.buildings * 2.5) });
        for (let n = 0; n < SHAPE.entrances; n++) {
          const entrance = add('entrance', `${n + 1}单元`, building, community.id);
          for (let d = 0; d < SHAPE.dwellings; d++) {
            const dwelling = add('dwelling', `${Math.floor(d / 2) + 1}0${(d % 2) + 1}室`, entrance, community.id);
            targets.push({ place: dwelling, grid, weight: (70 * heat) / (SHAPE.grids * SHAPE.estates * SHAPE.buildings * SHAPE.entrances * SHAPE.dwellings * 2.5) });
          }
        }
      }
    }
  }
  const table = new WeightedTable(targets.map((t) => [t, t.weight] as const));
  return { community, grids, rows, pick: (rng: Random) => table.draw(rng) };
}

import { ageOn } from './dates.js';
import type { DwellingRef } from './places-plan.js';
import type { Random } from './prng.js';
import type { HouseholdPlan, PersonPlan } from './residents-plan.js';

/** A resident of the generated community, by position: households[household].members[member]. */
export interface PersonRef {
  household: number;
  member: number;
}

export interface PoolEntry {
  ref: PersonRef;
  person: PersonPlan;
  age: number;
  dwelling: DwellingRef;
  partyMember: boolean;
}

/**
 * The living residents of a community, grouped by grid and building, to draw post holders from (building leaders
 * live in their building, committee members in the community). Each person is drawn at most once per pool.
 */
export class PeoplePool {
  readonly all: PoolEntry[] = [];
  private readonly byGrid = new Map<number, PoolEntry[]>();
  private readonly byBuilding = new Map<string, PoolEntry[]>();
  private readonly taken = new Set<PoolEntry>();

  constructor(households: HouseholdPlan[], dwellings: DwellingRef[], today: string) {
    households.forEach((h, hi) => {
      if (h.status !== 'active') return;
      const dwelling = dwellings[h.dwelling]!;
      h.members.forEach((person, mi) => {
        if (person.status !== 'living') return;
        const entry: PoolEntry = { ref: { household: hi, member: mi }, person, age: ageOn(person.birthDate, today), dwelling, partyMember: person.tags.some((t) => t.tag === 'party_member') };
        this.all.push(entry);
        push(this.byGrid, dwelling.grid, entry);
        push(this.byBuilding, buildingKey(dwelling.grid, dwelling.estate, dwelling.building), entry);
      });
    });
  }

  /** Mark someone as already holding a post here (so they are not drawn again). */
  reserve(entry: PoolEntry): void {
    this.taken.add(entry);
  }

  /**
   * Someone from `from` (a grid, a building, or everyone) who passes `test`, preferring those who also pass
   * `prefer`; null when nobody fits.
   */
  draw(rng: Random, test: (e: PoolEntry) => boolean, opts: { grid?: number; building?: [number, number, number]; prefer?: (e: PoolEntry) => boolean } = {}): PoolEntry | null {
    const source = opts.building ? (this.byBuilding.get(buildingKey(...opts.building)) ?? []) : opts.grid !== undefined ? (this.byGrid.get(opts.grid) ?? []) : this.all;
    if (!opts.prefer) {
      // Most draws succeed at once: try a few at random before scanning the whole group.
      for (let i = 0; i < 48 && source.length > 0; i++) {
        const e = source[rng.int(0, source.length - 1)]!;
        if (!this.taken.has(e) && test(e)) {
          this.taken.add(e);
          return e;
        }
      }
    }
    const fit = source.filter((e) => !this.taken.has(e) && test(e));
    const preferred = opts.prefer ? fit.filter(opts.prefer) : [];
    const from = preferred.length > 0 ? preferred : fit;
    if (from.length === 0) return null;
    const chosen = rng.pick(from);
    this.taken.add(chosen);
    return chosen;
  }
}

const buildingKey = (g: number, e: number, b: number) => `${g}/${e}/${b}`;
function push<K>(map: Map<K, PoolEntry[]>, key: K, e: PoolEntry) {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

import type { PlaceKind } from '@gongzhi/shared';
import type { Db, PlaceRow } from '../../../db/database.js';
import { activePlacesUnder } from '../lookups.repository.js';
import type { ColumnDef, RowError } from './types.js';

/** The levels below a community, in order, with the column each is written in. */
export const chainLevels = [
  { kind: 'grid', key: 'grid', zh: '网格', en: 'Grid', example: '第一网格' },
  { kind: 'estate', key: 'estate', zh: '小区', en: 'Estate', example: '五福苑' },
  { kind: 'building', key: 'building', zh: '楼栋', en: 'Building', example: '1栋' },
  { kind: 'entrance', key: 'entrance', zh: '单元', en: 'Entrance', example: '1单元' },
  { kind: 'dwelling', key: 'dwelling', zh: '房号', en: 'Room', example: '101室' },
] as const satisfies readonly { kind: PlaceKind; key: string; zh: string; en: string; example: string }[];
export type ChainKey = (typeof chainLevels)[number]['key'];

/** The five address columns, as names along the chain under the chosen community. */
export function chainColumns(required: boolean, help: { zh: string; en: string }): ColumnDef[] {
  return chainLevels.map((l) => ({
    key: l.key,
    zh: l.zh,
    en: l.en,
    type: 'name' as const,
    required,
    width: l.key === 'estate' ? 14 : 10,
    help: { zh: `${l.zh}名称。${help.zh}`, en: `${l.en} name. ${help.en}` },
    example: l.example,
  }));
}

/** A place as the chain index holds it. */
export interface ChainPlace {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  path: string;
}

/**
 * The community's active places by (parent, name), read once per import. Places planned by earlier rows of the
 * same file are added with `add`, so later rows find them as if they existed.
 */
export class PlaceIndex {
  private readonly byParentName = new Map<string, ChainPlace>();
  readonly byId = new Map<string, ChainPlace>();

  constructor(readonly community: PlaceRow) {}

  static async load(db: Db, community: PlaceRow): Promise<PlaceIndex> {
    const index = new PlaceIndex(community);
    for (const p of await activePlacesUnder(db, community.path)) index.add({ id: p.id, kind: p.kind, name: p.name, parentId: p.parent_id, path: p.path });
    return index;
  }

  add(p: ChainPlace): void {
    this.byId.set(p.id, p);
    if (p.parentId) this.byParentName.set(`${p.parentId}\u0000${p.name}`, p);
  }

  child(parentId: string, name: string): ChainPlace | undefined {
    return this.byParentName.get(`${parentId}\u0000${name}`);
  }

  /** The names from the grid down to this place, keyed by level. */
  namesOf(placeId: string): Partial<Record<ChainKey, string>> {
    const out: Partial<Record<ChainKey, string>> = {};
    let p = this.byId.get(placeId);
    while (p && p.id !== this.community.id) {
      const level = chainLevels.find((l) => l.kind === p!.kind);
      if (level) out[level.key] = p.name;
      p = p.parentId ? this.byId.get(p.parentId) : undefined;
    }
    return out;
  }
}

/** The names a row gives, from the grid down, stopping at the first blank. */
export function chainNames(values: Record<string, unknown>): { names: string[]; gapAt: ChainKey | null } {
  const names: string[] = [];
  let gapAt: ChainKey | null = null;
  let blankSeen = false;
  for (const l of chainLevels) {
    const v = values[l.key];
    if (typeof v === 'string' && v) {
      if (blankSeen && !gapAt) gapAt = l.key;
      if (!blankSeen) names.push(v);
    } else blankSeen = true;
  }
  return { names, gapAt };
}

/**
 * Find the dwelling a row names. Residents and households need the full chain; a partial or unknown one is an
 * error on the first column that does not resolve. Returns null when the row gives no address at all.
 */
export function resolveDwelling(index: PlaceIndex, row: number, values: Record<string, unknown>, errors: RowError[]): ChainPlace | null | 'error' {
  const { names, gapAt } = chainNames(values);
  if (names.length === 0 && !gapAt) return null;
  if (gapAt) {
    errors.push({ row, column: gapAt, code: 'place_gap' });
    return 'error';
  }
  let parentId = index.community.id;
  let place: ChainPlace | undefined;
  for (let i = 0; i < names.length; i++) {
    place = index.child(parentId, names[i]!);
    if (!place) {
      errors.push({ row, column: chainLevels[i]!.key, code: 'place_not_found', params: { value: names[i]! } });
      return 'error';
    }
    parentId = place.id;
  }
  if (names.length < chainLevels.length) {
    errors.push({ row, column: chainLevels[names.length]!.key, code: 'place_incomplete' });
    return 'error';
  }
  return place!;
}

import type { Db } from '../../../db/database.js';
import { placeNames } from '../export.repository.js';
import { chainLevels, type ChainKey } from './place-chain.js';

const MAX_CACHED = 50_000;

/**
 * Address names for an export, read per page from the ids in each row's place path and cached (bounded), so a
 * register of 250,000 residents never loads the whole place tree.
 */
export class PlaceNames {
  private readonly cache = new Map<string, { kind: string; name: string }>();

  constructor(private readonly db: Db) {}

  /** Make the names of every place on these paths available to `chain`. */
  async load(paths: string[]): Promise<void> {
    if (this.cache.size > MAX_CACHED) this.cache.clear();
    const need = new Set<string>();
    for (const p of paths) for (const id of p.split('/').filter(Boolean).slice(2)) if (!this.cache.has(id)) need.add(id);
    const ids = [...need];
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await placeNames(this.db, ids.slice(i, i + 500))) this.cache.set(r.id, { kind: r.kind, name: r.name });
    }
  }

  /** The names below the community along a loaded path, by level. */
  chain(path: string): Partial<Record<ChainKey, string>> {
    const out: Partial<Record<ChainKey, string>> = {};
    for (const id of path.split('/').filter(Boolean).slice(2)) {
      const p = this.cache.get(id);
      const level = p ? chainLevels.find((l) => l.kind === p.kind) : undefined;
      if (p && level) out[level.key] = p.name;
    }
    return out;
  }
}

import type { Db } from '../../db/database.js';
import { findPlace } from '../places/places.repository.js';

/**
 * A scope narrowed to a place filter: the place's subtree when it lies in the scope, the scope places under it
 * when it lies above them (a grid worker filtering by their community), nothing otherwise.
 */
export async function narrowToPlace(db: Db, prefixes: string[], placeId?: string): Promise<string[]> {
  if (!placeId) return prefixes;
  const place = await findPlace(db, placeId);
  if (!place) return [];
  if (prefixes.some((p) => place.path.startsWith(p))) return [place.path];
  return prefixes.filter((p) => p.startsWith(place.path));
}

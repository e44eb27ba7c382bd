import { requestAnalystRoles } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { inScope, scopePrefixes } from '../../lib/scope.js';
import { findPlace } from '../places/places.repository.js';
import { communityIdsUnder } from './analysis.repository.js';

/**
 * One part of a scope: requests of these communities, optionally only under a deeper place. A whole community
 * or subdistrict becomes `community_id IN (…)`, which the (community_id, created_at) index serves; a grid or a
 * building adds a path range.
 */
export interface ScopePart {
  communityIds: string[];
  pathPrefix: string | null;
}

/** What an analysis covers: the request filter, the place prefixes (for the place tree) and how to name it. */
export interface AnalysisScope {
  parts: ScopePart[];
  prefixes: string[];
  view: { placeId: string | null; name: string; kind: string | null };
}

const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * The scope of an analyst (requestAnalystRoles): a subdistrict admin their subdistrict, community staff their
 * community, a grid worker their grids; narrowed to one place of it with `placeId` (outside → 404, as missing).
 */
export async function resolveScope(db: Db, actor: Actor, placeId?: string): Promise<AnalysisScope> {
  let prefixes: string[];
  let view: AnalysisScope['view'];
  if (placeId) {
    const place = await findPlace(db, placeId);
    if (!place || !inScope(actor, place.path, requestAnalystRoles)) throw notFound();
    prefixes = [place.path];
    view = { placeId: place.id, name: place.name, kind: place.kind };
  } else {
    prefixes = scopePrefixes(actor, requestAnalystRoles);
    const held = actor.roles.filter((r) => requestAnalystRoles.includes(r.role) && prefixes.includes(r.placePath));
    const names = [...new Set(held.map((r) => r.placeName))];
    view = held.length === 1 ? { placeId: held[0]!.placeId, name: held[0]!.placeName, kind: held[0]!.placeKind } : { placeId: null, name: names.join('、'), kind: null };
  }
  const whole: string[] = [];
  const parts: ScopePart[] = [];
  for (const prefix of prefixes) {
    const segs = segments(prefix);
    if (segs.length === 1) whole.push(...(await communityIdsUnder(db, prefix)));
    else if (segs.length === 2) whole.push(segs[1]!);
    else parts.push({ communityIds: [segs[1]!], pathPrefix: prefix });
  }
  if (whole.length > 0 || parts.length === 0) parts.unshift({ communityIds: [...new Set(whole)], pathPrefix: null });
  return { parts, prefixes, view };
}

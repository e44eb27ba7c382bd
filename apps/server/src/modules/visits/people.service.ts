import { visitRoles, type Role } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { communityPrefixes } from '../../lib/scope.js';
import { findPlace } from '../places/places.repository.js';
import { staffRoles } from './refs.repository.js';

/** The people who carry out plans and host meetings: a community's staff and grid workers. */

const communityStaff = new Set(['community_admin', 'community_staff']);

/**
 * Check that `userId` is an active staff member or grid worker of the community. A grid worker carries a plan
 * only when every target lies in their grids (`coversAll` answers that for their grid paths), since they may
 * record visits nowhere else.
 */
export async function checkStaffMember(
  db: Db,
  userId: string,
  communityId: string,
  field: string,
  coversAll?: (gridPaths: string[]) => Promise<boolean> | boolean,
): Promise<void> {
  const rows = await staffRoles(db, [communityId], userId);
  if (rows.length === 0) throw new AppError('visit_assignee_invalid', 400, { field });
  if (!coversAll || rows.some((r) => communityStaff.has(r.role))) return;
  if (!(await coversAll(rows.map((r) => r.place_path)))) throw new AppError('visit_assignee_invalid', 400, { field, reason: 'outside_grid' });
}

/** Community ids below the actor's visit roles (a community path is `/subdistrict/community/`). */
function writableCommunityIds(actor: Actor): string[] {
  return communityPrefixes(actor, visitRoles)
    .map((p) => p.split('/').filter(Boolean)[1])
    .filter((id): id is string => id !== undefined);
}

/** Staff and grid workers of the actor's communities (or of the community of `placeId`), one entry each. */
export async function assigneesFor(deps: AppDeps, actor: Actor, placeId?: string) {
  let communities = writableCommunityIds(actor);
  if (placeId) {
    const place = await findPlace(deps.db, placeId);
    communities = place?.community_id && communities.includes(place.community_id) ? [place.community_id] : [];
  }
  const rows = await staffRoles(deps.db, communities);
  const byUser = new Map<string, { userId: string; displayName: string; communityId: string; roles: Role[] }>();
  for (const r of rows) {
    const key = `${r.user_id}:${r.community_id}`;
    const entry = byUser.get(key) ?? { userId: r.user_id, displayName: r.display_name, communityId: r.community_id, roles: [] };
    if (!entry.roles.includes(r.role as Role)) entry.roles.push(r.role as Role);
    byUser.set(key, entry);
  }
  return { items: [...byUser.values()] };
}

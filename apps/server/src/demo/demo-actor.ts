import type { Role } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { publicActor, type RequestContext } from '../lib/actor.js';
import * as users from '../modules/users/users.repository.js';

/**
 * A demo account acting without a session, so the demo's records go through the same services (rules, trails,
 * audit entries) as anything a person does in the app.
 */
export async function demoContext(deps: AppDeps, username: string): Promise<RequestContext> {
  const user = await deps.db.selectFrom('users').select(['id', 'display_name', 'username']).where('username', '=', username).executeTakeFirstOrThrow();
  const roles = await users.rolesOfUsers(deps.db, [user.id]);
  return {
    actor: {
      ...publicActor,
      userId: user.id,
      displayName: user.display_name,
      username: user.username,
      roles: roles.map((r) => ({
        id: r.id,
        role: r.role as Role,
        placeId: r.place_id,
        placeName: r.place_name,
        placeKind: r.place_kind,
        placePath: r.place_path,
        communityId: r.community_id,
      })),
    },
    requestId: 'demo-seed',
    ip: null,
  };
}

import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import * as repo from './elections.repository.js';

/**
 * Who the signed-in actor is in an election's community: their resident record there (if any), their voter
 * registration (if any), and a name to file objections under. Someone with neither a resident record nor a role
 * in the community is answered 404, as if the election did not exist.
 */
export async function participantIn(deps: AppDeps, actor: Actor, id: string) {
  const e = await repo.findElection(deps.db, id);
  if (!e || !actor.userId) throw notFound();
  const resident = await repo.residentOfUser(deps.db, actor.userId, e.community_id);
  const belongs = actor.roles.some((r) => r.placePath.startsWith(e.community_path) || e.community_path.startsWith(r.placePath));
  if (!resident && !belongs) throw notFound();
  const keys = [...(resident ? [`r:${resident.id}`] : []), `u:${actor.userId}`];
  const voter = await repo.voterByKey(deps.db, e.id, keys);
  return { e, resident, voter: voter && !voter.removed_at ? voter : undefined, filerName: resident?.name ?? actor.displayName };
}

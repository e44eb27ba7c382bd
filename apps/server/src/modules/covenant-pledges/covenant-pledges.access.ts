import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { viewPrefixes } from './covenant-pledges.policy.js';
import * as repo from './covenant-pledges.repository.js';

/**
 * Whether the actor may load a pledge's photo (the files module asks): whoever follows pledges where the
 * household lives, or the person who recorded it. Kept apart from the service so files imports no more than this.
 */
export async function pledgeFileVisible(deps: AppDeps, actor: Actor, pledgeId: string): Promise<boolean> {
  const row = await repo.findPledgeById(deps.db, pledgeId);
  if (!row) return false;
  if (row.recorded_by === actor.userId) return true;
  const cv = await repo.findCovenant(deps.db, row.covenant_id);
  return !!cv && viewPrefixes(actor, cv.community_path).some((p) => row.place_path.startsWith(p));
}

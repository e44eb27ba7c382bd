import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { viewsLedgerOf } from './ledger.policy.js';
import * as repo from './ledger.repository.js';

/**
 * Whether the actor may load a receipt through the files module: whoever reads the entry's community ledger in
 * the console. The public reads posted, public receipts through the ledger's own public route.
 */
export async function ledgerReceiptVisible(deps: AppDeps, actor: Actor, entryId: string): Promise<boolean> {
  const entry = await repo.findEntry(deps.db, entryId);
  if (!entry) return false;
  const community = await repo.findCommunity(deps.db, entry.community_id);
  return !!community && viewsLedgerOf(actor, community.path);
}

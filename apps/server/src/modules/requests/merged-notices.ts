import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { Acting } from './lifecycle.core.js';
import { tellResident } from './request-notices.js';
import * as repo from './requests.repository.js';
import { stepRow } from './steps.js';

/**
 * Everyone on a merged request gets the answer: when the request they were merged into is answered or closed,
 * each merged request gets the same public step (and, for an answer, the reply text), and its resident a message.
 */
export async function tellMerged(
  trx: Db,
  deps: AppDeps,
  actor: Actor | null,
  a: Acting,
  o: { stepId: string; action: 'replied' | 'self_resolved' | 'closed'; text: string | null },
): Promise<void> {
  const merged = await repo.mergedInto(trx, a.r.id);
  if (merged.length === 0) return;
  if (o.text !== null) await repo.copyReplyToMerged(trx, a.r.id, { reply_text: o.text, replied_at: a.at, updated_at: a.at });
  const steps = merged.map((m) =>
    stepRow(actor, { requestId: m.id, action: o.action, from: 'merged', to: 'merged', message: o.text ?? `${a.r.number}`, public: true, now: a.at, data: { primaryId: a.r.id } }),
  );
  await repo.insertSteps(trx, steps);
  const status = o.action === 'closed' ? 'closed' : 'replied';
  for (const [i, m] of merged.entries()) {
    await tellResident(trx, deps, { ...m, title: '', place_path: '' }, steps[i]!.id, status, actor?.userId ?? null, o.text);
  }
}

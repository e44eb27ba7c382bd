import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { scopePrefixes } from '../../lib/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './corrections.repository.js';
import { dataOfficerRoles, isDataOfficerFor } from './registers.policy.js';

/** Correction requests (PIPL art. 46): residents ask, the community office accepts or rejects with a reply. */

type Field = 'name' | 'gender' | 'birthDate' | 'idNumber' | 'phone' | 'ethnicity' | 'residencyStatus' | 'registeredAddress' | 'household' | 'tags' | 'other';

export const correctionViewOf = (c: repo.CorrectionRow) => ({
  id: c.id,
  residentId: c.resident_id,
  residentName: c.resident_name,
  field: c.field as Field,
  message: c.message,
  status: c.status as 'open' | 'accepted' | 'rejected',
  response: c.response,
  createdAt: c.created_at,
  handledAt: c.handled_at,
});

export async function listCorrections(deps: AppDeps, actor: Actor, q: { status: string; limit: number; offset: number }) {
  const { rows, total } = await repo.listCorrections(deps.db, { prefixes: scopePrefixes(actor, dataOfficerRoles), ...q });
  return { items: rows.map(correctionViewOf), total };
}

export async function resolveCorrection(deps: AppDeps, ctx: RequestContext, id: string, input: { status: 'accepted' | 'rejected'; response: string }) {
  const c = await repo.findCorrection(deps.db, id);
  if (!c || !isDataOfficerFor(ctx.actor, c.place_path)) throw notFound();
  if (c.status !== 'open') throw new AppError('correction_already_handled', 409);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.resolveCorrection(trx, id, { status: input.status, response: input.response, handled_by: ctx.actor.userId, handled_at: now }))) {
      throw new AppError('correction_already_handled', 409);
    }
    await recordAudit(trx, ctx, deps.clock, {
      action: 'correction.resolved',
      targetType: 'correction_request',
      targetId: id,
      communityId: c.community_id,
      scopePath: c.place_path,
      before: { status: c.status },
      after: { residentId: c.resident_id, field: c.field, status: input.status, response: input.response },
    });
  });
  return correctionViewOf((await repo.findCorrection(deps.db, id))!);
}

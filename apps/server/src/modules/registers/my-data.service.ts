import { isSensitiveTag } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { ResidentRow } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import * as corrections from './corrections.repository.js';
import { correctionViewOf } from './corrections.service.js';
import { householdView } from './households.service.js';
import * as repo from './residents.repository.js';
import { residentDetailOf, residentViews } from './residents.views.js';

/**
 * A resident's own data (PIPL arts. 44–46): what is held about them, their household, and correction requests.
 * While staff act on a resident's behalf, "me" is that resident.
 */

const subjectOf = (actor: Actor): string | null => actor.onBehalfOf?.id ?? actor.userId;

export async function linkedResident(deps: AppDeps, actor: Actor): Promise<ResidentRow> {
  const userId = subjectOf(actor);
  const r = userId ? await repo.findByUserId(deps.db, userId) : undefined;
  if (!r) throw new AppError('resident_not_linked', 404);
  return r;
}

export async function myData(deps: AppDeps, actor: Actor) {
  const r = await linkedResident(deps, actor);
  const [resident, household, requests] = await Promise.all([
    residentDetailOf(deps, deps.db, r, null),
    r.household_id ? householdView(deps.db, r.household_id) : Promise.resolve(null),
    corrections.correctionsOf(deps.db, r.id),
  ]);
  return { resident, household, corrections: requests.map(correctionViewOf) };
}

/** The household's living members, masked; another member's sensitive tags are theirs alone and are left out. */
export async function myHousehold(deps: AppDeps, actor: Actor) {
  const r = await linkedResident(deps, actor);
  if (!r.household_id) return { household: null, members: [] };
  const members = (await repo.membersOf(deps.db, r.household_id)).filter((m) => m.status === 'living' || m.id === r.id);
  const views = await residentViews(deps, deps.db, members);
  return {
    household: await householdView(deps.db, r.household_id),
    members: views.map((v) => (v.id === r.id ? v : { ...v, tags: v.tags.filter((t) => !isSensitiveTag(t)) })),
  };
}

export async function requestCorrection(deps: AppDeps, ctx: RequestContext, input: { field: string; message: string }) {
  const r = await linkedResident(deps, ctx.actor);
  const id = newId();
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await corrections.insertCorrection(trx, {
      id,
      resident_id: r.id,
      community_id: r.community_id,
      place_path: r.place_path,
      requested_by: subjectOf(ctx.actor)!,
      field: input.field,
      message: input.message,
      status: 'open',
      response: null,
      handled_by: null,
      handled_at: null,
      created_at: now,
    });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'correction.requested',
      targetType: 'correction_request',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { residentId: r.id, field: input.field, message: input.message },
    });
  });
  return correctionViewOf((await corrections.findCorrection(deps.db, id))!);
}

import { maskPersonName } from '@gongzhi/shared';
import type { NominationBody, NominationView } from '@gongzhi/shared';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { conflict, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { emitEvent } from '../../lib/events.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { canNominateIn, readsNamesIn } from './covenant-pledges.policy.js';
import * as repo from './covenant-pledges.repository.js';
import { loadCovenant, viewableCovenant } from './covenant-pledges.service.js';
import { addressBook } from './covenant-pledges.views.js';

/**
 * Exemplary households (文明家庭): the community nominates a household that pledged, with a reason. The
 * nomination states a domain event (`covenant.exemplary_household_nominated`) in the same transaction, which
 * the recognition module consumes; this module does not know what recognition does with it.
 */

export async function nominate(deps: AppDeps, ctx: RequestContext, id: string, body: NominationBody): Promise<NominationView> {
  const cv = await loadCovenant(deps.db, id);
  if (!canNominateIn(ctx.actor, cv.community_path)) throw notFound();
  const household = await repo.findHousehold(deps.db, body.householdId);
  if (!household || household.community_id !== cv.community_id) throw notFound();
  if (!(await repo.standingPledgeOf(deps.db, cv.id, household.id))) throw conflict('nomination_not_pledged');
  if (await repo.nominationExists(deps.db, cv.id, household.id)) throw conflict('nomination_exists');
  const address = (await addressBook(deps.db, [household.place_path])).get(household.place_path)?.address ?? '';
  const nominationId = newId();
  const at = iso(deps.clock.now());
  try {
    await deps.db.transaction().execute(async (trx) => {
      const eventId = await emitEvent(trx, {
        type: 'covenant.exemplary_household_nominated',
        communityId: cv.community_id,
        subjectKind: 'covenant_nomination',
        subjectId: nominationId,
        payload: {
          nominationId,
          covenantId: cv.id,
          covenantTitle: cv.title,
          householdId: household.id,
          address,
          householderName: household.householder_name,
          reason: body.reason,
          nominatedBy: ctx.actor.userId!,
        },
        actorUserId: ctx.actor.userId,
        at,
      });
      await repo.insertNomination(trx, { id: nominationId, covenant_id: cv.id, household_id: household.id, reason: body.reason, nominated_by: ctx.actor.userId!, event_id: eventId, created_at: at });
      await recordAudit(trx, ctx, deps.clock, {
        action: 'covenant_nomination.created',
        targetType: 'covenant_nomination',
        targetId: nominationId,
        communityId: cv.community_id,
        scopePath: household.place_path,
        after: { covenantId: cv.id, householdId: household.id, reason: body.reason, eventId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('nomination_exists');
    throw e;
  }
  const items = await nominationList(deps, ctx.actor, cv.id);
  return items.find((n) => n.id === nominationId)!;
}

async function nominationList(deps: AppDeps, actor: Actor, covenantId: string): Promise<NominationView[]> {
  const { cv, prefixes } = await viewableCovenant(deps.db, actor, covenantId);
  const rows = await repo.listNominations(deps.db, cv.id, prefixes);
  const book = await addressBook(deps.db, rows.map((r) => r.place_path));
  const office = readsNamesIn(actor, cv.community_path);
  return rows.map((r) => ({
    id: r.id,
    covenantId: cv.id,
    householdId: r.household_id,
    address: book.get(r.place_path)?.address ?? '',
    householderName: r.householder_name === null ? null : office ? r.householder_name : maskPersonName(r.householder_name),
    reason: r.reason,
    nominatedByName: r.nominated_by_name,
    eventId: r.event_id,
    createdAt: r.created_at,
  }));
}

/** Nominations of households within the viewer's places, newest first. */
export async function listNominations(deps: AppDeps, actor: Actor, covenantId: string): Promise<{ items: NominationView[] }> {
  return { items: await nominationList(deps, actor, covenantId) };
}

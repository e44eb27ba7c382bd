import type { VisitPlanTargetKind } from '@gongzhi/shared';
import type { Db, PlaceRow } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { findPlacesByIds } from '../places/places.repository.js';
import * as refs from './refs.repository.js';
import { canWriteAt } from './visits.policy.js';

/**
 * What a plan or a visit points at, checked once: it exists, is current (not retired, not moved out), lies in
 * the actor's writing scope and in one community. Anything else is `visit_target_invalid` naming the field and
 * the offending ids, so a grid worker learns nothing about another grid beyond "not yours".
 */

const invalid = (field: string, details: Record<string, unknown> = {}) => new AppError('visit_target_invalid', 400, { field, ...details });

/** One target row of a plan, before it has an id and a plan. */
export interface TargetDraft {
  household_id: string | null;
  organisation_id: string | null;
  place_id: string | null;
  place_path: string;
}

export interface ResolvedTargets {
  communityId: string;
  targets: TargetDraft[];
}

/** Grid and building plans expand to the active households under them now; later arrivals need a new plan. */
export async function resolvePlanTargets(db: Db, actor: Actor, kind: VisitPlanTargetKind, ids: string[]): Promise<ResolvedTargets> {
  const unique = [...new Set(ids)];
  if (kind === 'household') {
    const rows = await refs.householdRefs(db, unique);
    const ok = rows.filter((h) => h.status === 'active' && canWriteAt(actor, h.place_path));
    rejectMissing(unique, ok.map((h) => h.id));
    const communityId = oneCommunity(ok.map((h) => h.community_id));
    return { communityId, targets: ok.map((h) => ({ household_id: h.id, organisation_id: null, place_id: h.dwelling_id, place_path: h.place_path })) };
  }
  if (kind === 'organisation') {
    const rows = await refs.organisationRefs(db, unique);
    const ok = rows.filter((o) => o.retired_at === null && canWriteAt(actor, o.path));
    rejectMissing(unique, ok.map((o) => o.id));
    const communityId = oneCommunity(ok.map((o) => o.community_id));
    return { communityId, targets: ok.map((o) => ({ household_id: null, organisation_id: o.id, place_id: o.place_id, place_path: o.path })) };
  }
  const places = await findPlacesByIds(db, unique);
  const ok = places.filter((p) => p.kind === kind && p.retired_at === null && canWriteAt(actor, p.path));
  rejectMissing(unique, ok.map((p) => p.id));
  const communityId = oneCommunity(ok.map((p) => p.community_id ?? ''));
  // Everything under a place in the writing scope is in it too, so the households need no second check.
  const households = await refs.activeHouseholdsUnder(db, ok.map((p) => p.path));
  if (households.length === 0) throw invalid('targetIds', { reason: 'no_households' });
  return { communityId, targets: households.map((h) => ({ household_id: h.id, organisation_id: null, place_id: h.dwelling_id, place_path: h.place_path })) };
}

function rejectMissing(wanted: string[], found: string[]): void {
  const have = new Set(found);
  const bad = wanted.filter((id) => !have.has(id));
  if (bad.length > 0) throw invalid('targetIds', { ids: bad });
}

function oneCommunity(ids: string[]): string {
  const set = new Set(ids);
  if (set.size !== 1) throw invalid('targetIds', { reason: 'one_community' });
  return ids[0]!;
}

/** Where a visit happened, as stored on the visit row. */
export interface VisitWhere {
  communityId: string;
  placeId: string | null;
  placePath: string;
  householdId: string | null;
  organisationId: string | null;
}

/**
 * Exactly one of a place, a household or an organisation. A dwelling with exactly one active household counts
 * as a visit to that household, so coverage and plan targets see it.
 */
export async function resolveVisitWhere(db: Db, actor: Actor, w: { placeId?: string; householdId?: string; organisationId?: string }): Promise<VisitWhere> {
  const given = [w.placeId, w.householdId, w.organisationId].filter((v) => v !== undefined);
  if (given.length !== 1) throw invalid('placeId', { reason: 'one_of_place_household_organisation' });
  if (w.householdId) {
    const [h] = await refs.householdRefs(db, [w.householdId]);
    if (!h || h.status !== 'active' || !canWriteAt(actor, h.place_path)) throw invalid('householdId');
    return { communityId: h.community_id, placeId: h.dwelling_id, placePath: h.place_path, householdId: h.id, organisationId: null };
  }
  if (w.organisationId) {
    const [o] = await refs.organisationRefs(db, [w.organisationId]);
    if (!o || o.retired_at !== null || !canWriteAt(actor, o.path)) throw invalid('organisationId');
    return { communityId: o.community_id, placeId: o.place_id, placePath: o.path, householdId: null, organisationId: o.id };
  }
  const place = await writablePlace(db, actor, w.placeId!, 'placeId');
  const households = place.kind === 'dwelling' ? await refs.activeHouseholdsAt(db, place.id) : [];
  return { communityId: place.community_id!, placeId: place.id, placePath: place.path, householdId: households.length === 1 ? households[0]! : null, organisationId: null };
}

/** A current place of a community inside the actor's writing scope. */
export async function writablePlace(db: Db, actor: Actor, id: string, field: string): Promise<PlaceRow> {
  const [place] = await findPlacesByIds(db, [id]);
  if (!place || place.retired_at !== null || place.community_id === null || !canWriteAt(actor, place.path)) throw invalid(field);
  return place;
}

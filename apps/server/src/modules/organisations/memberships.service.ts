import {
  membershipRoles,
  placePostKinds,
  postGrantsRole,
  type MembershipRole,
  type MembershipView,
  type OrganisationKind,
} from '@gongzhi/shared';
import type { z } from 'zod';
import type { createMembershipBody, listMembershipsQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, MembershipRow, PlaceRow } from '../../db/database.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { grantPostRole, releasePostRole, type Grant } from './memberships.grants.js';
import * as repo from './memberships.repository.js';
import type { MembershipListRow } from './memberships.repository.js';
import { findOrganisation } from './organisations.repository.js';
import { assertManages, canSeeCommunity, viewerCommunityPrefixes } from './organisations.policy.js';
import { findResident, findUser, residentOfUser } from './people.repository.js';
import { invalid, localToday, throwProblems } from './problems.js';

/** Posts that exist outside any organisation: posts held at a place, residents' representatives, volunteers. */
const rolesWithoutOrganisation: readonly MembershipRole[] = ['grid_worker', 'building_leader', 'estate_head', 'representative', 'volunteer'];

export function toMembershipView(r: MembershipListRow): MembershipView {
  const role = r.role as MembershipRole;
  return {
    id: r.id,
    communityId: r.community_id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind as OrganisationKind | null,
    residentId: r.resident_id,
    userId: r.user_id,
    personName: r.person_name,
    personUnit: r.person_unit,
    role,
    placeId: r.place_id,
    placeName: r.place_name,
    startOn: r.start_on,
    endOn: r.end_on,
    endedAt: r.ended_at,
    grantedRole: r.role_assignment_id ? (postGrantsRole[role] ?? null) : null,
  };
}

/** Active posts first, then by the order of roles (secretary before members), then oldest first. */
export function sortMemberships(rows: MembershipListRow[]): MembershipListRow[] {
  const rank = (r: MembershipListRow) => membershipRoles.indexOf(r.role as MembershipRole);
  return [...rows].sort(
    (a, b) => Number(a.ended_at !== null) - Number(b.ended_at !== null) || rank(a) - rank(b) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
}

export async function listMembershipsFor(deps: AppDeps, actor: Actor, q: z.infer<typeof listMembershipsQuery>) {
  const rows = await repo.listMemberships(deps.db, { ...q, scope: viewerCommunityPrefixes(actor) });
  // Grouped by community and organisation (posts at places last); the sort is stable, so each group keeps its order.
  const group = (r: MembershipListRow) => `${r.community_id}\u0000${r.organisation_name ?? '\uffff'}`;
  const grouped = sortMemberships(rows).sort((a, b) => (group(a) < group(b) ? -1 : group(a) > group(b) ? 1 : 0));
  return { items: grouped.map(toMembershipView) };
}

async function community(deps: AppDeps, actor: Actor, id: string): Promise<PlaceRow> {
  const c = await findPlace(deps.db, id);
  assertManages(actor, c?.kind === 'community' ? c.path : undefined, 'communityId');
  if (c!.retired_at) throw new AppError('place_retired', 409, { field: 'communityId' });
  return c!;
}

type Person = Pick<MembershipRow, 'resident_id' | 'user_id' | 'person_name'>;

/** The person in a post: exactly one of a resident of the community, an account of it, or a named outsider. */
async function resolvePerson(deps: AppDeps, c: PlaceRow, body: z.infer<typeof createMembershipBody>): Promise<Person> {
  const named = (['residentId', 'userId', 'personName'] as const).filter((k) => body[k] !== undefined);
  if (named.length !== 1) throw new AppError('membership_person_required', 400, { fields: named });
  if (body.residentId) {
    const r = await findResident(deps.db, body.residentId);
    if (!r || r.community_id !== c.id) throw new AppError('not_found', 404, { field: 'residentId' });
    if (r.status !== 'living') throw new AppError('resident_not_living', 409, { field: 'residentId' });
    return { resident_id: r.id, user_id: r.user_id, person_name: r.name };
  }
  if (body.userId) {
    const u = await findUser(deps.db, body.userId);
    if (!u || !(await repo.userInCommunity(deps.db, u.id, c.path))) throw new AppError('not_found', 404, { field: 'userId' });
    const r = await residentOfUser(deps.db, u.id, c.id);
    return { resident_id: r?.id ?? null, user_id: u.id, person_name: r?.name ?? u.display_name };
  }
  return { resident_id: null, user_id: null, person_name: body.personName! };
}

/** A post at a place needs a place of its kind; any post may name a place of the community where it serves. */
async function resolvePlace(deps: AppDeps, c: PlaceRow, role: MembershipRole, placeId: string | undefined): Promise<PlaceRow | null> {
  const kind = placePostKinds[role];
  if (!placeId) {
    if (kind) throw new AppError('membership_place_required', 400, { field: 'placeId', expected: kind });
    return null;
  }
  const place = await findPlace(deps.db, placeId);
  if (!place || place.community_id !== c.id || place.retired_at || (kind && place.kind !== kind)) {
    throw new AppError('membership_place_invalid', 400, { field: 'placeId', expected: kind ?? null });
  }
  return place;
}

export async function createMembership(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof createMembershipBody>): Promise<MembershipView> {
  const c = await community(deps, ctx.actor, body.communityId);
  const today = localToday(deps.clock.now());
  if (body.organisationId) {
    const org = await findOrganisation(deps.db, body.organisationId);
    if (!org || org.community_id !== c.id) throw new AppError('not_found', 404, { field: 'organisationId' });
    if (org.retired_at) throw new AppError('organisation_retired', 409, { field: 'organisationId' });
  } else if (!rolesWithoutOrganisation.includes(body.role)) {
    throwProblems([invalid('organisationId', 'this role is held in an organisation')]);
  }
  const person = await resolvePerson(deps, c, body);
  const place = await resolvePlace(deps, c, body.role, body.placeId);
  const startOn = body.startOn ?? today;
  const endOn = body.endOn ?? null;
  throwProblems([
    ...(startOn > today ? [invalid('startOn', 'cannot start in the future')] : []),
    ...(endOn && endOn < startOn ? [invalid('endOn', 'cannot end before it starts')] : []),
  ]);
  // A post that ended before today is a record of the past: it is stored ended and grants nothing.
  const past = endOn !== null && endOn < today;
  const grantRole = past ? undefined : postGrantsRole[body.role];
  if (grantRole && !person.user_id) throw new AppError('membership_account_required', 400, { field: body.residentId ? 'residentId' : 'personName' });

  const now = iso(deps.clock.now());
  const row: MembershipRow = {
    id: newId(),
    community_id: c.id,
    organisation_id: body.organisationId ?? null,
    ...person,
    person_unit: body.personUnit ?? null,
    role: body.role,
    place_id: place?.id ?? null,
    role_assignment_id: null,
    start_on: startOn,
    end_on: endOn,
    ended_at: past ? now : null,
    created_at: now,
  };
  let grant = null as Grant | null;
  await deps.db.transaction().execute(async (trx) => {
    if (!past && (await repo.activeDuplicate(trx, row))) throw new AppError('membership_exists', 409);
    if (grantRole) {
      grant = await grantPostRole(trx, now, person.user_id!, grantRole, place!.id);
      row.role_assignment_id = grant.ownedAssignmentId;
    }
    await repo.insertMembership(trx, row);
    await recordAudit(trx, ctx, deps.clock, {
      action: 'membership.created',
      targetType: 'membership',
      targetId: row.id,
      communityId: c.id,
      scopePath: place?.path ?? c.path,
      after: { ...auditFields(row), grant },
    });
  });
  if (grant?.ownedAssignmentId) deps.sessions.forgetUser(person.user_id!);
  return toMembershipView((await repo.findMembership(deps.db, row.id))!);
}

const auditFields = (m: MembershipRow) => ({
  organisationId: m.organisation_id,
  residentId: m.resident_id,
  userId: m.user_id,
  personName: m.person_name,
  personUnit: m.person_unit,
  role: m.role,
  placeId: m.place_id,
  startOn: m.start_on,
  endOn: m.end_on,
});

/**
 * End a post inside the caller's transaction: record the last day, give back the account role it owned, audit.
 * Returns the account whose cached sessions must be forgotten once the transaction has committed.
 */
export async function closeMembership(deps: AppDeps, trx: Db, ctx: RequestContext, m: MembershipListRow, endOn: string, reason: string): Promise<string | null> {
  const now = iso(deps.clock.now());
  if (!(await repo.endMembershipRow(trx, m.id, endOn, now))) throw new AppError('membership_ended', 409);
  const release = await releasePostRole(trx, m);
  await recordAudit(trx, ctx, deps.clock, {
    action: 'membership.ended',
    targetType: 'membership',
    targetId: m.id,
    communityId: m.community_id,
    scopePath: m.community_path,
    before: auditFields(m),
    after: { endOn, reason, ...release },
  });
  return release.revokedAssignmentId ? m.user_id : null;
}

export async function endMembership(deps: AppDeps, ctx: RequestContext, id: string, endOn: string | undefined): Promise<MembershipView> {
  const m = await repo.findMembership(deps.db, id);
  if (!m || !canSeeCommunity(ctx.actor, m.community_path)) throw notFound();
  assertManages(ctx.actor, m.community_path);
  if (m.ended_at) throw new AppError('membership_ended', 409);
  const today = localToday(deps.clock.now());
  const last = endOn ?? today;
  throwProblems([
    ...(last > today ? [invalid('endOn', 'cannot end in the future')] : []),
    ...(m.start_on && last < m.start_on ? [invalid('endOn', 'cannot end before it starts')] : []),
  ]);
  const forget = await deps.db.transaction().execute((trx) => closeMembership(deps, trx, ctx, m, last, 'ended'));
  if (forget) deps.sessions.forgetUser(forget);
  return toMembershipView((await repo.findMembership(deps.db, id))!);
}

import { VOTING_AGE, WORKER_MONTHS, type AddVoterBody, type VoterView } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { ElectionVotersTable } from '../../db/election-tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, conflict, notFound } from '../../lib/app-error.js';
import { ageOn, iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { managed, requirePhase, viewable } from './elections.service.js';
import * as repo from './elections.repository.js';
import { buildingNamer, unitKeyOf, voterViewOf } from './elections.views.js';

/**
 * The voter register of one election, kept apart from the resident register (which it never changes). It is
 * built from the register (living residents with 户籍 here, 18 or over on election day), and takes on
 * application residents whose 户籍 is elsewhere (人户分离) and community workers of six months or more, each with
 * the basis recorded. One registration per person and election (a unique key); removal keeps the row, with a reason.
 */

type Election = repo.ElectionRow;
const adultOn = (birth: string | null, day: string) => birth !== null && ageOn(birth, day) >= VOTING_AGE;

function voterRow(e: Election, ctx: RequestContext, r: repo.ResidentRow, basis: string, note: string | null, now: string): ElectionVotersTable {
  return {
    id: newId(),
    election_id: e.id,
    person_key: `r:${r.id}`,
    resident_id: r.id,
    user_id: r.user_id,
    name: r.name,
    birth_date: r.birth_date,
    household_id: r.household_status === 'active' ? r.household_id : null,
    place_path: r.place_path,
    is_representative: 0,
    basis,
    basis_note: note,
    removed_at: null,
    removed_by: null,
    removed_reason: null,
    created_by: ctx.actor.userId!,
    created_at: now,
  };
}

/**
 * In household mode each household on the register has exactly one representative: the one already chosen while
 * still registered, else the householder, else the eldest registered member.
 */
async function settleRepresentatives(trx: Db, e: Election, householdIds: (string | null)[]): Promise<void> {
  if (e.voting_unit !== 'household') return;
  const voters = await repo.votersOf(trx, e.id);
  const residents = new Map((await repo.livingResidents(trx, e.community_id)).map((r) => [r.id, r]));
  for (const h of new Set(householdIds.filter((x): x is string => x !== null))) {
    const members = voters.filter((v) => v.household_id === h);
    if (members.length === 0 || members.some((v) => v.is_representative === 1)) continue;
    const householder = members.find((v) => v.resident_id && residents.get(v.resident_id)?.householder_id === v.resident_id);
    const eldest = [...members].sort((a, b) => (a.birth_date ?? '9999').localeCompare(b.birth_date ?? '9999'))[0]!;
    await repo.updateVoter(trx, (householder ?? eldest).id, { is_representative: 1 });
  }
}

export async function buildRegister(deps: AppDeps, ctx: RequestContext, id: string) {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'registration');
  const now = iso(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const residents = await repo.livingResidents(trx, e.community_id);
    const known = new Set((await repo.personKeys(trx, e.id)).map((k) => k.person_key));
    const permanent = residents.filter((r) => r.residency_status === 'permanent');
    const rows = permanent.filter((r) => adultOn(r.birth_date, e.election_day) && !known.has(`r:${r.id}`)).map((r) => voterRow(e, ctx, r, 'household_register', null, now));
    await repo.insertVoters(trx, rows);
    await settleRepresentatives(trx, e, rows.map((r) => r.household_id));
    const result = { added: rows.length, skippedNoBirthDate: permanent.filter((r) => r.birth_date === null).length, alreadyRegistered: permanent.filter((r) => known.has(`r:${r.id}`)).length };
    await recordAudit(trx, ctx, deps.clock, { action: 'election.register_built', targetType: 'election', targetId: e.id, communityId: e.community_id, scopePath: e.community_path, after: result });
    return result;
  });
}

/** Register one person: a resident registered elsewhere (on application) or a community worker. */
export async function addVoter(deps: AppDeps, ctx: RequestContext, id: string, body: AddVoterBody): Promise<VoterView> {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'registration');
  const row = await eligibleRow(deps, ctx, e, body);
  await insertOne(deps, ctx, e, row, 'election.voter_added');
  return voterView(deps, e, row.id);
}

async function eligibleRow(deps: AppDeps, ctx: RequestContext, e: Election, body: AddVoterBody): Promise<ElectionVotersTable> {
  const now = iso(deps.clock.now());
  const ineligible = (field: string) => new AppError('election_voter_ineligible', 400, { field });
  if (body.basis === 'community_worker') {
    const since = addMonths(e.election_day, -WORKER_MONTHS);
    if (body.workingSince! > since) throw ineligible('workingSince');
  }
  let resident = body.residentId ? await repo.findResidentRow(deps.db, body.residentId) : undefined;
  if (body.residentId && (!resident || resident.community_id !== e.community_id)) throw new AppError('not_found', 404, { field: 'residentId' });
  if (body.userId) {
    const user = await repo.findUserRow(deps.db, body.userId);
    if (!user || !(await repo.worksIn(deps.db, user.id, e.community_path))) throw new AppError('not_found', 404, { field: 'userId' });
    const own = await repo.residentOfUser(deps.db, user.id, e.community_id);
    if (own) resident = await repo.findResidentRow(deps.db, own.id);
    if (!resident) {
      const note = `${body.basisNote}（自${body.workingSince}起在本社区工作）`;
      // A worker who is not in this community's register: registered by account, with no household or place.
      return {
        id: newId(),
        election_id: e.id,
        person_key: `u:${user.id}`,
        resident_id: null,
        user_id: user.id,
        name: user.display_name,
        birth_date: null,
        household_id: null,
        place_path: null,
        is_representative: 0,
        basis: body.basis,
        basis_note: note,
        removed_at: null,
        removed_by: null,
        removed_reason: null,
        created_by: ctx.actor.userId!,
        created_at: now,
      };
    }
  }
  if (resident!.status !== 'living' || (body.basis === 'residence_application' && !adultOn(resident!.birth_date, e.election_day))) throw ineligible('residentId');
  const note = body.basis === 'community_worker' ? `${body.basisNote}（自${body.workingSince}起在本社区工作）` : body.basisNote;
  return voterRow(e, ctx, resident!, body.basis, note, now);
}

async function insertOne(deps: AppDeps, ctx: RequestContext | null, e: Election, row: ElectionVotersTable, action: string, trxIn?: Db): Promise<void> {
  const write = async (trx: Db) => {
    if (await repo.voterByKey(trx, e.id, [row.person_key])) throw conflict('election_voter_exists');
    await repo.insertVoters(trx, [row]);
    await settleRepresentatives(trx, e, [row.household_id]);
    await recordAudit(trx, ctx, deps.clock, { action, targetType: 'election_voter', targetId: row.id, communityId: e.community_id, scopePath: e.community_path, after: { electionId: e.id, name: row.name, basis: row.basis, basisNote: row.basis_note } });
  };
  try {
    await (trxIn ? write(trxIn) : deps.db.transaction().execute(write));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('election_voter_exists');
    throw err;
  }
}
export { insertOne as insertVoter, eligibleRow };

/** `YYYY-MM-DD` plus months (negative to go back), clamped to the month's end. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return t.toISOString().slice(0, 10);
}

/** Remove a voter with a reason (the row stays); in household mode another member takes over as representative. */
export async function removeVoter(deps: AppDeps, ctx: RequestContext | null, e: Election, voterId: string, reason: string, trxIn?: Db): Promise<void> {
  requirePhase(e, 'registration', 'list_notice', 'candidates');
  const v = await repo.findVoter(trxIn ?? deps.db, e.id, voterId);
  if (!v) throw notFound();
  if (v.removed_at) throw conflict('election_voter_removed');
  const write = async (trx: Db) => {
    await repo.updateVoter(trx, v.id, { removed_at: iso(deps.clock.now()), removed_by: ctx?.actor.userId ?? null, removed_reason: reason, is_representative: 0 });
    await settleRepresentatives(trx, e, [v.household_id]);
    await recordAudit(trx, ctx, deps.clock, { action: 'election.voter_removed', targetType: 'election_voter', targetId: v.id, communityId: e.community_id, scopePath: e.community_path, before: { removedAt: null }, after: { reason } });
  };
  await (trxIn ? write(trxIn) : deps.db.transaction().execute(write));
}

export async function removeVoterById(deps: AppDeps, ctx: RequestContext, id: string, voterId: string, reason: string): Promise<VoterView> {
  const e = await managed(deps.db, ctx.actor, id);
  await removeVoter(deps, ctx, e, voterId, reason);
  return voterView(deps, e, voterId);
}

/** Name another registered member of the household as its representative (household mode). */
export async function setRepresentative(deps: AppDeps, ctx: RequestContext, id: string, voterId: string): Promise<VoterView> {
  const e = await managed(deps.db, ctx.actor, id);
  requirePhase(e, 'registration', 'list_notice', 'candidates');
  const v = await repo.findVoter(deps.db, e.id, voterId);
  if (!v || v.removed_at || !v.household_id || e.voting_unit !== 'household') throw new AppError('not_found', 404, { field: 'voterId' });
  await deps.db.transaction().execute(async (trx) => {
    await repo.clearRepresentative(trx, e.id, v.household_id!);
    await repo.updateVoter(trx, v.id, { is_representative: 1 });
    await recordAudit(trx, ctx, deps.clock, { action: 'election.representative_set', targetType: 'election_voter', targetId: v.id, communityId: e.community_id, scopePath: e.community_path, after: { householdId: v.household_id } });
  });
  return voterView(deps, e, v.id);
}

async function voterView(deps: AppDeps, e: Election, voterId: string): Promise<VoterView> {
  const v = (await repo.findVoter(deps.db, e.id, voterId))!;
  const name = buildingNamer(await repo.buildingsOf(deps.db, e.community_id));
  const voted = (await repo.rollEntry(deps.db, e.id, unitKeyOf(e, v))) !== undefined;
  return voterViewOf(v, name(v.place_path), voted);
}

export async function listVoters(deps: AppDeps, actor: Actor, id: string, q: { q?: string; includeRemoved?: boolean }) {
  const e = await viewable(deps.db, actor, id);
  const [voters, buildings, roll] = await Promise.all([repo.votersOf(deps.db, e.id, q.includeRemoved ?? false), repo.buildingsOf(deps.db, e.community_id), repo.rollOf(deps.db, e.id)]);
  const name = buildingNamer(buildings);
  const voted = new Set(roll.map((r) => r.unit_key));
  const items = voters.filter((v) => !q.q || v.name.includes(q.q)).map((v) => voterViewOf(v, name(v.place_path), voted.has(unitKeyOf(e, v))));
  return { items, total: items.length };
}

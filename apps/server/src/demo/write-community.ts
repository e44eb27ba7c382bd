import type { AppDeps } from '../deps.js';
import type { Db, PlaceRow } from '../db/database.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { createDemoAccounts, type DemoAccount } from './accounts.js';
import { insertMany } from './bulk-insert.js';
import type { CommunityPlan } from './community-plan.js';
import { organisationRows, type AccountLink, type OrganisationRows } from './organisation-rows.js';
import type { AccountKey } from './organisations-plan.js';
import type { PersonRef } from './people-pool.js';
import { placeRows, type PlaceIds } from './place-rows.js';
import { registerRows, type RegisterRows } from './register-rows.js';

export interface WrittenCommunity {
  /** The demo accounts, when this community has them. */
  accounts: DemoAccount[];
  places: number;
  households: number;
  residents: number;
  living: number;
  organisations: number;
  partyMembers: number;
  /** Unclaimed accounts made for post holders (grid workers, building leaders). */
  postAccounts: number;
  /** What was written, for the request history to draw on (demo-requests.ts). */
  written: WrittenRows;
}

export interface WrittenRows {
  places: PlaceIds;
  households: RegisterRows['households'];
  residents: RegisterRows['residents'];
  memberships: OrganisationRows['memberships'];
  /** The demo accounts' user ids (the community with the accounts only). */
  links: Partial<Record<AccountKey | 'jumin', AccountLink>>;
}

/**
 * Write one planned community: its places, registers, organisations, posts and party roster in one transaction
 * (two when it has the demo accounts, created in between), with one audit entry for the whole.
 */
export async function writeCommunity(deps: AppDeps, plan: CommunityPlan, subdistrict: Pick<PlaceRow, 'id' | 'path'>, now: string): Promise<WrittenCommunity> {
  const raw = deps.handle.sqlite;
  const places = placeRows(subdistrict, plan.name, plan.grids, now);
  const insertPlaces = async (trx: Db) => {
    await insertMany(trx, 'places', places.places, raw);
    await insertMany(trx, 'place_history', places.history, raw);
  };
  // With the demo accounts, places go first, on their own: the accounts are granted roles at them through the
  // users service. Otherwise everything of the community is one transaction.
  if (plan.featured) await deps.db.transaction().execute(insertPlaces);
  let accounts: DemoAccount[] = [];
  let links: Partial<Record<AccountKey | 'jumin', AccountLink>> = {};
  if (plan.featured) {
    ({ accounts, links } = await createDemoAccounts(deps, {
      subdistrict: subdistrict.id,
      community: places.ids.community.id,
      grid: places.ids.grids[0]!.id,
      building: places.ids.buildings[0]![0]![0]!.id,
    }));
  }
  // Consents and tags are recorded by the community's social worker where there is one.
  const registers = registerRows(deps.vault, plan, places.ids, now, links.shegong?.userId ?? null);
  const orgs = organisationRows(deps.vault, plan, places.ids, registers.residentIds, links, now);
  // Accounts linked to resident records: 刘奶奶 signs in as `jumin`, the building leader as `loudongzhang`, and
  // every other post holder with an account is linked to theirs.
  const accountOf = new Map(orgs.residentAccounts);
  const idOf = (ref: PersonRef) => registers.residentIds[ref.household]![ref.member]!;
  if (plan.featured && links.jumin) accountOf.set(idOf(plan.featured.jumin), links.jumin.userId);
  if (plan.featured && links.loudongzhang) accountOf.set(idOf(plan.featured.buildingLeader), links.loudongzhang.userId);
  for (const r of registers.residents) r.user_id = accountOf.get(r.id) ?? null;
  await deps.db.transaction().execute(async (trx) => {
    if (!plan.featured) await insertPlaces(trx);
    await insertMany(trx, 'users', orgs.users, raw);
    await insertMany(trx, 'role_assignments', orgs.roleAssignments, raw);
    await insertMany(trx, 'households', registers.households, raw);
    await insertMany(trx, 'residents', registers.residents, raw);
    await insertMany(trx, 'consents', registers.consents, raw);
    await insertMany(trx, 'resident_tags', registers.tags, raw);
    await insertMany(trx, 'residence_history', registers.history, raw);
    await insertMany(trx, 'organisations', orgs.organisations, raw);
    await insertMany(trx, 'memberships', orgs.memberships, raw);
    await insertMany(trx, 'party_members', orgs.partyMembers, raw);
    await auditSeeded(deps, trx, places.ids, {
      households: registers.households.length,
      residents: registers.residents.length,
      organisations: orgs.organisations.length,
      accounts: orgs.users.length,
    });
  });
  return {
    accounts,
    places: places.places.length,
    households: registers.households.length,
    residents: registers.residents.length,
    living: registers.residents.filter((r) => r.status === 'living').length,
    organisations: orgs.organisations.length,
    partyMembers: orgs.partyMembers.length,
    postAccounts: orgs.users.length,
    written: { places: places.ids, households: registers.households, residents: registers.residents, memberships: orgs.memberships, links },
  };
}

/** One audit entry per community says what the seeding wrote (not one per row: it is one act). */
async function auditSeeded(deps: AppDeps, trx: Db, ids: PlaceIds, counts: Record<string, number>) {
  await recordAudit(trx, null, deps.clock, {
    action: 'demo.seeded',
    targetType: 'place',
    targetId: ids.community.id,
    communityId: ids.community.id,
    scopePath: ids.community.path,
    after: counts,
  });
}

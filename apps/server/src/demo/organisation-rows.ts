import type { Insertable } from 'kysely';
import { postGrantsRole } from '@gongzhi/shared';
import type { MembershipsTable, OrganisationsTable, PartyMembersTable, RoleAssignmentsTable, UsersTable } from '../db/database.js';
import { newId } from '../lib/ids.js';
import type { PersonalDataVault } from '../lib/personal-data.js';
import type { CommunityPlan } from './community-plan.js';
import type { AccountKey, MembershipPlan } from './organisations-plan.js';
import { placeOf, type PlaceIds } from './place-rows.js';

/** A demo account: its user id and, for the posts that grant one, the role assignment the post stands for. */
export interface AccountLink {
  userId: string;
  roleAssignmentId: string | null;
}

export interface OrganisationRows {
  organisations: Insertable<OrganisationsTable>[];
  memberships: Insertable<MembershipsTable>[];
  partyMembers: Insertable<PartyMembersTable>[];
  /** Accounts for the grid workers and building leaders who have none yet (unclaimed), with their roles. */
  users: Insertable<UsersTable>[];
  roleAssignments: Insertable<RoleAssignmentsTable>[];
  /** Resident id → the account now linked to that resident. */
  residentAccounts: Map<string, string>;
}

/**
 * Organisations (parents before children), their members and the posts held at places, and the party roster,
 * as the organisations module keeps them: contact phones and members' ID numbers and phones encrypted with
 * their blind indexes. A grid worker's or building leader's post grants its holder's account that role at the
 * post's place and points at the assignment; a demo account's post points at the role it was created with, and
 * every other holder gets an unclaimed account (claimed later with a code from staff), linked to their resident
 * record, as `createMembership` requires.
 */
export function organisationRows(
  vault: PersonalDataVault,
  plan: CommunityPlan,
  ids: PlaceIds,
  residentIds: string[][],
  accounts: Partial<Record<AccountKey, AccountLink>>,
  now: string,
): OrganisationRows {
  const community = ids.community.id;
  const orgIds = new Map(plan.organisations.map((o) => [o.key, newId()]));
  const organisations = plan.organisations.map(
    (o): Insertable<OrganisationsTable> => ({
      id: orgIds.get(o.key)!,
      community_id: community,
      kind: o.kind,
      party_level: o.partyLevel,
      parent_id: o.parentKey ? orgIds.get(o.parentKey)! : null,
      name: o.name,
      place_id: placeOf(ids, o.place).id,
      credit_code: o.creditCode,
      contact_name: o.contactName,
      contact_phone_cipher: o.contactPhone ? vault.encrypt(o.contactPhone) : null,
      address: o.address,
      term_start_on: o.termStartOn,
      term_end_on: o.termEndOn,
      dual_reporting_on: o.dualReportingOn,
      note: o.note,
      retired_at: null,
      created_at: now,
      updated_at: now,
    }),
  );
  const users: Insertable<UsersTable>[] = [];
  const roleAssignments: Insertable<RoleAssignmentsTable>[] = [];
  const residentAccounts = new Map<string, string>();
  /** The account a post's holder signs in with: the demo account, or a new unclaimed one for a post that grants a role. */
  const accountOf = (m: MembershipPlan, residentId: string | null): AccountLink | undefined => {
    if (m.account) return accounts[m.account];
    const role = postGrantsRole[m.role];
    if (!role || !m.place) return undefined;
    const userId = newId();
    users.push({ id: userId, display_name: m.personName, username: null, phone_cipher: null, phone_index: null, password_hash: null, status: 'unclaimed', elder_mode: 0, locale: 'zh-CN', created_at: now, updated_at: now });
    const roleAssignmentId = newId();
    roleAssignments.push({ id: roleAssignmentId, user_id: userId, role, place_id: placeOf(ids, m.place).id, created_at: now });
    if (residentId) residentAccounts.set(residentId, userId);
    return { userId, roleAssignmentId };
  };
  const membership = (m: MembershipPlan, organisationId: string | null): Insertable<MembershipsTable> => {
    const residentId = m.person ? residentIds[m.person.household]![m.person.member]! : null;
    const account = accountOf(m, residentId);
    return {
      id: newId(),
      community_id: community,
      organisation_id: organisationId,
      resident_id: residentId,
      user_id: account?.userId ?? null,
      person_name: m.personName,
      person_unit: m.personUnit,
      role: m.role,
      place_id: m.place ? placeOf(ids, m.place).id : null,
      role_assignment_id: postGrantsRole[m.role] ? (account?.roleAssignmentId ?? null) : null,
      start_on: m.startOn,
      end_on: m.endOn,
      ended_at: null,
      created_at: now,
    };
  };
  const memberships = [...plan.organisations.flatMap((o) => o.members.map((m) => membership(m, orgIds.get(o.key)!))), ...plan.posts.map((m) => membership(m, null))];
  const partyMembers = plan.partyMembers.map(
    (p): Insertable<PartyMembersTable> => ({
      id: newId(),
      community_id: community,
      party_org_id: orgIds.get(p.orgKey)!,
      resident_id: p.person ? residentIds[p.person.household]![p.person.member]! : null,
      name: p.name,
      gender: p.gender,
      ...vault.sealIdNumber(p.idNumber),
      ...vault.sealPhone(p.phone),
      joined_on: p.joinedOn,
      category: p.category,
      reporting: p.reporting,
      employer: p.employer,
      reported_on: p.reportedOn,
      status: 'active',
      created_at: now,
      updated_at: now,
    }),
  );
  return { organisations, memberships, partyMembers, users, roleAssignments, residentAccounts };
}

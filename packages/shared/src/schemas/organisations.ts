import { z } from 'zod';
import { roles } from '../roles.js';
import { idSchema, nameSchema, phoneSchema } from './common.js';
import { dateSchema, idNumberInput, type Label } from './registers.js';

export const organisationKinds = [
  'party_org',
  'residents_committee',
  'supervision_committee',
  'stationed_unit',
  'property_company',
  'owners_committee',
  'social_org',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationKindLabels: Record<OrganisationKind, Label> = {
  party_org: { zh: '党组织', en: 'Party organisation' },
  residents_committee: { zh: '居民委员会', en: "Residents' committee" },
  supervision_committee: { zh: '居务监督委员会', en: 'Supervision committee' },
  stationed_unit: { zh: '驻区单位', en: 'Stationed unit' },
  property_company: { zh: '物业服务企业', en: 'Property company' },
  owners_committee: { zh: '业主委员会', en: "Owners' committee" },
  social_org: { zh: '社会组织', en: 'Social organisation' },
};
/** Elected committees serve 5-year terms (Organic Law of Urban Residents' Committees, 2025). */
export const termKinds: readonly OrganisationKind[] = ['residents_committee', 'supervision_committee', 'owners_committee'];
export const TERM_YEARS = 5;

export const partyLevels = ['committee', 'general_branch', 'branch', 'group'] as const;
export type PartyLevel = (typeof partyLevels)[number];
export const partyLevelLabels: Record<PartyLevel, Label> = {
  committee: { zh: '党委', en: 'Committee' },
  general_branch: { zh: '党总支', en: 'General branch' },
  branch: { zh: '党支部', en: 'Branch' },
  group: { zh: '党小组', en: 'Group' },
};

export const membershipRoles = [
  'secretary',
  'deputy_secretary',
  'chair',
  'vice_chair',
  'committee_member',
  'part_time_member',
  'member',
  'building_leader',
  'estate_head',
  'grid_worker',
  'volunteer',
  'representative',
  'contact',
] as const;
export type MembershipRole = (typeof membershipRoles)[number];
export const membershipRoleLabels: Record<MembershipRole, Label> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  chair: { zh: '主任', en: 'Chair' },
  vice_chair: { zh: '副主任', en: 'Vice chair' },
  committee_member: { zh: '委员', en: 'Committee member' },
  part_time_member: { zh: '兼职委员', en: 'Part-time member' },
  member: { zh: '成员', en: 'Member' },
  building_leader: { zh: '楼栋长', en: 'Building leader' },
  estate_head: { zh: '院落负责人', en: 'Estate head' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  representative: { zh: '居民代表', en: "Residents' representative" },
  contact: { zh: '联系人', en: 'Contact' },
};
/** Posts held at a place, and the kind of place each needs; the first two also give the account its scope. */
export const placePostKinds: Partial<Record<MembershipRole, 'grid' | 'estate' | 'building'>> = {
  grid_worker: 'grid',
  building_leader: 'building',
  estate_head: 'estate',
};
/** The account role a post grants (and revokes when it ends). */
export const postGrantsRole: Partial<Record<MembershipRole, (typeof roles)[number]>> = {
  grid_worker: 'grid_worker',
  building_leader: 'building_leader',
};

export const organisationView = z.object({
  id: idSchema,
  communityId: idSchema,
  kind: z.enum(organisationKinds),
  partyLevel: z.enum(partyLevels).nullable(),
  parentId: idSchema.nullable(),
  name: z.string(),
  placeId: idSchema.nullable(),
  placeName: z.string().nullable(),
  creditCode: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  termStartOn: z.string().nullable(),
  termEndOn: z.string().nullable(),
  dualReportingOn: z.string().nullable(),
  note: z.string().nullable(),
  retiredAt: z.string().nullable(),
  memberCount: z.number().int(),
});
export type OrganisationView = z.infer<typeof organisationView>;

const orgFields = {
  name: nameSchema,
  partyLevel: z.enum(partyLevels).nullable().optional(),
  parentId: idSchema.nullable().optional(),
  placeId: idSchema.nullable().optional(),
  creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'invalid credit code').nullable().optional(),
  contactName: z.string().trim().min(1).max(100).nullable().optional(),
  contactPhone: z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'invalid phone number').nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  termStartOn: dateSchema.nullable().optional(),
  termEndOn: dateSchema.nullable().optional(),
  dualReportingOn: dateSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
};
export const createOrganisationBody = z.object({ ...orgFields, communityId: idSchema, kind: z.enum(organisationKinds) });
export const updateOrganisationBody = z.object({ ...orgFields, name: nameSchema.optional() }).refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const listOrganisationsQuery = z.object({
  communityId: idSchema.optional(),
  kind: z.enum(organisationKinds).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  includeRetired: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const membershipView = z.object({
  id: idSchema,
  communityId: idSchema,
  organisationId: idSchema.nullable(),
  organisationName: z.string().nullable(),
  organisationKind: z.enum(organisationKinds).nullable(),
  residentId: idSchema.nullable(),
  userId: idSchema.nullable(),
  personName: z.string(),
  personUnit: z.string().nullable(),
  role: z.enum(membershipRoles),
  placeId: idSchema.nullable(),
  placeName: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** The account role this post gave, if any. */
  grantedRole: z.enum(roles).nullable(),
});
export type MembershipView = z.infer<typeof membershipView>;
export const createMembershipBody = z.object({
  communityId: idSchema,
  organisationId: idSchema.optional(),
  /** The person: a resident, an account, or (for outsiders such as part-time members) a name and unit. */
  residentId: idSchema.optional(),
  userId: idSchema.optional(),
  personName: nameSchema.optional(),
  personUnit: z.string().trim().min(1).max(100).optional(),
  role: z.enum(membershipRoles),
  placeId: idSchema.optional(),
  startOn: dateSchema.optional(),
  endOn: dateSchema.optional(),
});
/** Ending a post: the last day it was held, today when omitted. */
export const endMembershipBody = z.object({ endOn: dateSchema.optional() });
/** An organisation with its members (active ones unless ended ones are asked for). */
export const organisationDetail = z.object({ organisation: organisationView, members: z.array(membershipView) });
export const listMembershipsQuery = z.object({
  organisationId: idSchema.optional(),
  communityId: idSchema.optional(),
  role: z.enum(membershipRoles).optional(),
  includeEnded: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const partyMemberCategories = ['full', 'probationary'] as const;
export const partyMemberCategoryLabels: Record<(typeof partyMemberCategories)[number], Label> = {
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
};
export const partyReportings = ['local', 'employed'] as const;
export const partyReportingLabels: Record<(typeof partyReportings)[number], Label> = {
  local: { zh: '社区党员', en: 'Community member' },
  employed: { zh: '在职党员(双报到)', en: 'Employed member (dual reporting)' },
};
export const partyMemberStatuses = ['active', 'transferred_out', 'deceased'] as const;

export const partyMemberView = z.object({
  id: idSchema,
  communityId: idSchema,
  partyOrgId: idSchema,
  partyOrgName: z.string(),
  residentId: idSchema.nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  joinedOn: z.string().nullable(),
  category: z.enum(partyMemberCategories),
  reporting: z.enum(partyReportings),
  employer: z.string().nullable(),
  reportedOn: z.string().nullable(),
  status: z.enum(partyMemberStatuses),
});
export type PartyMemberView = z.infer<typeof partyMemberView>;
const partyMemberFields = {
  partyOrgId: idSchema,
  residentId: idSchema.optional(),
  name: nameSchema,
  gender: z.enum(['male', 'female']).nullable().optional(),
  idNumber: idNumberInput.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  joinedOn: dateSchema.nullable().optional(),
  category: z.enum(partyMemberCategories),
  reporting: z.enum(partyReportings),
  employer: z.string().trim().min(1).max(100).nullable().optional(),
  reportedOn: dateSchema.nullable().optional(),
};
/** With a resident linked, the name (and gender) default to the resident's. */
export const createPartyMemberBody = z.object({
  ...partyMemberFields,
  name: nameSchema.optional(),
  category: partyMemberFields.category.default('full'),
  reporting: partyMemberFields.reporting.default('local'),
});
/** Built from the fields without defaults, so a partial update never resets category or reporting. */
export const updatePartyMemberBody = z
  .object(partyMemberFields)
  .partial()
  .extend({ status: z.enum(partyMemberStatuses).optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const listPartyMembersQuery = z.object({
  communityId: idSchema.optional(),
  partyOrgId: idSchema.optional(),
  reporting: z.enum(partyReportings).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  status: z.enum(partyMemberStatuses).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** A person's page: every post and role they hold. */
export const personRolesView = z.object({
  memberships: z.array(membershipView),
  partyMember: partyMemberView.nullable(),
  accountRoles: z.array(z.object({ role: z.enum(roles), placeId: idSchema, placeName: z.string() })),
});

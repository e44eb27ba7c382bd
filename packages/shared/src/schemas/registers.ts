import { z } from 'zod';
import { idSchema, nameSchema, phoneSchema } from './common.js';

/** A label in both languages, for the UI and for Excel headers and values. */
export interface Label {
  zh: string;
  en: string;
}

export const genders = ['male', 'female'] as const;
export const genderLabels: Record<(typeof genders)[number], Label> = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } };

export const residencyStatuses = ['permanent', 'floating', 'registered_elsewhere'] as const;
export type ResidencyStatus = (typeof residencyStatuses)[number];
export const residencyStatusLabels: Record<ResidencyStatus, Label> = {
  permanent: { zh: '常住', en: 'Permanent' },
  floating: { zh: '流动', en: 'Floating' },
  registered_elsewhere: { zh: '人户分离', en: 'Registered elsewhere' },
};

export const residentStatuses = ['living', 'moved_out', 'deceased'] as const;
export type ResidentStatus = (typeof residentStatuses)[number];
export const residentStatusLabels: Record<ResidentStatus, Label> = {
  living: { zh: '在住', en: 'Living here' },
  moved_out: { zh: '已迁出', en: 'Moved out' },
  deceased: { zh: '已故', en: 'Deceased' },
};

/** Relation to the householder (与户主关系). */
export const relations = [
  'householder',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'parent_in_law',
  'grandparent',
  'sibling',
  'other',
] as const;
export type Relation = (typeof relations)[number];
export const relationLabels: Record<Relation, Label> = {
  householder: { zh: '户主', en: 'Householder' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  child_in_law: { zh: '儿媳/女婿', en: 'Child-in-law' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  parent: { zh: '父母', en: 'Parent' },
  parent_in_law: { zh: '公婆/岳父母', en: 'Parent-in-law' },
  grandparent: { zh: '祖父母', en: 'Grandparent' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Resident tags. `sensitive` ones are sensitive personal information under PIPL art. 28 (health, disability,
 * financial hardship, religion, minors): recording one needs a consent or a legal basis, recorded with it.
 */
export const residentTags = [
  'elderly',
  'living_alone',
  'disabled',
  'low_income',
  'party_member',
  'veteran',
  'chronic_illness',
  'religion',
  'migrant_elderly',
  'special_care',
] as const;
export type ResidentTag = (typeof residentTags)[number];
export type Sensitivity = 'normal' | 'sensitive';
export const residentTagInfo: Record<ResidentTag, Label & { sensitivity: Sensitivity }> = {
  elderly: { zh: '高龄', en: 'Aged 80+', sensitivity: 'normal' },
  living_alone: { zh: '独居', en: 'Living alone', sensitivity: 'normal' },
  disabled: { zh: '残疾', en: 'Disability', sensitivity: 'sensitive' },
  low_income: { zh: '低保', en: 'Minimum living allowance', sensitivity: 'sensitive' },
  party_member: { zh: '党员', en: 'Party member', sensitivity: 'normal' },
  veteran: { zh: '退役军人', en: 'Veteran', sensitivity: 'normal' },
  chronic_illness: { zh: '慢性病', en: 'Chronic illness', sensitivity: 'sensitive' },
  religion: { zh: '宗教信仰', en: 'Religious belief', sensitivity: 'sensitive' },
  migrant_elderly: { zh: '随迁老人', en: 'Migrant elderly', sensitivity: 'normal' },
  special_care: { zh: '优抚对象', en: 'Entitled group', sensitivity: 'normal' },
};
export const isSensitiveTag = (tag: ResidentTag): boolean => residentTagInfo[tag].sensitivity === 'sensitive';

/** Why sensitive data may be held (PIPL art. 13): the person's consent, a guardian's, or a legal duty. */
export const consentBases = ['consent', 'guardian_consent', 'legal_duty'] as const;
export type ConsentBasis = (typeof consentBases)[number];
export const consentBasisLabels: Record<ConsentBasis, Label> = {
  consent: { zh: '本人同意', en: 'Own consent' },
  guardian_consent: { zh: '监护人同意', en: "Guardian's consent" },
  legal_duty: { zh: '法定职责', en: 'Legal duty' },
};
/** Children under this age are sensitive data as a whole: their record needs a guardian's consent or a legal basis. */
export const MINOR_AGE = 14;

export const householdStatuses = ['active', 'moved_out'] as const;

/** Fields that may be revealed, each with its own roles. */
export const revealableFields = ['idNumber', 'phone'] as const;
export type RevealableField = (typeof revealableFields)[number];

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid date').refine((s) => !Number.isNaN(Date.parse(s)), 'invalid date');
/** ID number as typed: spaces removed, x upper-cased; the checksum is checked by the server (parseIdNumber). */
export const idNumberInput = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^\d{17}[\dX]$/, 'invalid id number'));

export const basisInput = z.object({ basis: z.enum(consentBases), detail: z.string().trim().min(2).max(500) });
export const tagInput = z.object({ tag: z.enum(residentTags), basis: z.enum(consentBases).optional(), detail: z.string().trim().min(2).max(500).optional() });

export const residentView = z.object({
  id: idSchema,
  communityId: idSchema,
  householdId: idSchema.nullable(),
  relation: z.enum(relations).nullable(),
  name: z.string(),
  gender: z.enum(genders).nullable(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  residencyStatus: z.enum(residencyStatuses),
  status: z.enum(residentStatuses),
  /** The dwelling while in a household. */
  placeId: idSchema.nullable(),
  /** "第一网格 五福苑 1栋 1单元 101室": the place chain below the community. */
  placeLabel: z.string(),
  tags: z.array(z.enum(residentTags)),
  movedInOn: z.string().nullable(),
  movedOutOn: z.string().nullable(),
  deceasedOn: z.string().nullable(),
  hasAccount: z.boolean(),
  updatedAt: z.string(),
});
export type ResidentView = z.infer<typeof residentView>;

export const consentView = z.object({
  id: idSchema,
  purpose: z.string(),
  basis: z.enum(consentBases),
  detail: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export const residenceEvent = z.enum(['registered', 'moved_in', 'moved', 'household_moved', 'moved_out', 'deceased', 'relation_changed', 'returned']);
export const historyEntryView = z.object({
  id: idSchema,
  event: residenceEvent,
  /** Whom the entry concerns; null for an event of the household itself (registered, moved, moved out). */
  residentName: z.string().nullable(),
  fromPlaceLabel: z.string().nullable(),
  toPlaceLabel: z.string().nullable(),
  onDate: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const residentDetail = residentView.extend({
  registeredAddress: z.string().nullable(),
  note: z.string().nullable(),
  consents: z.array(consentView),
  history: z.array(historyEntryView),
  /** Which reveals this actor may ask for; the web shows a "reveal" button only for these. */
  canReveal: z.array(z.enum(revealableFields)),
  canEdit: z.boolean(),
});
export type ResidentDetail = z.infer<typeof residentDetail>;

export const residentSorts = ['name', 'birth_date', 'moved_in_on', 'updated_at'] as const;
export const listResidentsQuery = z.object({
  /** Part of a name. */
  q: z.string().trim().min(1).max(50).optional(),
  /** The last digits of a phone number (2 to 11). */
  phoneTail: z.string().trim().regex(/^\d{2,11}$/).optional(),
  /** An exact ID number, found through the blind index. */
  idNumber: idNumberInput.optional(),
  tag: z.enum(residentTags).optional(),
  placeId: idSchema.optional(),
  status: z.enum(residentStatuses).default('living'),
  residencyStatus: z.enum(residencyStatuses).optional(),
  sort: z.enum(residentSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListResidentsQuery = z.infer<typeof listResidentsQuery>;

const residentFields = {
  name: nameSchema,
  gender: z.enum(genders).nullable().optional(),
  birthDate: dateSchema.nullable().optional(),
  idNumber: idNumberInput.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  ethnicity: z.string().trim().min(1).max(20).nullable().optional(),
  residencyStatus: z.enum(residencyStatuses),
  registeredAddress: z.string().trim().max(200).nullable().optional(),
  movedInOn: dateSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
};
export const createResidentBody = z.object({
  ...residentFields,
  /** A resident is created in a community; with a household, at its dwelling. */
  communityId: idSchema.optional(),
  householdId: idSchema.optional(),
  relation: z.enum(relations).optional(),
  tags: z.array(tagInput).max(20).optional(),
  /** Required for a child under 14. */
  minorBasis: basisInput.optional(),
});
export type CreateResidentBody = z.infer<typeof createResidentBody>;
export const updateResidentBody = z
  .object({ ...residentFields, name: nameSchema.optional(), residencyStatus: z.enum(residencyStatuses).optional(), relation: z.enum(relations).optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const moveResidentBody = z.object({
  /** Another household, or null to leave any household (the resident stays in the community register). */
  householdId: idSchema.nullable(),
  relation: z.enum(relations).optional(),
  onDate: dateSchema.optional(),
  note: z.string().trim().max(500).optional(),
});
export const leaveBody = z.object({
  event: z.enum(['moved_out', 'deceased']),
  onDate: dateSchema,
  note: z.string().trim().max(500).optional(),
});
export const revealBody = z.object({
  field: z.enum(revealableFields),
  purpose: z.string().trim().min(4).max(200),
});
export const revealResponse = z.object({ field: z.enum(revealableFields), value: z.string().nullable() });
export const consentBody = basisInput.extend({ purpose: z.string().trim().regex(/^(tag:[a-z_]+|minor|publication)$/) });

export const householdView = z.object({
  id: idSchema,
  communityId: idSchema,
  dwellingId: idSchema,
  placeLabel: z.string(),
  householderId: idSchema.nullable(),
  householderName: z.string().nullable(),
  status: z.enum(householdStatuses),
  memberCount: z.number().int(),
  movedInOn: z.string().nullable(),
  movedOutOn: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type HouseholdView = z.infer<typeof householdView>;
export const householdDetail = householdView.extend({
  members: z.array(residentView),
  history: z.array(historyEntryView),
});
export const listHouseholdsQuery = z.object({
  /** Part of the householder's name. */
  q: z.string().trim().min(1).max(50).optional(),
  placeId: idSchema.optional(),
  status: z.enum(householdStatuses).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const createHouseholdBody = z.object({
  dwellingId: idSchema,
  movedInOn: dateSchema.optional(),
  note: z.string().trim().max(500).optional(),
});
export const updateHouseholdBody = z
  .object({ householderId: idSchema.optional(), note: z.string().trim().max(500).nullable().optional(), movedInOn: dateSchema.nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const moveHouseholdBody = z.object({ dwellingId: idSchema, onDate: dateSchema.optional(), note: z.string().trim().max(500).optional() });
export const householdLeaveBody = z.object({ onDate: dateSchema, note: z.string().trim().max(500).optional() });

/** What a resident sees about themselves (PIPL art. 45): their record masked, consents, history, requests. */
export const correctionFields = ['name', 'gender', 'birthDate', 'idNumber', 'phone', 'ethnicity', 'residencyStatus', 'registeredAddress', 'household', 'tags', 'other'] as const;
export const correctionStatuses = ['open', 'accepted', 'rejected'] as const;
export const correctionView = z.object({
  id: idSchema,
  residentId: idSchema,
  residentName: z.string(),
  field: z.enum(correctionFields),
  message: z.string(),
  status: z.enum(correctionStatuses),
  response: z.string().nullable(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
});
export const correctionBody = z.object({ field: z.enum(correctionFields), message: z.string().trim().min(2).max(1000) });
export const resolveCorrectionBody = z.object({ status: z.enum(['accepted', 'rejected']), response: z.string().trim().min(2).max(1000) });
export const listCorrectionsQuery = z.object({
  status: z.enum(correctionStatuses).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const myDataView = z.object({
  resident: residentDetail,
  household: householdView.nullable(),
  corrections: z.array(correctionView),
});
export const myHouseholdView = z.object({
  household: householdView.nullable(),
  members: z.array(residentView),
});
export const personExportBody = z.object({ purpose: z.string().trim().min(4).max(200) });

/** The account created for a resident, with the one-time code printed on their activation slip. */
export const residentAccountResponse = z.object({ userId: idSchema, claimCode: z.object({ code: z.string(), expiresAt: z.string() }) });

/**
 * Everything held about one person (PIPL arts. 45 and 47: access and portability), unmasked. Served only to data
 * officers, for a stated purpose that is written to the audit log.
 */
export const personExportView = z.object({
  exportedAt: z.string(),
  purpose: z.string(),
  resident: z.object({
    id: idSchema,
    communityId: idSchema,
    communityName: z.string().nullable(),
    householdId: idSchema.nullable(),
    relation: z.enum(relations).nullable(),
    name: z.string(),
    gender: z.enum(genders).nullable(),
    birthDate: z.string().nullable(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    ethnicity: z.string().nullable(),
    residencyStatus: z.enum(residencyStatuses),
    registeredAddress: z.string().nullable(),
    status: z.enum(residentStatuses),
    placeLabel: z.string(),
    movedInOn: z.string().nullable(),
    movedOutOn: z.string().nullable(),
    deceasedOn: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  tags: z.array(z.object({ tag: z.enum(residentTags), consentId: idSchema.nullable(), createdAt: z.string() })),
  consents: z.array(consentView),
  history: z.array(historyEntryView),
  household: householdView.nullable(),
  corrections: z.array(correctionView),
  account: z.object({ userId: idSchema, displayName: z.string(), username: z.string().nullable(), status: z.string(), createdAt: z.string() }).nullable(),
  memberships: z.array(
    z.object({
      id: idSchema,
      organisationId: idSchema.nullable(),
      organisationName: z.string().nullable(),
      role: z.string(),
      placeId: idSchema.nullable(),
      startOn: z.string().nullable(),
      endOn: z.string().nullable(),
      endedAt: z.string().nullable(),
    }),
  ),
  partyMemberships: z.array(
    z.object({
      id: idSchema,
      partyOrgId: idSchema,
      partyOrgName: z.string().nullable(),
      idNumber: z.string().nullable(),
      phone: z.string().nullable(),
      category: z.string(),
      reporting: z.string(),
      employer: z.string().nullable(),
      joinedOn: z.string().nullable(),
      reportedOn: z.string().nullable(),
      status: z.string(),
    }),
  ),
});
export type PersonExportView = z.infer<typeof personExportView>;

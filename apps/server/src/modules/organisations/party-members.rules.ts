import { parseIdNumber, type partyMemberCategories, type partyMemberStatuses, type partyReportings } from '@gongzhi/shared';
import { invalid, localToday, type Problem } from './problems.js';

type Gender = 'male' | 'female';

/** A party member as the API or an import row describes them, references already resolved to ids. */
export interface PartyMemberDraft {
  partyOrgId: string;
  residentId: string | null;
  /** Defaults to the linked resident's name. */
  name: string | null;
  /** Defaults to what the ID number says, else the linked resident's. */
  gender: Gender | null;
  idNumber: string | null;
  phone: string | null;
  joinedOn: string | null;
  category: (typeof partyMemberCategories)[number];
  reporting: (typeof partyReportings)[number];
  employer: string | null;
  reportedOn: string | null;
  status: (typeof partyMemberStatuses)[number];
}

export interface PartyMemberRefs {
  /** The organisation `partyOrgId` names; undefined when there is none. */
  partyOrg?: { id: string; kind: string; community_id: string; retired_at: string | null };
  /** The resident `residentId` names; undefined when there is none. */
  resident?: { id: string; community_id: string; name: string; gender: string | null; id_number_index: string | null };
  /** When changing an existing member: the community they belong to (a member cannot move community by edit). */
  communityId?: string;
  /** When changing an existing member: their current organisation, which may have been retired since. */
  currentPartyOrgId?: string;
}

/** A checked member, ready to be encrypted and stored. */
export interface CheckedPartyMember extends Omit<PartyMemberDraft, 'name' | 'idNumber'> {
  communityId: string;
  name: string;
  /** Normalised: upper-case X, no spaces. */
  idNumber: string | null;
  idNumberIndex: string | null;
  phoneIndex: string | null;
  phoneTail: string | null;
}

export type BlindIndex = (purpose: 'id_number' | 'phone', value: string) => string;

/**
 * Check a party member against the roster's rules: the organisation is an active party organisation, a linked
 * resident lives in its community, the ID number is valid (GB 11643) and agrees with the gender and the linked
 * resident, and an employed member reporting to the community (双报到) names the employer and the date.
 * Pure apart from the injected blind index; uniqueness is checked by the caller against the table.
 */
export function checkPartyMember(d: PartyMemberDraft, refs: PartyMemberRefs, now: Date, blindIndex: BlindIndex): { member: CheckedPartyMember | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const today = localToday(now);
  const org = refs.partyOrg;
  if (!org || (refs.communityId && org.community_id !== refs.communityId)) problems.push({ code: 'not_found', status: 404, field: 'partyOrgId' });
  else if (org.kind !== 'party_org') problems.push({ code: 'not_a_party_org', status: 400, field: 'partyOrgId' });
  else if (org.retired_at && org.id !== refs.currentPartyOrgId) problems.push({ code: 'organisation_retired', status: 409, field: 'partyOrgId' });

  const resident = d.residentId ? refs.resident : undefined;
  if (d.residentId && (!resident || (org && resident.community_id !== org.community_id))) {
    problems.push({ code: 'not_found', status: 404, field: 'residentId' });
  }

  const name = d.name ?? resident?.name ?? null;
  if (!name) problems.push(invalid('name', 'a name is needed when no resident is linked'));

  let idNumber: string | null = null;
  let idNumberIndex: string | null = null;
  let gender = d.gender;
  if (d.idNumber) {
    const parsed = parseIdNumber(d.idNumber, now);
    if (!parsed.ok) {
      problems.push({ code: 'id_number_invalid', status: 400, field: 'idNumber', message: parsed.problem });
    } else {
      idNumber = parsed.facts.normalised;
      idNumberIndex = blindIndex('id_number', idNumber);
      if (gender && gender !== parsed.facts.gender) problems.push({ code: 'gender_mismatch', status: 400, field: 'gender' });
      gender = gender ?? parsed.facts.gender;
      if (resident?.id_number_index && resident.id_number_index !== idNumberIndex) {
        problems.push(invalid('idNumber', 'differs from the linked resident’s ID number'));
      }
    }
  }
  gender = gender ?? ((resident?.gender as Gender | null | undefined) ?? null);

  if (d.phone && !/^1[3-9]\d{9}$/.test(d.phone)) problems.push(invalid('phone', 'invalid phone number'));
  if (d.joinedOn && d.joinedOn > today) problems.push(invalid('joinedOn', 'cannot be in the future'));
  if (d.reportedOn && d.reportedOn > today) problems.push(invalid('reportedOn', 'cannot be in the future'));
  if (d.reporting === 'employed') {
    // 在职党员到社区报到: the register names where they work and when they reported.
    if (!d.employer) problems.push(invalid('employer', 'an employed member names the employer'));
    if (!d.reportedOn) problems.push(invalid('reportedOn', 'an employed member records the day they reported to the community'));
  }

  if (problems.length || !org || !name) return { member: null, problems };
  return {
    member: {
      ...d,
      communityId: org.community_id,
      name,
      gender,
      idNumber,
      idNumberIndex,
      phoneIndex: d.phone ? blindIndex('phone', d.phone) : null,
      phoneTail: d.phone ? d.phone.slice(-4) : null,
    },
    problems,
  };
}

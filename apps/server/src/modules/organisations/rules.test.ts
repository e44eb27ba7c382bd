import { describe, expect, it } from 'vitest';
import { checkOrganisation, type OrganisationDraft, type OrganisationRefs } from './organisations.rules.js';
import { checkPartyMember, type PartyMemberDraft } from './party-members.rules.js';
import { addYears, localToday } from './problems.js';
import { idNumberFor } from './test-factories.js';

const draft = (o: Partial<OrganisationDraft>): OrganisationDraft => ({
  communityId: 'A',
  kind: 'party_org',
  name: 'x',
  partyLevel: 'branch',
  parentId: null,
  placeId: null,
  creditCode: null,
  contactName: null,
  contactPhone: null,
  address: null,
  termStartOn: null,
  termEndOn: null,
  dualReportingOn: null,
  note: null,
  ...o,
});
const refs = (o: Partial<OrganisationRefs> = {}): OrganisationRefs => ({ selfId: null, childLevels: [], ...o });
const codes = (r: { problems: { code: string; field: string }[] }) => r.problems.map((p) => `${p.code}:${p.field}`);
const today = '2026-11-25';

describe('dates', () => {
  it('adds years, keeping 29 February inside February', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2021-12-31', 5)).toBe('2026-12-31');
  });

  it('takes today in China Standard Time', () => {
    expect(localToday(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(localToday(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});

describe('organisation rules', () => {
  const committee = { id: 'C', kind: 'party_org', party_level: 'committee', community_id: 'A', retired_at: null };

  it('puts each party level strictly below its parent, in the same community', () => {
    expect(codes(checkOrganisation(draft({ parentId: 'C' }), refs({ parent: committee }), today))).toEqual([]);
    expect(codes(checkOrganisation(draft({ parentId: 'C', partyLevel: 'committee' }), refs({ parent: committee }), today))).toEqual(['invalid_party_parent:partyLevel']);
    expect(codes(checkOrganisation(draft({ parentId: 'C' }), refs({ parent: { ...committee, community_id: 'B' } }), today))).toEqual(['invalid_party_parent:parentId']);
    expect(codes(checkOrganisation(draft({ parentId: 'C' }), refs(), today))).toEqual(['invalid_party_parent:parentId']);
    expect(codes(checkOrganisation(draft({ parentId: 'C' }), refs({ parent: { ...committee, retired_at: 'x' } }), today))).toEqual(['organisation_retired:parentId']);
    expect(codes(checkOrganisation(draft({ parentId: 'C', partyLevel: 'group' }), refs({ selfId: 'C', parent: committee }), today))).toEqual(['invalid_party_parent:parentId']);
    expect(codes(checkOrganisation(draft({ partyLevel: 'group' }), refs({ childLevels: ['group'] }), today))).toEqual(['invalid_party_parent:partyLevel']);
  });

  it('keeps levels, parents and dual reporting to the kinds they belong to', () => {
    expect(codes(checkOrganisation(draft({ partyLevel: null }), refs(), today))).toEqual(['validation_failed:partyLevel']);
    expect(codes(checkOrganisation(draft({ kind: 'social_org', parentId: 'C' }), refs({ parent: committee }), today))).toEqual([
      'validation_failed:partyLevel',
      'validation_failed:parentId',
    ]);
    expect(codes(checkOrganisation(draft({ kind: 'stationed_unit', partyLevel: null, dualReportingOn: '2027-01-01' }), refs(), today))).toEqual(['validation_failed:dualReportingOn']);
  });

  it('defaults and caps the elected committees’ terms, and only theirs', () => {
    const rc = checkOrganisation(draft({ kind: 'residents_committee', partyLevel: null, termStartOn: '2026-01-01' }), refs(), today);
    expect(rc.draft.termEndOn).toBe('2031-01-01');
    const long = checkOrganisation(draft({ kind: 'social_org', partyLevel: null, termStartOn: '2020-01-01', termEndOn: '2030-01-01' }), refs(), today);
    expect(codes(long)).toEqual([]);
    expect(long.draft.termEndOn).toBe('2030-01-01');
    expect(checkOrganisation(draft({ kind: 'social_org', partyLevel: null, termStartOn: '2020-01-01' }), refs(), today).draft.termEndOn).toBeNull();
  });

  it('puts property companies at an estate or the community', () => {
    const d = draft({ kind: 'property_company', partyLevel: null, placeId: 'P' });
    const place = (kind: string, community = 'A') => ({ id: 'P', kind, community_id: community, retired_at: null });
    expect(codes(checkOrganisation(d, refs({ place: place('estate') }), today))).toEqual([]);
    expect(codes(checkOrganisation(d, refs({ place: place('community') }), today))).toEqual([]);
    expect(codes(checkOrganisation(d, refs({ place: place('grid') }), today))).toEqual(['organisation_place_invalid:placeId']);
    expect(codes(checkOrganisation(d, refs({ place: place('estate', 'B') }), today))).toEqual(['organisation_place_invalid:placeId']);
  });
});

describe('party member rules', () => {
  const now = new Date('2026-11-25T08:00:00Z');
  const index = (purpose: string, v: string) => `${purpose}:${v}`;
  const partyOrg = { id: 'O', kind: 'party_org', community_id: 'A', retired_at: null };
  const member = (o: Partial<PartyMemberDraft>): PartyMemberDraft => ({
    partyOrgId: 'O', residentId: null, name: '党员', gender: null, idNumber: null, phone: null, joinedOn: null,
    category: 'full', reporting: 'local', employer: null, reportedOn: null, status: 'active', ...o,
  });

  it('derives the gender from the ID number and the name from a linked resident', () => {
    const id = idNumberFor('1990-01-01', 2);
    const resident = { id: 'R', community_id: 'A', name: '居民名', gender: 'female', id_number_index: `id_number:${id}` };
    const r = checkPartyMember(member({ residentId: 'R', name: null, idNumber: id }), { partyOrg, resident }, now, index);
    expect(r.member).toMatchObject({ name: '居民名', gender: 'female', idNumber: id, idNumberIndex: `id_number:${id}`, communityId: 'A' });
  });

  it('refuses what the roster cannot hold', () => {
    const c = (d: Partial<PartyMemberDraft>, o = {}) => codes(checkPartyMember(member(d), { partyOrg, ...o }, now, index));
    expect(c({}, { partyOrg: { ...partyOrg, kind: 'social_org' } })).toEqual(['not_a_party_org:partyOrgId']);
    expect(c({}, { partyOrg: undefined })).toEqual(['not_found:partyOrgId']);
    expect(c({}, { communityId: 'B' })).toEqual(['not_found:partyOrgId']);
    expect(c({ idNumber: idNumberFor('1990-01-01', 3), gender: 'female' })).toEqual(['gender_mismatch:gender']);
    expect(c({ idNumber: '110101199001010000' })).toEqual(['id_number_invalid:idNumber']);
    expect(c({ reporting: 'employed', employer: '单位' })).toEqual(['validation_failed:reportedOn']);
    expect(c({ joinedOn: '2027-01-01', phone: '12345' })).toEqual(['validation_failed:phone', 'validation_failed:joinedOn']);
    expect(c({ residentId: 'R' }, { resident: { id: 'R', community_id: 'B', name: 'x', gender: null, id_number_index: null } })).toEqual(['not_found:residentId']);
  });
});

import { partyLevels, TERM_YEARS, termKinds, type OrganisationKind, type PartyLevel } from '@gongzhi/shared';
import { addYears, invalid, type Problem } from './problems.js';

/** An organisation as the API or an import row describes it, references already resolved to ids. */
export interface OrganisationDraft {
  communityId: string;
  kind: OrganisationKind;
  name: string;
  partyLevel: PartyLevel | null;
  parentId: string | null;
  placeId: string | null;
  creditCode: string | null;
  contactName: string | null;
  /** Plain text here; encrypted when stored. */
  contactPhone: string | null;
  address: string | null;
  termStartOn: string | null;
  termEndOn: string | null;
  dualReportingOn: string | null;
  note: string | null;
}

/** What the rules need to know about the rows a draft points at; `undefined` means "no such row". */
export interface OrganisationRefs {
  /** The organisation being changed (null when creating), so it cannot become its own parent. */
  selfId: string | null;
  parent?: { id: string; kind: string; party_level: string | null; community_id: string; retired_at: string | null };
  place?: { id: string; kind: string; community_id: string | null; retired_at: string | null };
  /** Levels of the active party organisations directly under the one being changed. */
  childLevels: PartyLevel[];
}

/** Property companies and owners' committees work at an estate, or across the whole community. */
const estateKinds: readonly OrganisationKind[] = ['property_company', 'owners_committee'];

const levelRank = (level: string | null | undefined) => partyLevels.indexOf(level as PartyLevel);

/**
 * Check an organisation draft against the rules of its kind and fill in what follows from them (an elected
 * committee's term ends five years after it starts unless told otherwise). Pure: the caller loads the
 * referenced rows and checks name uniqueness, so the API and the Excel import share exactly these rules.
 */
export function checkOrganisation(input: OrganisationDraft, refs: OrganisationRefs, today: string): { draft: OrganisationDraft; problems: Problem[] } {
  const draft = { ...input };
  const problems: Problem[] = [];

  if (draft.kind === 'party_org') {
    if (!draft.partyLevel) problems.push(invalid('partyLevel', 'a party organisation needs its level'));
    if (draft.parentId) {
      const parent = refs.parent;
      if (!parent || parent.community_id !== draft.communityId || parent.kind !== 'party_org' || parent.id === refs.selfId) {
        problems.push({ code: 'invalid_party_parent', status: 400, field: 'parentId' });
      } else if (parent.retired_at) {
        problems.push({ code: 'organisation_retired', status: 409, field: 'parentId' });
      } else if (draft.partyLevel && levelRank(parent.party_level) >= levelRank(draft.partyLevel)) {
        // A branch may sit under a general branch or straight under a committee, never the other way round.
        problems.push({ code: 'invalid_party_parent', status: 400, field: 'partyLevel' });
      }
    }
    if (draft.partyLevel && refs.childLevels.some((l) => levelRank(l) <= levelRank(draft.partyLevel))) {
      problems.push({ code: 'invalid_party_parent', status: 400, field: 'partyLevel' });
    }
  } else {
    if (draft.partyLevel) problems.push(invalid('partyLevel', 'only party organisations have a level'));
    if (draft.parentId) problems.push(invalid('parentId', 'only party organisations sit under a parent'));
  }

  if (draft.dualReportingOn) {
    if (draft.kind !== 'stationed_unit') problems.push(invalid('dualReportingOn', 'only stationed units report to the community'));
    else if (draft.dualReportingOn > today) problems.push(invalid('dualReportingOn', 'cannot be in the future'));
  }

  if (draft.placeId) {
    const place = refs.place;
    const fits = estateKinds.includes(draft.kind) ? place?.kind === 'estate' || place?.kind === 'community' : true;
    if (!place || place.community_id !== draft.communityId || place.retired_at || !fits) {
      problems.push({ code: 'organisation_place_invalid', status: 400, field: 'placeId' });
    }
  }

  problems.push(...checkTerm(draft));
  return { draft, problems };
}

/** Terms: an end needs a start and comes after it; elected committees serve at most five years (the default). */
function checkTerm(draft: OrganisationDraft): Problem[] {
  const elected = termKinds.includes(draft.kind);
  if (!draft.termStartOn) return draft.termEndOn ? [invalid('termStartOn', 'a term with an end needs a start')] : [];
  if (!draft.termEndOn && elected) draft.termEndOn = addYears(draft.termStartOn, TERM_YEARS);
  if (!draft.termEndOn) return [];
  if (draft.termEndOn <= draft.termStartOn) return [{ code: 'term_dates_invalid', status: 400, field: 'termEndOn' }];
  if (elected && draft.termEndOn > addYears(draft.termStartOn, TERM_YEARS)) return [{ code: 'term_too_long', status: 400, field: 'termEndOn' }];
  return [];
}

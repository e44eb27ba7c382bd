import { electionPhases, type ElectionPhase, type ElectionSummary, type VoterBasis, type VoterView, type VotingUnit } from '@gongzhi/shared';
import type { ElectionVotersTable } from '../../db/election-tables.js';
import type { ElectionRow } from './elections.repository.js';

/** Presenters: rows to API shapes. */

export function summaryOf(e: ElectionRow): ElectionSummary {
  return {
    id: e.id,
    communityId: e.community_id,
    communityName: e.community_name,
    title: e.title,
    votingUnit: e.voting_unit as VotingUnit,
    electionDay: e.election_day,
    votingOpensAt: e.voting_opens_at,
    votingClosesAt: e.voting_closes_at,
    noticeDays: e.notice_days,
    seats: { chair: e.seats_chair, vice_chair: e.seats_vice_chair, member: e.seats_member },
    phase: e.phase as ElectionPhase,
    listPublishedOn: e.list_published_on,
    resultPublishedAt: e.result_published_at,
    furtherRoundNeeded: e.further_round_needed === 1,
  };
}

export const nextPhaseOf = (phase: string): ElectionPhase | null => electionPhases[electionPhases.indexOf(phase as ElectionPhase) + 1] ?? null;
/** Whether the election has reached `phase` (or gone past it). */
export const reached = (e: { phase: string }, phase: ElectionPhase): boolean => electionPhases.indexOf(e.phase as ElectionPhase) >= electionPhases.indexOf(phase);

/** The voting unit of a voter: their household in household mode (when they have one), else themselves. */
export const unitKeyOf = (e: { voting_unit: string }, v: Pick<ElectionVotersTable, 'id' | 'household_id'>): string =>
  e.voting_unit === 'household' && v.household_id ? `h:${v.household_id}` : `v:${v.id}`;

/** The name of the building a path lies in, from the community's buildings. */
export function buildingNamer(buildings: { path: string; name: string }[]): (path: string | null) => string | null {
  return (path) => (path ? (buildings.find((b) => path.startsWith(b.path))?.name ?? null) : null);
}

export function voterViewOf(v: ElectionVotersTable, building: string | null, voted: boolean): VoterView {
  return {
    id: v.id,
    name: v.name,
    residentId: v.resident_id,
    householdId: v.household_id,
    buildingName: building,
    representative: v.is_representative === 1,
    basis: v.basis as VoterBasis,
    basisNote: v.basis_note,
    removedAt: v.removed_at,
    removedReason: v.removed_reason,
    voted,
  };
}

/** Tables of migration 0022 (elections of a residents' committee). */

export interface ElectionsTable {
  id: string;
  community_id: string;
  title: string;
  voting_unit: string;
  election_day: string;
  voting_opens_at: string;
  voting_closes_at: string;
  notice_days: number;
  seats_chair: number;
  seats_vice_chair: number;
  seats_member: number;
  phase: string;
  list_published_on: string | null;
  tally_json: string | null;
  result_published_at: string | null;
  further_round_needed: number;
  organisation_id: string | null;
  terms_recorded_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ElectionCommitteeMembersTable {
  id: string;
  election_id: string;
  name: string;
  resident_id: string | null;
  is_chair: number;
  position: number;
}

export interface ElectionTellersTable {
  election_id: string;
  user_id: string;
}

export interface ElectionVotersTable {
  id: string;
  election_id: string;
  person_key: string;
  resident_id: string | null;
  user_id: string | null;
  name: string;
  birth_date: string | null;
  household_id: string | null;
  place_path: string | null;
  is_representative: number;
  basis: string;
  basis_note: string | null;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
  created_by: string;
  created_at: string;
}

export interface ElectionObjectionsTable {
  id: string;
  election_id: string;
  kind: string;
  filed_by: string;
  filer_name: string;
  subject_name: string;
  subject_resident_id: string | null;
  subject_voter_id: string | null;
  reason: string;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface ElectionCandidatesTable {
  id: string;
  election_id: string;
  post: string;
  voter_id: string;
  name: string;
  statement: string;
  created_at: string;
}

export interface ElectionProxiesTable {
  id: string;
  election_id: string;
  grantor_voter_id: string;
  holder_voter_id: string;
  reference: string;
  recorded_by: string;
  created_at: string;
}

/** Who voted; never what. */
export interface ElectionRollTable {
  election_id: string;
  unit_key: string;
  voter_id: string;
  channel: string;
  by_proxy: number;
  voted_on: string;
}

/** What was voted; never who. */
export interface ElectionBallotsTable {
  id: string;
  election_id: string;
  valid: number;
  marks: string;
}

export interface ElectionPaperBatchesTable {
  id: string;
  election_id: string;
  label: string;
  ballot_count: number;
  entered: number;
  teller_id: string;
  created_at: string;
}

export interface ElectionTables {
  elections: ElectionsTable;
  election_committee_members: ElectionCommitteeMembersTable;
  election_tellers: ElectionTellersTable;
  election_voters: ElectionVotersTable;
  election_objections: ElectionObjectionsTable;
  election_candidates: ElectionCandidatesTable;
  election_proxies: ElectionProxiesTable;
  election_roll: ElectionRollTable;
  election_ballots: ElectionBallotsTable;
  election_paper_batches: ElectionPaperBatchesTable;
}

/** The residents' covenant (migration 0018). Column meanings are documented in the migration. */
export interface CovenantsTable {
  id: string;
  community_id: string;
  title: string;
  phase: string;
  current_version_id: string | null;
  adopted_version_id: string | null;
  filed_on: string | null;
  filing_reference: string | null;
  filed_by: string | null;
  published_at: string | null;
  published_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CovenantPhasesTable {
  covenant_id: string;
  phase: string;
  planned_start_on: string | null;
  planned_end_on: string | null;
  started_at: string | null;
  ended_at: string | null;
  permissions: string;
}

export interface CovenantOpinionsTable {
  id: string;
  covenant_id: string;
  author_user_id: string | null;
  resident_id: string | null;
  organisation_id: string | null;
  author_name: string;
  text: string;
  channel: string;
  handling: string | null;
  handling_reason: string | null;
  handled_by: string | null;
  handled_at: string | null;
  created_at: string;
}

export interface CovenantVersionsTable {
  id: string;
  covenant_id: string;
  number: number;
  kind: string;
  markdown: string;
  changelog: string | null;
  created_by: string;
  created_at: string;
}

export interface CovenantArticlesTable {
  id: string;
  covenant_id: string;
  version_id: string;
  position: number;
  chapter_number: number | null;
  chapter_title: string | null;
  number: number;
  body: string;
}

export interface CovenantCommentsTable {
  id: string;
  covenant_id: string;
  version_id: string;
  article_id: string | null;
  author_user_id: string;
  resident_id: string | null;
  household_id: string | null;
  organisation_id: string | null;
  author_name: string;
  text: string;
  handling: string | null;
  handling_reason: string | null;
  handled_in_version_id: string | null;
  handled_by: string | null;
  handled_at: string | null;
  created_at: string;
}

export interface CovenantStancesTable {
  article_id: string;
  user_id: string;
  covenant_id: string;
  version_id: string;
  stance: string;
  updated_at: string;
}

export interface CovenantQuestionsTable {
  id: string;
  covenant_id: string;
  version_id: string;
  article_id: string | null;
  text: string;
  options: string;
  multiple: number;
  created_by: string;
  created_at: string;
}

export interface CovenantAnswersTable {
  question_id: string;
  user_id: string;
  option_index: number;
  answered_at: string;
}

export interface CovenantReviewsTable {
  id: string;
  covenant_id: string;
  version_id: string;
  decision: string;
  notes: string | null;
  reviewer_user_id: string;
  created_at: string;
}

export interface CovenantVotesTable {
  id: string;
  covenant_id: string;
  version_id: string;
  meeting_id: string;
  motion_id: string;
  meeting_kind: string;
  result: string;
  eligible: number;
  present: number;
  women_present: number;
  for_count: number;
  against_count: number;
  abstain_count: number;
  decided_at: string;
}

export interface CovenantPledgesTable {
  id: string;
  covenant_id: string;
  household_id: string;
  place_path: string;
  method: string;
  signer_resident_id: string | null;
  signer_name: string;
  signed_on: string;
  recorded_by: string;
  photo_file_id: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface CovenantNominationsTable {
  id: string;
  covenant_id: string;
  household_id: string;
  reason: string;
  nominated_by: string;
  event_id: string;
  created_at: string;
}

export interface CovenantTables {
  covenants: CovenantsTable;
  covenant_phases: CovenantPhasesTable;
  covenant_opinions: CovenantOpinionsTable;
  covenant_versions: CovenantVersionsTable;
  covenant_articles: CovenantArticlesTable;
  covenant_comments: CovenantCommentsTable;
  covenant_stances: CovenantStancesTable;
  covenant_questions: CovenantQuestionsTable;
  covenant_answers: CovenantAnswersTable;
  covenant_reviews: CovenantReviewsTable;
  covenant_votes: CovenantVotesTable;
  covenant_pledges: CovenantPledgesTable;
  covenant_nominations: CovenantNominationsTable;
}

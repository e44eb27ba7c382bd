/** Tables of the democratic review (migration 0023). */
export interface ReviewRoundsTable {
  id: string;
  community_id: string;
  community_path: string;
  title: string;
  period: string;
  opens_at: string;
  closes_at: string;
  /** ReviewStatus: draft → open → closed → published. */
  status: string;
  /** 1 when staff chose to publish the (masked) comments with the results. */
  publish_comments: number;
  /** Current representatives counted when the round closed; live while it is open. */
  representatives: number | null;
  closed_at: string | null;
  closed_by: string | null;
  published_at: string | null;
  published_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ReviewSubjectsTable {
  id: string;
  round_id: string;
  /** member | service */
  kind: string;
  position: number;
  name: string;
  /** A member's post (membership role); null for a service. */
  post: string | null;
  /** The member's resident record, which matches them across rounds; else name + post does. */
  resident_id: string | null;
  membership_id: string | null;
}

/** Who returned a form (one per representative post and round); nothing here points at a rating. */
export interface ReviewRollTable {
  round_id: string;
  representative_id: string;
  /** online | paper */
  channel: string;
  recorded_by: string;
  returned_at: string;
}

/** One rating of a subject on one form: a random id and no rater, as on a secret ballot. */
export interface ReviewRatingsTable {
  id: string;
  round_id: string;
  subject_id: string;
  level: string;
  comment: string | null;
}

export interface ReviewTables {
  review_rounds: ReviewRoundsTable;
  review_subjects: ReviewSubjectsTable;
  review_roll: ReviewRollTable;
  review_ratings: ReviewRatingsTable;
}

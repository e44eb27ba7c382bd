/** Tables of the deliberation meetings module (migration 0016). */
export interface DeliberationMeetingsTable {
  id: string;
  community_id: string;
  kind: string;
  title: string;
  starts_at: string;
  location: string;
  chair_name: string;
  recorder_name: string | null;
  basis: string;
  status: string;
  quorum_num: number;
  quorum_den: number;
  majority_num: number;
  majority_den: number;
  speech_minutes: number;
  speech_turns: number;
  sign_in_token: string;
  minutes_summary: string | null;
  minutes_decisions: string | null;
  notified_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DeliberationMeetingAgendaTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  subject_kind: string | null;
  subject_id: string | null;
}

export interface DeliberationMeetingInviteesTable {
  id: string;
  meeting_id: string;
  source: string;
  resident_id: string | null;
  household_id: string | null;
  membership_id: string | null;
  organisation_id: string | null;
  user_id: string | null;
  name: string;
  gender: string | null;
  unit: string | null;
  eligible: number;
  signed_in_at: string | null;
  sign_in_method: string | null;
  signed_in_by: string | null;
  proxy_name: string | null;
  proxy_gender: string | null;
  created_at: string;
}

export interface DeliberationSpeechesTable {
  id: string;
  meeting_id: string;
  invitee_id: string | null;
  speaker_name: string;
  speaker_key: string;
  status: string;
  queued_at: string;
  started_at: string | null;
  ended_at: string | null;
}

export interface DeliberationMotionsTable {
  id: string;
  meeting_id: string;
  position: number;
  text: string;
  ballot: string;
  subject_kind: string | null;
  subject_id: string | null;
  subject_title: string | null;
  status: string;
  result: string | null;
  eligible: number | null;
  present: number | null;
  women_present: number | null;
  for_count: number | null;
  against_count: number | null;
  abstain_count: number | null;
  tabled_at: string;
  decided_at: string | null;
}

export interface DeliberationMotionVotesTable {
  id: string;
  motion_id: string;
  invitee_id: string;
  choice: string;
  recorded_at: string;
}

export interface MeetingRulesTable {
  id: string;
  community_id: string;
  kind: string;
  quorum_num: number;
  quorum_den: number;
  majority_num: number;
  majority_den: number;
  updated_by: string | null;
  updated_at: string;
}

export interface MeetingTables {
  deliberation_meetings: DeliberationMeetingsTable;
  deliberation_meeting_agenda: DeliberationMeetingAgendaTable;
  deliberation_meeting_invitees: DeliberationMeetingInviteesTable;
  deliberation_speeches: DeliberationSpeechesTable;
  deliberation_motions: DeliberationMotionsTable;
  deliberation_motion_votes: DeliberationMotionVotesTable;
  meeting_rules: MeetingRulesTable;
}

/** Tables of the topic module (migration 0017). */
export interface TopicsTable {
  id: string;
  community_id: string;
  community_path: string;
  place_id: string | null;
  title: string;
  description: string;
  status: string;
  phase: string;
  permissions: string;
  proposer_user_id: string;
  proposer_name: string;
  proposer_kind: string;
  proposer_organisation_id: string | null;
  consultation_ends_at: string | null;
  decline_reason: string | null;
  decision_result: string | null;
  decision_text: string | null;
  decision_meeting_id: string | null;
  decision_motion_id: string | null;
  decision_meeting_ref: string | null;
  decision_for: number | null;
  decision_against: number | null;
  decision_abstain: number | null;
  decision_present: number | null;
  decided_at: string | null;
  report_back: string | null;
  report_back_published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TopicRequestsTable {
  topic_id: string;
  request_id: string;
}

export interface TopicCommentsTable {
  id: string;
  topic_id: string;
  phase: string;
  kind: string;
  side: string | null;
  author_user_id: string;
  author_name: string;
  text: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface TopicTasksTable {
  id: string;
  topic_id: string;
  title: string;
  owner_kind: string;
  owner_user_id: string | null;
  owner_organisation_id: string | null;
  owner_name: string;
  due_on: string;
  done_at: string | null;
  done_note: string | null;
  done_by: string | null;
  created_by: string;
  created_at: string;
}

export interface TopicEventsTable {
  id: string;
  topic_id: string;
  kind: string;
  actor_user_id: string | null;
  actor_name: string | null;
  note: string | null;
  data: string;
  at: string;
}

export interface TopicTables {
  topics: TopicsTable;
  topic_requests: TopicRequestsTable;
  topic_comments: TopicCommentsTable;
  topic_tasks: TopicTasksTable;
  topic_events: TopicEventsTable;
}

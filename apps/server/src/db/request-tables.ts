import type { Selectable } from 'kysely';

/** Table types of migrations 0007–0009 (requests, visits, notifications); merged into `Database`. */

export interface FilesTable {
  id: string;
  community_id: string | null;
  owner_kind: string | null;
  owner_id: string | null;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: string | null;
  created_at: string;
  attached_at: string | null;
}

export interface RequestCategoriesTable {
  id: string;
  community_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  description: string | null;
  urgency: string;
  sort_order: number;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoutingRulesTable {
  id: string;
  community_id: string;
  category_id: string;
  place_id: string | null;
  place_path: string | null;
  assignee_kind: string;
  user_id: string | null;
  organisation_id: string | null;
  created_by: string;
  created_at: string;
}

export interface RequestSettingsTable {
  community_id: string;
  settings_json: string;
  updated_by: string;
  updated_at: string;
}

export interface RequestCountersTable {
  key: string;
  last: number;
}

export interface RequestsTable {
  id: string;
  number: string;
  community_id: string;
  place_id: string | null;
  place_path: string;
  grid_id: string | null;
  household_id: string | null;
  resident_id: string | null;
  submitted_by: string | null;
  entered_by: string | null;
  contact_name: string | null;
  phone_cipher: string | null;
  phone_index: string | null;
  phone_tail: string | null;
  kind: string;
  channel: string;
  urgency: string;
  title: string;
  text: string;
  tokens: string;
  anonymous: number;
  address_text: string | null;
  lat: number | null;
  lng: number | null;
  category_id: string | null;
  category_confidence: number | null;
  category_source: string | null;
  model_id: string | null;
  status: string;
  merged_into_id: string | null;
  self_resolved: number;
  dispatch_due_at: string;
  reply_due_at: string;
  dispatched_at: string | null;
  responded_at: string | null;
  replied_at: string | null;
  rated_at: string | null;
  closed_at: string | null;
  reply_text: string | null;
  rating: string | null;
  resolved: number | null;
  rating_comment: string | null;
  objection_count: number;
  escalation_level: number;
  reminded_at: string | null;
  open311_client_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * SQLite only (FTS5, migration 0011), written by a trigger on requests: the community without hyphens, one token.
 * PostgreSQL searches `requests.search_vector` instead, a generated column left out of RequestsTable (nobody
 * writes it, and views must not carry it).
 */
export interface RequestSearchTable {
  request_id: string;
  community: string;
  tokens: string;
}

export interface RequestAssignmentsTable {
  id: string;
  request_id: string;
  community_id: string;
  assignee_kind: string;
  user_id: string | null;
  organisation_id: string | null;
  is_lead: number;
  status: string;
  assigned_by: string;
  assigned_at: string;
  accepted_at: string | null;
  finished_at: string | null;
  note: string | null;
}

export interface RequestStepsTable {
  id: string;
  request_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_user_id: string | null;
  actor_name: string;
  on_behalf_of: string | null;
  message: string | null;
  data_json: string | null;
  public: number;
  created_at: string;
}

export interface RequestCallbacksTable {
  id: string;
  request_id: string;
  community_id: string;
  assigned_user_id: string | null;
  status: string;
  due_at: string;
  note: string | null;
  done_by: string | null;
  done_at: string | null;
  created_at: string;
}

export interface ClassifierModelsTable {
  id: string;
  community_id: string;
  example_count: number;
  labels_json: string;
  metrics_json: string | null;
  model: string;
  active: number;
  created_by: string | null;
  created_at: string;
}

/** Migration 0013: a classifier retraining run in the background (see modules/triage/retrain-runner.ts). */
export interface ClassifierJobsTable {
  id: string;
  community_id: string;
  status: string;
  phase: string | null;
  fold: number | null;
  folds: number | null;
  example_count: number | null;
  model_id: string | null;
  error_code: string | null;
  error_details: string | null;
  created_by: string | null;
  request_id: string | null;
  created_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface ProactiveCasesTable {
  id: string;
  community_id: string;
  title: string;
  category_id: string | null;
  place_id: string | null;
  place_path: string;
  status: string;
  owner_user_id: string | null;
  plan: string | null;
  outcome: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProactiveCaseRequestsTable {
  case_id: string;
  request_id: string;
}

export interface VisitPlansTable {
  id: string;
  community_id: string;
  title: string;
  target_kind: string;
  starts_on: string;
  ends_on: string;
  assignee_user_id: string | null;
  note: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VisitPlanTargetsTable {
  id: string;
  plan_id: string;
  place_id: string | null;
  household_id: string | null;
  organisation_id: string | null;
  place_path: string;
  visited_at: string | null;
  visit_id: string | null;
}

export interface VisitsTable {
  id: string;
  community_id: string;
  plan_id: string | null;
  visitor_user_id: string;
  visited_at: string;
  place_id: string | null;
  place_path: string;
  household_id: string | null;
  organisation_id: string | null;
  people_met: string | null;
  summary: string | null;
  created_at: string;
  updated_at: string;
}

export interface VisitItemsTable {
  id: string;
  visit_id: string;
  text: string;
  request_id: string | null;
  created_at: string;
}

export interface ConsultationMeetingsTable {
  id: string;
  community_id: string;
  kind: string;
  title: string;
  held_at: string;
  place_id: string | null;
  place_path: string;
  location: string | null;
  host_user_id: string | null;
  summary: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendeesTable {
  id: string;
  meeting_id: string;
  resident_id: string | null;
  organisation_id: string | null;
  name: string;
  unit: string | null;
}

export interface MeetingOpinionsTable {
  id: string;
  meeting_id: string;
  speaker_name: string | null;
  resident_id: string | null;
  text: string;
  request_id: string | null;
  created_at: string;
}

export interface NotificationEndpointsTable {
  id: string;
  community_id: string;
  kind: string;
  name: string;
  target_cipher: string;
  secret_cipher: string | null;
  events_json: string;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface NotificationsTable {
  id: string;
  community_id: string | null;
  recipient_user_id: string | null;
  endpoint_id: string | null;
  channel: string;
  event: string;
  /** The zh-CN words; what is shown for a row without a template (written before templates existed). */
  subject: string;
  body: string;
  /** The template key and its parameters (JSON); rendered in the reader's language. */
  template: string | null;
  params_json: string | null;
  link: string | null;
  dedupe_key: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  read_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  email_cipher: string | null;
  email_enabled: number;
  updated_at: string;
}

export interface Open311ClientsTable {
  id: string;
  community_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RequestTables {
  files: FilesTable;
  request_categories: RequestCategoriesTable;
  routing_rules: RoutingRulesTable;
  request_settings: RequestSettingsTable;
  request_counters: RequestCountersTable;
  requests: RequestsTable;
  request_search: RequestSearchTable;
  request_assignments: RequestAssignmentsTable;
  request_steps: RequestStepsTable;
  request_callbacks: RequestCallbacksTable;
  classifier_models: ClassifierModelsTable;
  classifier_jobs: ClassifierJobsTable;
  proactive_cases: ProactiveCasesTable;
  proactive_case_requests: ProactiveCaseRequestsTable;
  visit_plans: VisitPlansTable;
  visit_plan_targets: VisitPlanTargetsTable;
  visits: VisitsTable;
  visit_items: VisitItemsTable;
  consultation_meetings: ConsultationMeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_opinions: MeetingOpinionsTable;
  notification_endpoints: NotificationEndpointsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  open311_clients: Open311ClientsTable;
}

export type RequestRow = Selectable<RequestsTable>;
export type RequestCategoryRow = Selectable<RequestCategoriesTable>;
export type RequestAssignmentRow = Selectable<RequestAssignmentsTable>;
export type RequestStepRow = Selectable<RequestStepsTable>;
export type VisitRow = Selectable<VisitsTable>;
export type NotificationRow = Selectable<NotificationsTable>;

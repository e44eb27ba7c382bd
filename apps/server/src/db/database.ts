import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CovenantTables } from './covenant-tables.js';
import type { EventTables } from './event-tables.js';
import type { MeetingTables } from './meeting-tables.js';
import type { RequestTables } from './request-tables.js';
import type { TopicTables } from './topic-tables.js';
import type { DisclosureTables } from './disclosure-tables.js';
import type { LedgerTables } from './ledger-tables.js';
import type { FeeBoardTables } from './fee-board-tables.js';
import type { ElectionTables } from './election-tables.js';
import type { ReviewTables } from './review-tables.js';

/** Times are ISO 8601 UTC text on both dialects (portable and sortable); booleans are 0/1 integers. */
export interface PlacesTable {
  id: string;
  kind: string;
  name: string;
  parent_id: string | null;
  /** The community a place belongs to (itself for a community; null above). */
  community_id: string | null;
  /** Materialised path of ids, `/root/…/self/`: a subtree is `path LIKE prefix%`. */
  path: string;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlaceHistoryTable {
  id: string;
  place_id: string;
  change: string;
  from_value: string | null;
  to_value: string | null;
  actor_user_id: string | null;
  at: string;
}

export interface UsersTable {
  id: string;
  display_name: string;
  username: string | null;
  /** AES-256-GCM ciphertext of the phone number; `phone_index` is its HMAC blind index for lookup. */
  phone_cipher: string | null;
  phone_index: string | null;
  password_hash: string | null;
  status: string;
  elder_mode: number;
  locale: string;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  place_id: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  on_behalf_of_user_id: string | null;
  on_behalf_reason: string | null;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginThrottleTable {
  /** HMAC of the normalised account identifier, whether or not such an account exists. */
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface ClaimCodesTable {
  id: string;
  user_id: string;
  code_index: string;
  expires_at: string;
  used_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  on_behalf_of_user_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  community_id: string | null;
  /** Path of the place the target belongs to, so audit visibility uses the same scoping as everything else. */
  scope_path: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface HouseholdsTable {
  id: string;
  community_id: string;
  dwelling_id: string;
  /** The dwelling's path, copied so scope filters need no join; rewritten when places move. */
  place_path: string;
  householder_id: string | null;
  status: string;
  moved_in_on: string | null;
  moved_out_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentsTable {
  id: string;
  community_id: string;
  household_id: string | null;
  relation: string | null;
  /** The household's dwelling path, or the community's path for someone without a household. */
  place_path: string;
  name: string;
  gender: string | null;
  birth_date: string | null;
  id_number_cipher: string | null;
  id_number_index: string | null;
  phone_cipher: string | null;
  phone_index: string | null;
  phone_tail: string | null;
  ethnicity: string | null;
  residency_status: string;
  registered_address: string | null;
  /** living | moved_out | deceased */
  status: string;
  moved_in_on: string | null;
  moved_out_on: string | null;
  deceased_on: string | null;
  user_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConsentsTable {
  id: string;
  resident_id: string;
  purpose: string;
  basis: string;
  detail: string;
  recorded_by: string | null;
  recorded_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface ResidentTagsTable {
  resident_id: string;
  tag: string;
  consent_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ResidenceHistoryTable {
  id: string;
  resident_id: string | null;
  household_id: string | null;
  event: string;
  from_place_id: string | null;
  to_place_id: string | null;
  from_household_id: string | null;
  to_household_id: string | null;
  on_date: string | null;
  note: string | null;
  actor_user_id: string | null;
  at: string;
}

export interface CorrectionRequestsTable {
  id: string;
  resident_id: string;
  community_id: string;
  place_path: string;
  requested_by: string;
  field: string;
  message: string;
  status: string;
  response: string | null;
  handled_by: string | null;
  handled_at: string | null;
  created_at: string;
}

export interface OrganisationsTable {
  id: string;
  community_id: string;
  kind: string;
  party_level: string | null;
  parent_id: string | null;
  name: string;
  place_id: string | null;
  credit_code: string | null;
  contact_name: string | null;
  contact_phone_cipher: string | null;
  address: string | null;
  term_start_on: string | null;
  term_end_on: string | null;
  dual_reporting_on: string | null;
  note: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  community_id: string;
  organisation_id: string | null;
  resident_id: string | null;
  user_id: string | null;
  person_name: string;
  person_unit: string | null;
  role: string;
  place_id: string | null;
  role_assignment_id: string | null;
  start_on: string | null;
  end_on: string | null;
  ended_at: string | null;
  created_at: string;
}

export interface PartyMembersTable {
  id: string;
  community_id: string;
  party_org_id: string;
  resident_id: string | null;
  name: string;
  gender: string | null;
  id_number_cipher: string | null;
  id_number_index: string | null;
  phone_cipher: string | null;
  phone_index: string | null;
  phone_tail: string | null;
  joined_on: string | null;
  category: string;
  reporting: string;
  employer: string | null;
  reported_on: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ImportJobsTable {
  id: string;
  community_id: string;
  kind: string;
  status: string;
  file_name: string;
  total_rows: number;
  processed_rows: number;
  created_rows: number;
  updated_rows: number;
  unchanged_rows: number;
  error_rows: number;
  errors_json: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface KeyStateTable {
  id: number;
  fingerprint: string;
  rotated_at: string | null;
}

export interface Database
  extends RequestTables,
    EventTables,
    MeetingTables,
    TopicTables,
    CovenantTables,
    DisclosureTables,
    LedgerTables,
    FeeBoardTables,
    ElectionTables,
    ReviewTables {
  places: PlacesTable;
  place_history: PlaceHistoryTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  claim_codes: ClaimCodesTable;
  audit_log: AuditLogTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  consents: ConsentsTable;
  resident_tags: ResidentTagsTable;
  residence_history: ResidenceHistoryTable;
  correction_requests: CorrectionRequestsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  party_members: PartyMembersTable;
  import_jobs: ImportJobsTable;
  key_state: KeyStateTable;
}

/** Either the database or an open transaction: repositories accept both. */
export type Db = Kysely<Database> | Transaction<Database>;
export type PlaceRow = Selectable<PlacesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type { Generated };
export type HouseholdRow = Selectable<HouseholdsTable>;
export type ResidentRow = Selectable<ResidentsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type PartyMemberRow = Selectable<PartyMembersTable>;
export type ImportJobRow = Selectable<ImportJobsTable>;
export type * from './request-tables.js';

import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

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

export interface Database {
  places: PlacesTable;
  place_history: PlaceHistoryTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  claim_codes: ClaimCodesTable;
  audit_log: AuditLogTable;
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

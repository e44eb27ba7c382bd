import type { RequestsTable } from '../db/database.js';

/** What every request row needs; the rest of a test row defaults to a fresh, unhandled request. */
type RequestEssentials = Pick<RequestsTable, 'id' | 'number' | 'community_id' | 'place_path' | 'title' | 'text' | 'tokens' | 'created_at'>;

/**
 * A whole `requests` row for tests that write the table directly (lists, limits, figures), so each suite names
 * only the columns it is about.
 */
export function requestRow(base: RequestEssentials, extra: Partial<RequestsTable> = {}): RequestsTable {
  return {
    place_id: null,
    grid_id: null,
    household_id: null,
    resident_id: null,
    submitted_by: null,
    entered_by: null,
    contact_name: null,
    phone_cipher: null,
    phone_index: null,
    phone_tail: null,
    kind: 'help',
    channel: 'app',
    urgency: 'general',
    anonymous: 0,
    address_text: null,
    lat: null,
    lng: null,
    category_id: null,
    category_confidence: null,
    category_source: null,
    model_id: null,
    status: 'received',
    merged_into_id: null,
    self_resolved: 0,
    dispatch_due_at: base.created_at,
    reply_due_at: base.created_at,
    dispatched_at: null,
    responded_at: null,
    replied_at: null,
    rated_at: null,
    closed_at: null,
    reply_text: null,
    rating: null,
    resolved: null,
    rating_comment: null,
    objection_count: 0,
    escalation_level: 0,
    reminded_at: null,
    open311_client_id: null,
    updated_at: base.created_at,
    ...base,
    ...extra,
  };
}

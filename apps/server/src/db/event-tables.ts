/** Domain events and their consumers' cursors (migration 0015, lib/events.ts). */
export interface DomainEventsTable {
  id: string;
  type: string;
  community_id: string;
  subject_kind: string;
  subject_id: string;
  payload: string;
  actor_user_id: string | null;
  occurred_at: string;
}

export interface EventCursorsTable {
  consumer: string;
  last_event_id: string;
  updated_at: string;
}

export interface EventTables {
  domain_events: DomainEventsTable;
  event_cursors: EventCursorsTable;
}

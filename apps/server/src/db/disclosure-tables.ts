/** Tables of migration 0019 (issue 6): the disclosure catalogue and publications. Column meanings are in the migration. */
export interface DisclosureItemsTable {
  id: string;
  community_id: string;
  community_path: string;
  category: string;
  title: string;
  content: string;
  legal_basis: string;
  frequency: string;
  channels: string;
  owner_user_id: string | null;
  due_days: number;
  default_key: string | null;
  position: number;
  retired_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DisclosureRemindersTable {
  item_id: string;
  period: string;
  kind: string;
  sent_at: string;
}

export interface PublicationsTable {
  id: string;
  community_id: string;
  community_path: string;
  kind: string;
  category: string | null;
  title: string;
  body: string;
  item_id: string | null;
  period: string | null;
  channels: string;
  status: string;
  author_user_id: string;
  author_name: string;
  submitted_at: string | null;
  return_note: string | null;
  approved_by: string | null;
  approver_name: string | null;
  approved_at: string | null;
  published_at: string | null;
  published_by: string | null;
  archived_at: string | null;
  text_sha256: string | null;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  objection_days: number;
  objection_starts_at: string | null;
  objection_ends_at: string | null;
  notice_closed_at: string | null;
  notice_outcome: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublicationCommentsTable {
  id: string;
  publication_id: string;
  kind: string;
  author_user_id: string;
  author_name: string;
  text: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface DisclosureTables {
  disclosure_items: DisclosureItemsTable;
  disclosure_reminders: DisclosureRemindersTable;
  publications: PublicationsTable;
  publication_comments: PublicationCommentsTable;
}

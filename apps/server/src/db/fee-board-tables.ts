/** Tables of migration 0021 (issue 6): the monthly fee boards and their lines. */
export interface FeeBoardsTable {
  id: string;
  community_id: string;
  estate_id: string;
  estate_path: string;
  month: string;
  revision: number;
  /** FeeBoardStatus: draft | published | superseded */
  status: string;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  correction_reason: string | null;
  content_hash: string | null;
  published_at: string | null;
  published_by: string | null;
  published_by_name: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface FeeBoardLinesTable {
  board_id: string;
  position: number;
  item: string;
  label: string | null;
  collected_fen: number;
  spent_fen: number;
  quantity: string | null;
  unit: string | null;
  note: string | null;
}

export interface FeeBoardTables {
  fee_boards: FeeBoardsTable;
  fee_board_lines: FeeBoardLinesTable;
}

import type { Label, TransferKind } from '@gongzhi/shared';
import type { AppDeps } from '../../../deps.js';
import type { Database, PlaceRow } from '../../../db/database.js';
import type { RequestContext } from '../../../lib/actor.js';
import type { AuditInput } from '../../audit/audit.service.js';
import type { RowErrorCode } from '../row-messages.js';

/** A cell as read from the sheet (see xlsx/sheet-xml.ts): text, number, boolean, date, an Excel error, or blank. */
export type CellValue = string | number | boolean | Date | { error: string } | null;

/** How a column's cells are read and checked (see cells.ts). */
export type ColumnType =
  | 'text'
  | 'name'
  | 'date'
  /** A date that cannot lie in the future (birth, moved in, joined). */
  | 'past_date'
  | 'id_number'
  | 'phone'
  /** A mobile or a landline (organisation contacts). */
  | 'contact_phone'
  | 'enum'
  | 'tags'
  | 'credit_code';

export interface ColumnDef {
  /** Stable English name (camelCase), also accepted as a header. */
  key: string;
  /** The header the sheet shows. */
  zh: string;
  en: string;
  required?: boolean;
  type: ColumnType;
  /** Longest text accepted. */
  max?: number;
  /** Allowed values of an enum column, shown (and typed) by their Chinese label. */
  options?: readonly { value: string; label: Label }[];
  width?: number;
  /** One line for the instructions sheet and the header's note. */
  help: Label;
  /** The example row's value. */
  example?: string;
}

/** One problem in one cell; `column` is a column key, or null for the whole row. */
export interface RowError {
  row: number;
  column: string | null;
  code: RowErrorCode;
  params?: Record<string, string | number>;
}

/** A data row after every cell was read: values by column key (null when blank), and the cells that failed. */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
  errors: RowError[];
}

/** What one row asks of the database, applied in one transaction with the rest of its batch. */
export interface Writes {
  inserts: Partial<{ [T in InsertTable]: Record<string, unknown>[] }>;
  updates: { table: 'residents' | 'households' | 'party_members' | 'organisations'; id: string; patch: Record<string, unknown> }[];
  tagDeletes: { residentId: string; tag: string }[];
  /** The row's one audit entry. */
  audit: AuditInput;
}
export type InsertTable = Extract<
  keyof Database,
  'places' | 'place_history' | 'organisations' | 'households' | 'residents' | 'consents' | 'resident_tags' | 'residence_history' | 'party_members'
>;

export type Outcome = 'created' | 'updated' | 'unchanged' | 'error';

/** The verdict on one row: errors, or what importing it would do. */
export interface RowPlan {
  row: number;
  /** Rows are written in (order, row) order, so a row that others rely on (a householder, a parent) goes first. */
  order: number;
  outcome: Outcome;
  errors: RowError[];
  writes: Writes | null;
}

/** What a plan runs against: the community the file is for, one clock reading, and who is importing. */
export interface PlanContext {
  deps: AppDeps;
  ctx: RequestContext | null;
  community: PlaceRow;
  /** ISO time for created_at/updated_at. */
  now: string;
  /** YYYY-MM-DD, for "not in the future" and ages. */
  today: string;
}

/** What an export reads: the community, an optional place below it, and whether personal data is revealed. */
export interface ExportContext {
  deps: AppDeps;
  community: PlaceRow;
  place: PlaceRow;
  reveal: boolean;
}

/** One row of an export, by column key; every value already as the sheet shows it. */
export type ExportRow = Record<string, string | null>;

/** Everything the transfer module knows about one kind of register. */
export interface KindDefinition {
  kind: TransferKind;
  /** The data sheet's name. */
  sheet: Label;
  columns: ColumnDef[];
  /** Rules of this kind for the instructions sheet, in Chinese. */
  notes: string[];
  /** The columns whose values identify a record; duplicates in one file are reported on the first of them. */
  keyColumns: string[];
  /** The natural key of a row whose key cells were read without error; null when it has none. */
  naturalKey(values: Record<string, unknown>): string | null;
  /** Validate every row against the database (read in bulk) and decide what importing it does. */
  plan(pc: PlanContext, rows: ParsedRow[]): Promise<RowPlan[]>;
  /** The register in pages (about 1,000 rows), for a streamed export. */
  exportPages(ec: ExportContext): AsyncGenerator<ExportRow[]>;
}

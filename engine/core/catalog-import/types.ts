// Catalog import types shared by the row reader, the plan, the engine's import runner and the portal's reply views.
// A leaf: types and the column list only.
import type { Article } from '../../../schemas/entities.ts';

/** The columns of an import file, in the order docs/IMPORT.md lists them (a file may order them as it likes). */
export const IMPORT_COLUMNS = [
  'artNo',
  'name',
  'isoCode',
  'supplierId',
  'kind',
  'price',
  'status',
  'setParts',
  'accessories',
  'replacedBy',
  'supplierUrl',
  'manualUrl',
  'imageUrl',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One data row of the file: its line number (1 is the header) and its cells in IMPORT_COLUMNS order. */
export interface ImportRecord {
  line: number;
  cells: readonly string[];
  /** Set when the row cannot be read at all (a wrong number of fields): the row is an error with this text. */
  problem?: string;
}

export type ImportOutcome = 'new' | 'changed' | 'unchanged' | 'error';
export const IMPORT_OUTCOMES: readonly ImportOutcome[] = ['new', 'changed', 'unchanged', 'error'];

/** Why a line cannot be imported, in the order the plan checks. */
export type ImportErrorCode =
  | 'invalid_row'
  | 'bad_price'
  | 'duplicate_article'
  | 'unknown_supplier'
  | 'unknown_iso_code'
  | 'unknown_article'
  | 'replacement_cycle'
  | 'replacement_too_long';

/** A changed field as a person reads it: the field and its old and new values as text. */
export interface FieldChange {
  field: keyof Article;
  before: string;
  after: string;
}

export interface PlanLine {
  line: number;
  /** As written in the file (may be malformed on an error line). */
  artNo: string;
  name: string;
  outcome: ImportOutcome;
  /** `changed` lines: every field that differs. */
  changes?: FieldChange[];
  /** `error` lines. */
  error?: { code: ImportErrorCode; message: string };
}

export type OutcomeCounts = Record<ImportOutcome, number>;

export interface ImportPlan {
  lines: PlanLine[];
  counts: OutcomeCounts;
  /** The new and changed articles in batches, each referenced article in the same or an earlier batch. */
  batches: Article[][];
}

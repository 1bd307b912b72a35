/**
 * The per-file account of a metrics import (FileSummary): what was read and what became of it, its counts before
 * reading and after a refusal, and the refusal itself.
 */
import { REASONS, type Reason } from './reasons.ts';

/**
 * What happened to one file, checked by reconciles() (summary.ts): records = header + unit + blank + data rows,
 * data rows = rowsAccepted + rowsRejected, values = accepted + rejected (scope value). A refused file counts nothing.
 */
export interface FileSummary {
  file: string;
  encoding: string | null;
  form: 'long' | 'wide' | 'months' | 'counties' | null;
  /** CSV records read (lines, except that the line breaks of a quoted cell do not start a record) */
  records: number;
  /** title and note records above the header or among the rows (某县2021年电子商务统计月报, 单位：万元, 填报日期：…) */
  titleRows: number;
  /** the record naming the columns (1, or 0 when the file was refused) */
  headerRows: number;
  /** a record right under the header whose every non-empty cell is a unit (,,万元,万件) */
  unitRows: number;
  /** records whose every cell is empty or spaces */
  blankRows: number;
  /** totals rows (合计, 总计, 小计): sums of the rows, not a county's values */
  totalRows: number;
  /** data rows: the other records */
  rows: number;
  /** data rows whose every value was accepted, after duplicates (including rows without a value) */
  rowsAccepted: number;
  /** data rows with at least one value rejected, after duplicates */
  rowsRejected: number;
  /** data rows without a value (a wide row whose metric cells are all empty), counted among rowsAccepted */
  rowsWithoutValues: number;
  values: number;
  accepted: number;
  rejected: number;
  ignoredColumns: string[];
  /** the text of the title and note rows, as written */
  notes: string[];
  /** how its data rows were read: in DuckDB (fast.ts), or record by record in JavaScript (file.ts) */
  readBy?: 'duckdb' | 'javascript';
  /** what the file's own checks found (a 累计 column that is not the running sum of its months), as printed */
  checks?: string[];
  /** the same, as the rows of metrics_checks */
  cumulative?: CumulativeCheck[];
  error: string | null;
  errorReason?: Reason;
  /** the wording of the refusal in Chinese and English, when it names more than its reason (the cell at fault) */
  errorWording?: readonly [string, string];
}

/** A 累计 cell that is not the running sum of its 本月 column (metrics_checks). */
export interface CumulativeCheck {
  line: number;
  /** the 累计 column's header (快递业务量累计) */
  column: string;
  county_code: string | null;
  month: string;
  /** the 累计 cell, and what the 本月 cells of the county's year add up to by that month, in the file's unit */
  stated: number;
  computed: number;
  /** the row is marked synthetic (generated sample data), as its values are in metrics_monthly */
  synthetic: boolean;
}

/** The counts of a file before it is read, and of a refused one. */
export const NO_COUNTS = {
  records: 0,
  titleRows: 0,
  headerRows: 0,
  unitRows: 0,
  blankRows: 0,
  totalRows: 0,
  rows: 0,
  rowsAccepted: 0,
  rowsRejected: 0,
  rowsWithoutValues: 0,
  values: 0,
  accepted: 0,
  rejected: 0,
} as const;

/** The summary of a file about to be read: nothing counted, no error. */
export function newSummary(file: string): FileSummary {
  return { file, encoding: null, form: null, ...NO_COUNTS, ignoredColumns: [], notes: [], error: null };
}

/** Marks a file refused for `reason` (its message: the reason's English wording, then `detail`); returns the summary. */
export function refuse(summary: FileSummary, reason: Reason, detail: string): FileSummary {
  summary.error = `${REASONS[reason][1]}: ${detail}`;
  summary.errorReason = reason;
  return summary;
}

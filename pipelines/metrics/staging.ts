/**
 * The staging files of stage 1, one pair per input file: the values accepted so far and the values, columns and
 * files rejected with their reason. Stage 2 (publish.ts) reads them into DuckDB. They are written by papaparse, as
 * the published tables are (publish/tables.ts).
 */

import { closeSync, openSync, writeSync } from 'node:fs';
import Papa, { type UnparseConfig } from 'papaparse';
import type { FileSummary } from './accounting.ts';
import { REASONS, type Reason } from './reasons.ts';
import type { storedYears } from './sheet.ts';

/** The columns of an accepted-values staging file. */
export const ACCEPTED_COLUMNS = [
  'file',
  'line',
  'column',
  'county_code',
  'month',
  'metric',
  'value',
  'unit',
  'synthetic',
  'note',
  'raw_value',
  // the cell of a workbook value (Sheet1!C7), for its rejection as a duplicate; empty for a CSV file
  'cell',
] as const;

/** The columns of a rejections staging file. */
export const REJECTED_COLUMNS = [
  'file',
  'line',
  'column',
  'scope',
  'field',
  'raw_value',
  'reason',
  'reason_zh',
  'reason_en',
  'cell',
] as const;

/** A cell of a staging file: null is written as an empty cell without quotes. */
export type Cell = string | number | boolean | null;

// every text cell is quoted: DuckDB reads the files with allow_quoted_nulls = false, so that "" is empty text and
// only an unquoted empty cell (null, such as a row without a note) is null
const ROWS: UnparseConfig = { newline: '\n', quotes: (v) => typeof v === 'string' };
const HEADER: UnparseConfig = { newline: '\n', quotes: false };

/** Rows buffered before they are written. */
const BUFFERED_ROWS = 20_000;

/** A staging CSV being written: its header at once, then its rows in batches. */
export class StagingFile {
  private fd: number;
  private rows: Cell[][] = [];
  constructor(path: string, columns: readonly string[]) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, `${Papa.unparse([[...columns]], HEADER)}\n`);
  }
  push(cells: Cell[]) {
    this.rows.push(cells);
    if (this.rows.length >= BUFFERED_ROWS) this.flush();
  }
  flush() {
    if (this.rows.length) writeSync(this.fd, `${Papa.unparse(this.rows, ROWS)}\n`);
    this.rows = [];
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes a staging file with its header and no rows. */
export const writeEmpty = (path: string, columns: readonly string[]) =>
  new StagingFile(path, columns).close();

/** Where the values of one file go: its name as the tables give it, its summary, and its two staging files. */
export interface Sink {
  file: string;
  summary: FileSummary;
  accepted: StagingFile;
  rejected: StagingFile;
  /** for a sheet of a workbook: the cell a line and column are at (Sheet1!C7) */
  cellOf?: (line: number, column: string) => string | null;
  /** the metrics of the values read with no unit at all (快递业务量 12, read as 12 parcels), for a unit note below */
  unitless?: Set<string>;
  /** for a sheet of a workbook: the merged range (C2:C4) whose top left cell is at a line and column, if any */
  mergedOver?: (line: number, column: string) => string | null;
  /** for a sheet of a workbook: the hidden row or column (第 3 行, C 列) a line and column are in, if any */
  hiddenAt?: (line: number, column: string) => string | null;
  /** for a sheet of a workbook: the year a month cell (a line and a cell's index) stores and does not show, if its own */
  storedYear?: ReturnType<typeof storedYears>;
  /** what a reading of the whole file finds that the reading of a row depends on (Hindsight) */
  hindsight?: Hindsight;
}

/**
 * What is known of a file only once every row is read, and changes how its rows are read: the file is then read
 * again knowing it (import.ts stageOne), so that no row is read otherwise for coming before the row that shows it.
 */
export interface Hindsight {
  /**
   * the metric names the file gives on its rows (a long file's metric cells), and those of them naming the stations
   * built (columns.ts stationsBuilt: 村级服务站 in a file with rows of 运营村级服务站), rejected as stations_built
   */
  names: Set<string>;
  /** (with the other sheet of the workbook whose names show it, or null: columns.ts stationsBuiltIn) */
  built: ReadonlyMap<string, string | null>;
  /** the names of stations the other sheets of the workbook give, each with its sheet (columns.ts stationCells) */
  elsewhere: ReadonlyMap<string, string>;
  /**
   * the tables (by their header's line) with a month cell naming a year other than the title's (2023年11月 under
   * 东港市2024年…): which year their month cells naming none are of, the title does not settle (rows.ts yearFor)
   */
  otherYear: Set<number>;
  /** the tables with a month cell naming no year read in the title's (the file is read again only for those) */
  titleYear: Set<number>;
  /**
   * the counts given with no unit stated that hold a fraction (12.5 under 快递业务量), with the first such cell: they
   * are in some larger unit (万件), so each of their numbers given without a unit is rejected as unit_not_stated
   */
  unitNotStated: Map<string, { line: number; column: string; raw: string; total?: true }>;
  /**
   * each series of months (a table's rows of one county, of one metric in a long file: rows.ts seriesOf), as read in
   * the title's year, in row order: its month, line and whether the cell names its year
   */
  months: Map<string, { m: number; line: number; named: boolean; unread?: string }[]>;
  /**
   * the lines whose month names no year on the far side of a crossing into another year (11月, 12月 before
   * 2024年1月 under 东港市2024年…: rows.ts unsettledMonths), which the title does not settle; with the cell naming the
   * year in no month read (2024.1) where it is that cell that leaves them unsettled, else null
   */
  unsettled: Map<number, string | null>;
}
export const newHindsight = (known?: Hindsight, elsewhere?: ReadonlyMap<string, string>): Hindsight => ({
  names: new Set(),
  built: known?.built ?? new Map(),
  elsewhere: known?.elsewhere ?? elsewhere ?? new Map(),
  otherYear: new Set(known?.otherYear),
  titleYear: new Set(),
  unitNotStated: new Map(known?.unitNotStated),
  months: new Map(),
  unsettled: new Map(known?.unsettled),
});

/** Stages a rejection (counting it in the summary when it rejects a value, not a column or the file). */
export function reject(
  sink: Sink,
  line: number,
  column: string,
  scope: 'value' | 'column' | 'file',
  field: string,
  raw: string,
  reason: Reason,
  wording: readonly [string, string] = REASONS[reason],
) {
  const cell = sink.cellOf?.(line, column) ?? null;
  sink.rejected.push([sink.file, line, column, scope, field, raw, reason, wording[0], wording[1], cell]);
  if (scope === 'value') sink.summary.rejected++;
}

/** A sheet of a workbook as the readers give it (xlsx.ts, workbook.ts), and what they share. */
import type { Range } from '@e965/xlsx';

/**
 * A sheet of a workbook: its rows (cells as text, row numbers as Excel's) and its cells merged down one column (a
 * county over the rows of its metrics: the rows from `top` to `bottom`, Excel's numbers; `column` an index of the
 * rows' cells), or why it is skipped.
 */
export type Sheet =
  | {
      name: string;
      rows: { row: string[]; at: number }[];
      columnOf: (index: number) => string;
      merges?: Merge[];
    }
  | { name: string; skipped: string };

/** A cell merged down one column. */
export interface Merge {
  top: number;
  bottom: number;
  column: number;
}

/** The merged ranges of a sheet (0-based, as SheetJS decodes them) that run down one column, as Merges. */
export const downMerges = (ranges: Range[], left: number): Merge[] =>
  ranges
    .filter((m) => m.s.c === m.e.c && m.e.r > m.s.r)
    .map((m) => ({ top: m.s.r + 1, bottom: m.e.r + 1, column: m.s.c - left }));

/** Why a hidden sheet is skipped: a sheet the workbook does not show is no part of the report it sends. */
export const HIDDEN = 'a hidden sheet, not part of the report shown / 隐藏的工作表，不属于所报报表';

/** A date cell's day (YYYY-MM-DD): its UTC day, the day Excel shows, in any time zone. */
export const dayOf = (d: Date) =>
  `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

import type { Doc, Line } from '../normalize/doc.ts';
import { type NumberReading, numberReader, sized } from './matchers/money.ts';
import type { FundSource, RefusalProblem, RefusedAmount } from './types.ts';

export type Role = 'amount' | FundSource | 'share';

/** One cell of a flattened table row (normalized offsets). */
export interface Cell {
  text: string;
  start: number;
  end: number;
  /** the cell read as a bare number by the money matcher's rules (or refused by them); null for a text cell */
  number: NumberReading | null;
}

/** A data row of an amount table: its text cells and its numbers, each number with its column's role. */
export interface TableRow {
  line: Line;
  cells: Cell[];
  /** text cells before the numbers, without serial numbers and dates */
  labels: Cell[];
  /** a serial number cell (1, 2, 3…) when the row has one */
  serial: Cell | null;
  values: { role: Role; yuan: number; cell: Cell }[];
  /**
   * money cells refused, kept as the matcher keeps its refusals: an amount above the bound or not exact
   * (implausible), or every number of a row with a cell that cannot be read as a number (unreadable)
   */
  refused: RefusedAmount[];
  /** 合计/总计 row */
  isSum: boolean;
  /** the text cell after the money columns when the header names a column of responsible units (推荐责任部门) */
  owner: Cell | null;
}

/** A table whose amounts are bare numbers under a unit line (金额单位：万元). */
export interface AmountTable {
  unitLine: Line;
  roles: Role[];
  rows: TableRow[];
}

const UNIT_LINE = /(?:金额|资金)?单位[:：]?\s*(亿元|万元|千元|元)/;
const SCALE: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 千元: 1e3, 元: 1 };
const SERIAL_CELL = /^\d{1,2}$/;
const DATE_CELL = /^\d{4}年|^\d{4}[-./]\d|月$|月前$|^\d{1,2}月/;
const SUM_CELL = /^(?:合计|总计|小计|共计)$/;
/** a header cell naming who is responsible for each row, spaces aside (推荐 责任 部门, 牵头单位, 实施主体) */
const OWNER_COLUMN = /责任(?:部门|单位)|牵头(?:部门|单位)|实施(?:主体|单位)|承办单位/;

/** The role of a header cell: which fund source a column of numbers holds. */
function roleOf(header: string): Role | null {
  if (/占比|比例|比重|%/.test(header)) return 'share';
  if (/中央/.test(header)) return 'central';
  if (/省/.test(header)) return 'provincial';
  if (/自筹|企业|社会/.test(header)) return 'other';
  if (/地方|市级|县级|区级|配套|市财政|县财政|区财政|本级/.test(header)) return 'local';
  if (/合计|小计|总计|金额|总投资|投资额|投入|资金|预算/.test(header)) return 'amount';
  return null;
}

/** The cells of a table row, each read as a number or as text. */
function cellsOf(line: Line, readNumber: ReturnType<typeof numberReader>): Cell[] {
  const cells: Cell[] = [];
  let at = line.start;
  for (const part of line.text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    const start = at + lead;
    if (text)
      cells.push({ text, start, end: start + text.length, number: cellNumber(readNumber, start, text) });
    at += part.length + 1;
  }
  return cells;
}

/** A cell read as a number; null for text, and for a date the reader refuses (2020.1.1 is a date, not 2020.1 and .1). */
function cellNumber(readNumber: ReturnType<typeof numberReader>, start: number, text: string) {
  const n = readNumber(start, text);
  return n && 'problem' in n && DATE_CELL.test(text) ? null : n;
}

/** Whether a cell is a number, read or refused (1,500 and 1,50 both are: each fills a column). */
const isNumber = (c: Cell) => c.number !== null;

/**
 * Finds the amount tables of a document: after a unit line (金额单位：万元), rows separated by tabs whose numbers
 * are read in the order of the money columns named in the header (合计 / 中央财政 / 地方财政).
 * A table ends at a top-level heading, an annex, or three lines without cells.
 */
export function amountTables(doc: Doc): AmountTable[] {
  const tables: AmountTable[] = [];
  const lines = doc.lines;
  const readNumber = numberReader(doc);
  for (let i = 0; i < lines.length; i++) {
    const unit = UNIT_LINE.exec(lines[i]!.text);
    if (!unit || lines[i]!.text.length > 40) continue;
    const scale = SCALE[unit[1]!]!;
    let roles: Role[] = [];
    // the owner column's place: the nth text cell after the money columns (null: none, or one before them)
    let ownerAfter: number | null = null;
    const rows: TableRow[] = [];
    let plain = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (/^(?:附件|附表|[一二三四五六七八九十]{1,3}、)/.test(line.text) || UNIT_LINE.test(line.text)) break;
      if (!line.text.includes('\t')) {
        if (++plain >= 3) break;
        continue;
      }
      plain = 0;
      const cells = cellsOf(line, readNumber);
      const headerRoles = cells.map((c) => (isNumber(c) ? null : roleOf(c.text)));
      const numeric = cells.filter(isNumber).length;
      if (numeric === 0 && headerRoles.filter((r) => r !== null).length >= 1) {
        // the last header line naming money columns sets them (merged header cells come first)
        const named = headerRoles.filter((r): r is Role => r !== null);
        if (named.length >= roles.length) roles = named;
        const o = cells.findIndex((c) => OWNER_COLUMN.test(c.text.replace(/\s+/g, '')));
        const lastMoney = headerRoles.findLastIndex((r) => r !== null && r !== 'share');
        if (o !== -1) ownerAfter = o > lastMoney ? o - lastMoney : null;
        continue;
      }
      if (roles.length === 0) continue;
      const row = readRow(doc, line, cells, roles, scale, ownerAfter);
      if (row) rows.push(row);
    }
    if (rows.length > 0) tables.push({ unitLine: lines[i]!, roles, rows });
    i = j - 1;
  }
  return tables;
}

/** A data row's numbers, read in the order of the money columns; null when no run of number cells fits them. */
function readRow(
  doc: Doc,
  line: Line,
  cells: Cell[],
  roles: Role[],
  scale: number,
  ownerAfter: number | null,
): TableRow | null {
  const best = fittingRun(numberRuns(cells), roles.length);
  if (!best) return null;
  // the cell as far after the row's money cells as the owner column is after the money columns (empty cells are
  // not cells here, so a row without it gives none rather than the next column's)
  const after = cells.slice(cells.indexOf(best.at(-1)!) + 1);
  const at = ownerAfter === null ? undefined : after[ownerAfter - 1];
  const owner = at && !isNumber(at) ? at : null;
  const firstNumber = cells.indexOf(best[0]!);
  const before = cells.slice(0, firstNumber);
  const serial = before.find((c) => SERIAL_CELL.test(c.text)) ?? null;
  const labels = before.filter(
    (c) => !SERIAL_CELL.test(c.text) && !DATE_CELL.test(c.text) && !/^-+$/.test(c.text),
  );
  const isSum = before.some((c) => SUM_CELL.test(c.text));
  const values: TableRow['values'] = [];
  const refused: RefusedAmount[] = [];
  if (best.some((c) => c.number && 'problem' in c.number)) {
    // a cell that cannot be read may be one number or two (1 200: 1 and 200?), so which column each number of
    // the row is in cannot be told: every number is refused, none is given to a column it may not be in
    for (const cell of best) {
      const n = cell.number!;
      if ('problem' in n) refused.push(refusedCell(doc, cell, 'unreadable', n.problem, n.chars, null));
      else if (!cell.text.endsWith('%'))
        refused.push(refusedCell(doc, cell, 'unreadable', 'row_unreadable', [], null));
    }
    return { line, cells, labels, serial, values, refused, isSum, owner };
  }
  best.forEach((cell, k) => {
    const role = roles[k]!;
    const v = (cell.number as { value: number }).value;
    if (role === 'share') {
      values.push({ role, yuan: v, cell });
      return;
    }
    // a bare number never passes the money matcher: its rule is applied here (99999999999999999999 under 万元
    // is no exact integer of yuan, and would break every writer downstream)
    const size = sized(Math.round(v * scale));
    if ('problem' in size) refused.push(refusedCell(doc, cell, 'implausible', size.problem, [], size.yuan));
    else values.push({ role, yuan: size.yuan, cell });
  });
  return { line, cells, labels, serial, values, refused, isSum, owner };
}

/** The runs of adjacent number cells of a row, read or refused. */
function numberRuns(cells: Cell[]): Cell[][] {
  const runs: Cell[][] = [];
  let run: Cell[] = [];
  for (const c of cells) {
    if (isNumber(c)) run.push(c);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The run of number cells that fits the money columns: the last as long as they are, else the last shorter one. */
function fittingRun(runs: Cell[][], columns: number): Cell[] | null {
  const exact = runs.filter((r) => r.length === columns);
  if (exact.length > 0) return exact[exact.length - 1]!;
  // a row may leave trailing columns empty
  const fit = runs.filter(
    (r) =>
      r.length <= columns &&
      r.length >= 1 &&
      !(r.length === 1 && SERIAL_CELL.test(r[0]!.text) && r === runs[0] && runs.length > 1),
  );
  return fit[fit.length - 1] ?? null;
}

/** A money cell refused, as the money matcher records a refused amount: unreadable, or implausible for its size. */
function refusedCell(
  doc: Doc,
  cell: Cell,
  note: RefusedAmount['note'],
  problem: RefusalProblem,
  chars: string[],
  yuan: number | null,
): RefusedAmount {
  const { start, end } = doc.span(cell.start, cell.end);
  const refusal = { problem, chars, written: doc.original.slice(start, end) };
  return { yuan, nstart: cell.start, nend: cell.end, note, refusal };
}

/** A sheet of a workbook as the readers give it (xlsx.ts, workbook.ts), and what they share. */
import type { Range } from '@e965/xlsx';

/**
 * A sheet of a workbook: its rows (cells as text, row numbers as Excel's) and its merged cells (a county over the rows
 * of its metrics: the rows from `top` to `bottom`, Excel's numbers, the columns from `column` to `right`, indexes of
 * the rows' cells), or why it is skipped.
 */
export type Sheet =
  | {
      name: string;
      rows: { row: string[]; at: number }[];
      columnOf: (index: number) => string;
      merges?: Merge[];
      /** the rows (Excel's numbers) and columns (indexes of the rows' cells) the sheet hides */
      hidden?: { rows: number[]; columns: number[] };
      /** the year stored in each date cell whose format hides it (shown as 12月, stored 2023-12-01): see storedYears */
      yearless?: YearlessDate[];
    }
  | { name: string; skipped: string };

/** A date cell whose format hides its year: its row (Excel's number), column (an index of the row's cells), year and month. */
export interface YearlessDate {
  at: number;
  column: number;
  year: string;
  month: number;
}

/**
 * The year stored in a date cell shown without it, where that year is the cell's own: where the cells of its column
 * (of its row, for a header's months), in their order, store more than one year, and change year only as months
 * do (2023-12-01, 2024-01-01: typed with their years); undefined for any other cell. Years that jump where the
 * months do not (1月–11月 stored in 2023 and 12月 in 2024, typed in the January after; a template's 1月–6月 of last
 * year beside 7月–12月 of this one), or one year throughout, are the years the cells were typed in, which a title
 * settles. A cell a merge spreads over the rows below (a month over two counties) is each of theirs.
 */
export function storedYears(
  dates: YearlessDate[] = [],
  /** the sheet's merged cells by their top left cell (`${top}:${column}`) */
  merges: ReadonlyMap<string, Merge> = new Map(),
) {
  const all = dates.flatMap((d) => {
    const m = merges.get(`${d.at}:${d.column}`);
    if (!m) return [d];
    const cells: YearlessDate[] = [];
    for (let at = m.top; at <= m.bottom; at++)
      for (let column = m.column; column <= m.right; column++) cells.push({ ...d, at, column });
    return cells;
  });
  const stored = new Map(all.map((d) => [`${d.at}:${d.column}`, d.year]));
  // (months counted from year 0: a step of 12 or more between two cells is a year the months did not pass)
  const count = (d: YearlessDate) => Number(d.year) * 12 + d.month - 1;
  const own = (group: YearlessDate[]) =>
    new Set(group.map((d) => d.year)).size > 1 &&
    group.every((d, i) => i === 0 || count(d) - count(group[i - 1]!) < 12);
  const groups = (key: (d: YearlessDate) => number, order: (d: YearlessDate) => number) => {
    const by = new Map<number, YearlessDate[]>();
    for (const d of all) {
      const group = by.get(key(d));
      if (group) group.push(d);
      else by.set(key(d), [d]);
    }
    return new Set([...by].filter(([, g]) => own(g.sort((a, b) => order(a) - order(b)))).map(([k]) => k));
  };
  const columns = groups(
    (d) => d.column,
    (d) => d.at,
  );
  const rows = groups(
    (d) => d.at,
    (d) => d.column,
  );
  return {
    /** in a 月份 column */
    inColumn: (at: number, column: number) =>
      columns.has(column) ? stored.get(`${at}:${column}`) : undefined,
    /** in a header row of months */
    inRow: (at: number, column: number) => (rows.has(at) ? stored.get(`${at}:${column}`) : undefined),
  };
}

/** A merged cell: down one column (right = column), across one row, or both. */
export interface Merge {
  top: number;
  bottom: number;
  column: number;
  right: number;
}

/** The merged ranges of a sheet (0-based, as SheetJS decodes them) of more than one cell, as Merges. */
export const sheetMerges = (ranges: Range[], left: number): Merge[] =>
  ranges
    .filter((m) => m.e.r > m.s.r || m.e.c > m.s.c)
    .map((m) => ({ top: m.s.r + 1, bottom: m.e.r + 1, column: m.s.c - left, right: m.e.c - left }));

/** The hidden rows and columns of a sheet, as they are reported: 第 3 行, C 列. */
export const hiddenPlace = (row: boolean, place: string) => (row ? `第 ${place} 行` : `${place} 列`);

/** Why a hidden sheet is skipped: a sheet the workbook does not show is no part of the report it sends. */
export const HIDDEN = 'a hidden sheet, not part of the report shown / 隐藏的工作表，不属于所报报表';

/** A date cell's day (YYYY-MM-DD): its UTC day, the day Excel shows, in any time zone. */
export const dayOf = (d: Date) =>
  `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** A format's code without its text in quotes, escaped characters, colours, conditions and locales in brackets. */
const formatOnly = (code: string) => code.replace(/"[^"]*"|[\\!]./g, '').replace(/\[[^\]]*\]/g, '');

/**
 * Whether a number format shows a number as another: as a percent (0%, 0.00%: 0.12 shown as 12%), scaled (a
 * thousands comma after the last digit, #,##0,, in millions or 0.0,"万" in thousands; a decimal point written as text,
 * 0!.0000 or 0"."0000, which shows 12345678 yuan as 1234.5678, in 万元), or with a unit written after it (0"万",
 * #,##0.00"万元", 0"万件": 980 shown as 980万, whose unit the header's may not be).
 */
export function showsAnother(code: string): 'percent' | 'scaled' | null {
  if (/[0#?](?:!\.|\\\.|"\.")[0#?]/.test(code)) return 'scaled';
  if (/"[^"]*[\u3400-\u9fff][^"]*"|\\[\u3400-\u9fff]/.test(code)) return 'scaled';
  const plain = formatOnly(code);
  if (plain.includes('%')) return 'percent';
  return /[0#?],+(?![0#?,])/.test(plain) ? 'scaled' : null;
}

/**
 * A number cell's text when its format shows it as another number: a percent as Excel shows it (12%, which is then
 * rejected as no number, as 12% in a CSV is), a scaled number or one with a unit, with its format (12345678（数字格式
 * 0!.0000）, 980（数字格式 0"万"）: the stored number is not the one shown, and which of them the header's unit is
 * for cannot be told); else `text`.
 */
export function shownText(text: string, n: number, code: string): string {
  const kind = showsAnother(code);
  if (kind === 'percent') return `${Number((n * 100).toPrecision(15))}%`;
  return kind === 'scaled' ? `${text}（数字格式 ${code}）` : text;
}

/** A number cell's text with its format, as shownText writes it: 12（数字格式 0"万件"）. */
const WITH_FORMAT = /^(.+)（数字格式 (.+)）$/;

/** A format's sections (positive;negative;zero;text), split at the semicolons outside its quoted texts. */
const sections = (code: string) => code.match(/(?:"[^"]*"|\\.|[^;"\\])+/g) ?? [];

/** A section writing a number and a text after it: 0"万件", #,##0.00"万元", G/通用格式"件", -0"件". */
const NUMBER_AND_TEXT = /^(-|\\-)?((?:General|G\/通用格式)|[^";]*?[0#?][^";]*?)\s*"([^"]+)"$/i;

/**
 * What a number cell shows when its format only writes a text after the number (0"万件", #,##0.00"万元",
 * G/通用格式"件", Chinese Excel's General; 0"件";-0"件", the section the number is shown by): the number as stored
 * and that text, for the reader of its values to take as its unit where it is one; null for any other cell (a
 * format that scales the number, 0.0,"万", or shows a percent; a negative number shown without its sign,
 * 0"件";0"件"; sections writing different texts).
 */
export function shownWithText(raw: string): { number: string; text: string } | null {
  const m = WITH_FORMAT.exec(raw);
  if (!m) return null;
  const written = sections(m[2]!);
  const parts = written.map((p) => NUMBER_AND_TEXT.exec(p.trim()));
  const n = Number(m[1]);
  // (the section Excel shows the number by: the first for a positive one, or for any with one section)
  // (a zero section writing a text alone, "-" in 0"件";-0"件";"-", shows no number: the first section's unit)
  const zero = parts.length > 2 && !/[0#?]/.test(formatOnly(written[2]!));
  const at = parts.length === 1 || n > 0 || (n === 0 && zero) ? 0 : n < 0 ? 1 : parts.length > 2 ? 2 : 0;
  const f = parts[at];
  if (!f || parts.some((p) => p && p[3] !== f[3])) return null;
  const [, sign, number, text] = f;
  // a negative number shown by its own section shows the sign that section writes, and only that one
  if (n < 0 && at === 1 && !sign) return null;
  return /^(?:General|G\/通用格式)$/i.test(number!) || showsAnother(number!) === null
    ? { number: m[1]!, text: text!.trim() }
    : null;
}

/**
 * Whether a date format shows its month but no year (m"月", mmm, d-mmm, m/d): Excel stores the year a month was
 * typed in (1月 typed in 2024 is 2024-01-01), which the sheet does not show and the report may not be of.
 */
export const hidesYear = (code: string) => {
  const plain = formatOnly(code);
  return /m/i.test(plain) && !/[ye]/i.test(plain) && !/[hs]/i.test(plain);
};

/** A day (YYYY-MM-DD) as a format without its year shows it: 3月, or 3月15日 when the format shows the day. */
export function shownDate(day: string, code: string): string {
  const [, m, d] = day.split('-').map(Number);
  return /d/i.test(formatOnly(code)) ? `${m}月${d}日` : `${m}月`;
}

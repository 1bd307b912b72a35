/**
 * A row of units right under the header (,,万元,万件), as exports from spreadsheets often have: told from data,
 * applied to the columns below it, or refused with the file when it cannot be used.
 */
import type { Plan } from './columns.ts';
import { ascii } from './parse.ts';
import { cellsEn, type Reason } from './reasons.ts';
import { unitOf } from './vocabulary.ts';

/** Why a unit row refuses its file: the reason, the detail of the message, and a wording naming the cells. */
export interface UnitRowRefusal {
  reason: Reason;
  detail: string;
  wording?: readonly [string, string];
}

/** A unit given twice (header and unit row, or row and unit row): one if they agree, else both, which never convert. */
export const joinUnits = (a: string, b: string) =>
  a === '' ? b : b === '' || a.replace(/\s/g, '') === b.replace(/\s/g, '') ? a : `${a} / ${b}`;

/** A cell that names a unit row (单位, 单位：, unit), as the first cell often does. */
const UNIT_LABEL = /^(?:单位|计量单位|units?)\s*[:：]?$/i;

/** Whether a cell is a label naming a unit row. */
const isLabel = (c: string) => UNIT_LABEL.test(c.trim());

/** A label in front of a unit (单位：万元, 计量单位：万件), as a row of units may write each cell. */
const UNIT_PREFIX = /^(?:计量|金额|货币|数据)?单位\s*[:：]\s*(?=\S)/;

/** Whether a cell is a unit with its label (单位：万元). */
export const isUnitLabelled = (c: string) => UNIT_PREFIX.test(c.trim());

/** A unit row's cell without a label in front of its unit (单位：万元 is 万元). */
const unitText = (c: string) => ascii(c.trim().replace(UNIT_PREFIX, ''));

/** Each cell's unit: '' for an empty cell or a label, null for a cell that is neither a label nor a unit. */
const cellUnits = (row: string[]) =>
  row.map((c) => (c.trim() === '' || isLabel(c) ? '' : unitOf(unitText(c))));

/**
 * A cell a unit row cannot hold, even as a unit the importer does not know: one with a label and its text
 * (填报单位：丹东市商务局, 制表：张三), a digit (2024年3月, a title's year) or more than a unit's few characters.
 */
const notUnitLike = (c: string) => /[:：]\s*\S|\d/.test(ascii(c)) || c.trim().length > 4;

/**
 * Whether a row above the header is a row of units over its columns (,,万元,万件; 单位：,,万元,万件): a unit beyond
 * the first column, no unit with its label (金额单位：万元 | 数量单位：万件 is a note for the whole table), and no
 * title or note text (填报单位：丹东市商务局,,万元 and 2024年3月,,万元 are notes, the unit at their end the table's).
 * Its cells that are no unit (万人) refuse the file at the header, as under it (refuseUnitRow).
 */
export const unitsOverColumns = (row: string[]) =>
  row.some((c, i) => i > 0 && !isUnitLabelled(c) && unitOf(unitText(c)) !== null) &&
  !row.some((c) => isUnitLabelled(c) || (!unitCell(c) && notUnitLike(c)));

/** Whether a cell may stand in a unit row: empty, a label such as 单位：, or a unit. */
const unitCell = (c: string) => c.trim() === '' || isLabel(c) || unitOf(unitText(c)) !== null;

/**
 * The units of a unit row by column (,,万元,万件 → '', '', 万元, 万件), or null when a non-empty cell is neither a
 * unit nor a label such as 单位, or when no cell is a unit.
 */
export function unitRow(row: string[]): string[] | null {
  const units = cellUnits(row);
  return units.some((u) => u) && units.every((u) => u !== null) ? (units as string[]) : null;
}

/**
 * Whether the first row under the header may be a row of units: its county, month and metric cells hold no county,
 * month or metric (each is empty, a label such as 单位：, or a unit), and it is not blank.
 */
export function unitRowCandidate(row: string[], p: Plan): boolean {
  // a table whose county and month are both named above its header (a county's report of one month, its metrics
  // as rows) has no cells to tell a unit row by: its first row is data
  if (p.county === null && p.month === null && p.months.length === 0) return false;
  const monthCell = p.month === null ? '' : (row[p.month] ?? '');
  const countyCell = p.county === null ? '' : (row[p.county] ?? '');
  // (nor a metric: 网络零售额 in the 指标 column of a county's report with one column per month is its first row)
  const metricCell = p.metric === null ? '' : (row[p.metric] ?? '');
  return (
    unitCell(countyCell) && unitCell(monthCell) && unitCell(metricCell) && row.some((c) => c.trim() !== '')
  );
}

/**
 * The cells of a unit row candidate that are neither empty, a label nor a unit, with their columns; a column that
 * is not read (同比增长 over its %) has no unit to give.
 */
function unknownUnits(
  row: string[],
  header: string[],
  unread: ReadonlySet<string>,
): { cell: string; column: string }[] {
  return row.flatMap((c, i) =>
    unitCell(c) || unread.has(header[i] ?? '') ? [] : [{ cell: c.trim(), column: header[i] || `#${i + 1}` }],
  );
}

/** The wording of an unknown_unit refusal, naming each cell that is not a unit and its column. */
function unknownUnitWording(line: number, cells: { cell: string; column: string }[]): [string, string] {
  const zh = cells.map((u) => `“${u.cell}”（列：${u.column}）`).join('、');
  const en = cells.map((u) => `“${u.cell}” (column ${u.column})`).join(', ');
  const verb = cells.length === 1 ? 'is not a unit' : 'are not units';
  return [
    `第 ${line} 行像是单位行，但${zh}不是可识别的单位`,
    `row ${line} looks like a row of units, but ${en} ${verb} the importer knows`,
  ];
}

/**
 * Why a unit row (or a row that looks like one) cannot be used, or null when it can: with more or fewer cells than
 * the header, each unit could be another column's (cell_count); with a cell that is not a unit (万人), the columns
 * below it would be read without their unit, 12 万件 as 12 parcels (unknown_unit). Either way the file is refused.
 */
export function refuseUnitRow(
  row: string[],
  at: number,
  header: string[],
  unread: ReadonlySet<string> = new Set(),
): UnitRowRefusal | null {
  if (row.length !== header.length)
    return {
      reason: 'cell_count',
      detail: `the unit row (line ${at}) has ${cellsEn(row.length)} and the header ${header.length}`,
    };
  const unknown = unknownUnits(row, header, unread);
  if (unknown.length === 0) return null;
  const cells = unknown.map((u) => `“${u.cell}” (column ${u.column})`).join(', ');
  return { reason: 'unknown_unit', detail: `line ${at}: ${cells}`, wording: unknownUnitWording(at, unknown) };
}

/** Gives the columns of a plan the units of a unit row: metric columns of a wide file, the value column of a long one. */
export function applyUnits(p: Plan, units: string[]) {
  for (const m of p.metrics) m.unit = joinUnits(m.unit, units[m.index] ?? '');
  if (p.value !== null) p.valueUnit = units[p.value] ?? '';
}

/**
 * The first row under the header (after blank ones) as a unit row: 'units' when it is one, its units given to the
 * plan's columns; 'data' when it is not one; the refusal when it looks like one but cannot be used.
 */
export function takeUnitRow(
  row: string[],
  at: number,
  header: string[],
  p: Plan,
): 'units' | 'data' | UnitRowRefusal {
  const units = unitRow(row);
  if (!units && !unitRowCandidate(row, p)) return 'data';
  const refusal = refuseUnitRow(row, at, header, new Set(p.unknown));
  if (refusal) return refusal;
  // a row holding only a label (单位：) is a unit row without units; the cells over columns not read give none
  applyUnits(p, unitsOf(row));
  return 'units';
}

/** The units of a unit row, by column ('' where a cell gives none). */
export const unitsOf = (row: string[]) => unitRow(row) ?? cellUnits(row).map((u) => u ?? '');

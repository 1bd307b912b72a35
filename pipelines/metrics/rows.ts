/**
 * One data row of a metrics file into staged values: its values (one in a long file, one per metric cell in a wide
 * one), each checked and converted to its metric's unit and accepted, or rejected with the reason, the row counted.
 */
import Papa from 'papaparse';
import type { MetricColumn, Plan, Sidecar } from './columns.ts';
import { givenNote } from './heading.ts';
import {
  type CountyLookup,
  factorOf,
  isCountyCode,
  metricCached,
  monthOf,
  monthWithYear,
  yearOf,
} from './lookups.ts';
import { ascii, monthFault, parseValue, significantDigits } from './parse.ts';
import {
  builtElsewhereWording,
  CROSSING_WORDING,
  cellCountWording,
  hiddenWording,
  mergedWording,
  type Reason,
  storedYearWording,
  unitNotStatedWording,
  unreadMonthWording,
} from './reasons.ts';
import { shownWithText } from './sheet.ts';
import { type Hindsight, newHindsight, reject, type Sink } from './staging.ts';
import { joinUnits } from './units.ts';
import {
  convert,
  METRIC_INFO,
  type Metric,
  noteUnitFor,
  splitUnit,
  unitFactor,
  unitOf,
} from './vocabulary.ts';

/** What staging a data row needs: where its values go, the county lookup, the header and its plan. */
export interface RowContext extends Sink {
  county: CountyLookup;
  header: string[];
  plan: Plan;
  /** the columns with an empty header that no role reads (columns.ts headlessColumns), found once */
  headless?: number[];
  /** those of them with a cell not empty in a data row */
  headlessUsed?: Set<number>;
  /** the line of the table's header, which names the table (Hindsight) */
  table?: number;
}

/**
 * A totals row's label, its spaces removed: 合计, 总计, 小计, 共计, 累计, 总合计, after a place (全县, 丹东市, 东港市) or
 * a period (1-3月, 本月, 一季度, 第一季度, 上半年, 全年), or 全县, 全市, 全省 alone; a colon may follow (合计：). Not 全州
 * alone: that is 全州县. Written with its characters, not \u escapes, so that DuckDB's RE2 reads it as it is (fast.ts).
 */
export const TOTAL =
  /^(?:全[县市区旗省]|(?:全[县市区州旗]|[一-龥]{1,10}[省市县区旗州盟]|本[月年期季]|第?[1-4一二三四]季度|[上下]半年|全年|[\d\-–—－~～至月份年]+)?(?:总?合计|总计|小计|共计|累计))[:：]?$/;
/** How a totals row's label ends (…计, …计：) or is written (全县), spaces being `space`: the cheap test, before TOTAL. */
export const totalEdge = (space: string) =>
  `计${space}*[:：]?${space}*$|^${space}*全${space}*[县市区旗省]${space}*$`;
const TOTAL_EDGE = new RegExp(totalEdge('\\s'));
/** Whether a cell is a totals row's label (合  计, 全县合计, 丹东市合计, 1-3月合计). */
export const isTotal = (cell: string) => TOTAL_EDGE.test(cell) && TOTAL.test(cell.replace(/\s/g, ''));

/** A value of a data row: its column (as the header names it), metric name, cell as written and unit. */
export interface Value {
  column: string;
  name: string;
  raw: string;
  unit: string;
  /** the month of a file with one column per month, as its column names it */
  month?: string;
  /** the county of a file with one column per county, as its column names it */
  county?: string;
  /** a count whose cell in the unit column is empty, with no unit from elsewhere: missing_unit (metricCell) */
  blank?: true;
  /** the mapping sidecar naming the value's column (its metric code is `name`) */
  sidecar?: Sidecar;
  /** a month column of no year the file settles (file.ts monthYears): its values rejected as bad_month */
  unsettled?: true;
}

/** Why a value is rejected: the field at fault, its text and the reason. */
export interface Fault {
  field: string;
  raw: string;
  reason: Reason;
}

/** The cell of column `i` of a row, trimmed ('' when the column is absent or the row too short). */
const cellAt = (row: string[], i: number | null) => (i === null ? '' : (row[i] ?? '').trim());

/** A cell that says there is no figure, as statistical tables mark one: —, -, /, …, 无. */
export const NO_DATA = /^(?:[-－—–―─]+(?:\s*[-－—–―─]+)*|[/／]|…+|\.{3,}|无|暂无)$/;

/** Cells of the synthetic column that mark a row synthetic. */
const SYNTHETIC_TRUE = /^(?:true|1|是|yes)$/i;

/** Whether a row is marked synthetic (generated sample data) by its synthetic column. */
export const isSynthetic = (row: string[], p: Plan) => SYNTHETIC_TRUE.test(cellAt(row, p.synthetic));

/**
 * The values of a data row: one per row in a long file, one per non-empty metric cell in a wide one (per metric
 * column, empty or not, when `everyColumn`: a row whose cells cannot be matched to the columns).
 */
export function valuesOf(row: string[], p: Plan, header: string[], everyColumn = false): Value[] {
  if (p.form === 'months') {
    // the row's metric, its unit in brackets after it (快递业务量（件）) and in the unit column, as a long file's
    const named = metricCell(cellAt(row, p.metric), cellAt(row, p.unit), p);
    return p.months
      .map((m) => ({
        column: header[m.index]!,
        raw: cellAt(row, m.index),
        month: m.month,
        ...(m.unsettled && { unsettled: m.unsettled }),
        ...named,
      }))
      .filter((v) => everyColumn || v.raw !== '');
  }
  if (p.form === 'counties') {
    const named = metricCell(cellAt(row, p.metric), cellAt(row, p.unit), p);
    return (p.counties ?? [])
      .map((c) => ({ column: header[c.index]!, raw: cellAt(row, c.index), county: c.county, ...named }))
      .filter((v) => everyColumn || v.raw !== '');
  }
  if (p.form === 'long') {
    const named = metricCell(cellAt(row, p.metric), cellAt(row, p.unit), p);
    return [{ column: header[p.value!]!, raw: cellAt(row, p.value), ...named }];
  }
  // (a unit column beside the one metric column: its cell joined with the header's unit, read over a note's)
  const unitCell = cellAt(row, p.unit);
  const unitOfColumn = (m: MetricColumn) =>
    !unitCell ? m.unit : m.noted || !m.unit ? unitCell : joinUnits(m.unit, unitCell);
  return p.metrics
    .map((m) => {
      const unit = unitOfColumn(m);
      // (a count reports give in 万 whose cell in the unit column is empty, as metricCell says)
      const blank = p.unit !== null && unit === '' && scaledCount(m.name);
      return {
        column: header[m.index]!,
        name: m.name,
        raw: cellAt(row, m.index),
        unit,
        ...(blank && { blank }),
        ...(m.sidecar && { sidecar: m.sidecar }),
      };
    })
    .filter((v) => everyColumn || v.raw !== '');
}

/**
 * A long file's metric cell with its unit: the unit column's, a unit in brackets after the name (网络零售额（万元）:
 * both, when both are given), the unit row's, else the note's (单位：万元) where it fits the metric.
 */
export function metricCell(
  cell: string,
  unitCell: string,
  p: Plan,
): { name: string; unit: string; blank?: true } {
  const split = splitUnit(ascii(cell));
  const named = unitOf(split.unit) !== null ? split : { name: cell, unit: '' };
  const unit =
    joinUnits(joinUnits(unitCell, named.unit), p.valueUnit) || noteUnitFor(named.name, p.noteUnits ?? []);
  // (a count reports give in 万 too, 快递业务量, whose cell in the unit column is empty and which gets no unit
  // elsewhere: its unit is missing, as money's is, not 件 by default)
  return unit === '' && p.unit !== null && scaledCount(named.name)
    ? { name: named.name, unit, blank: true }
    : { name: named.name, unit };
}

/**
 * Stages the values of a data row and counts the row. All are rejected when it is a last line without a line
 * break, or when its cells are more or fewer than the header's: read by position, a value could land in another
 * metric's column, so each metric column (the value column of a long file) gets a rejection.
 */
export function stageRow(ctx: RowContext, row: string[], at: number, terminated: boolean) {
  const { summary, header } = ctx;
  const misfit = row.length !== header.length;
  const values = valuesOf(row, ctx.plan, header, misfit);
  // (the metric named on the row, for the stations built among such names: Stations)
  if (ctx.plan.form !== 'wide') for (const v of values) ctx.hindsight?.names.add(v.name);
  summary.values += values.length;
  const rejectedBefore = summary.rejected;
  if (!terminated)
    for (const v of values) reject(ctx, at, v.column, 'value', 'line', v.raw, 'unterminated_last_line');
  else if (misfit) {
    const wording = cellCountWording(row.length, header.length);
    const asRead = Papa.unparse([row]);
    for (const v of values) reject(ctx, at, v.column, 'value', 'line', asRead, 'cell_count', wording);
  } else stageValues(ctx, row, at, values);
  if (values.length === 0) summary.rowsWithoutValues++;
  if (summary.rejected > rejectedBefore) summary.rowsRejected++;
  else summary.rowsAccepted++;
}

/** Checks and converts each value of a data row, staging it as accepted or rejected with the reason. */
function stageValues(ctx: RowContext, row: string[], at: number, values: Value[]) {
  const p = ctx.plan;
  const synthetic = isSynthetic(row, p);
  // a row's county and month: its cells, or what the rows above the header name (东港市…月报, 2023年3月); a 代码
  // cell that is no county code (01: an indicator's) takes the county above
  const cell = cellAt(row, p.county);
  const above = p.codeOrAbove && !isCountyCode(cell) ? p.codeOrAbove : undefined;
  const county = p.county === null ? (p.given?.county?.raw ?? '') : above ? above.raw : cell;
  const aboveNote = above && givenNote('县区', above);
  const note =
    [cellAt(row, p.source), cellAt(row, p.note), p.given?.note, aboveNote].filter(Boolean).join(' · ') ||
    null;
  const month = p.month === null ? (p.given?.month?.raw ?? '') : cellAt(row, p.month);
  const year = yearFor(ctx, row, month, at);
  // (a month naming no year before a county's months cross a year, or beside a cell naming the year in no month
  // read, 2024.1: the title does not settle it, yearFor)
  const unsettled = year === undefined ? ctx.hindsight?.unsettled.get(at) : undefined;
  for (const v of values) {
    const r = checkValue(v);
    // (12.5 under 快递业务量 with no unit anywhere: no count of parcels, so a unit the report does not state, 万件,
    // and each number of the metric given without a unit is in it, 12 no 12 parcels: Hindsight; seen in a row
    // rejected for another fault too, 999999's, as the column's unit is the same there)
    // (the cheap tests first: a count reports give in 万, with no unit, then a number read as one or a fraction; a
    // negative one, -12.5, rejected as negative_value, shows the unit as plainly)
    const n = !v.unit && scaledCount(v.name) ? parseValue(v.raw) : null;
    const metric =
      n !== null && (!('reason' in r) || r.reason === 'not_whole') ? (metricCached(v.name) as Metric) : null;
    if (n !== null && (metric || ('reason' in r && r.reason === 'negative_value')))
      noteFraction(ctx, v.name, n, { line: at, column: v.column, raw: v.raw });
    // in a file with one column per month, the month is the value's column's
    const key = rowKey(
      ctx.county,
      v.county ?? county,
      v.month ?? month,
      v.unsettled ? undefined : year,
      p.yearColumn != null,
      p.yearColumn != null || p.bareMonths === true,
    );
    if ('reason' in key) {
      const wording =
        key.reason !== 'bad_month'
          ? undefined
          : unsettled
            ? unreadMonthWording(unsettled)
            : unsettled === null || v.unsettled
              ? CROSSING_WORDING
              : undefined;
      reject(ctx, at, v.column, 'value', key.field, key.raw, key.reason, wording);
      continue;
    }
    // (a month cell shown without the year it stores, 12月 stored 2023-12-01, read in the title's year, 2024)
    const stored =
      v.month === undefined && p.month !== null ? ctx.storedYear?.inColumn(at, p.month) : undefined;
    if (stored && !key.month.startsWith(`${stored}-`)) {
      const wording = storedYearWording(month, stored, key.month.slice(0, 4));
      reject(ctx, at, v.column, 'value', 'month', month, 'bad_month', wording);
      continue;
    }
    // (a 代码 cell that is a county code beside the county a sidecar names, county: 东港市: the report is that
    // county's, so another county's code, 210682, is a mismatch, not 凤城市's figure)
    const sidecar = p.codeOrAbove?.from && !above ? p.codeOrAbove.raw : undefined;
    if (sidecar && namesAnother(ctx.county, key.code, sidecar)) {
      reject(ctx, at, v.column, 'value', 'county', `${county} ${sidecar}`, 'county_mismatch');
      continue;
    }
    if (p.countyName !== undefined && namesAnother(ctx.county, key.code, cellAt(row, p.countyName))) {
      reject(
        ctx,
        at,
        v.column,
        'value',
        'county',
        `${county} ${cellAt(row, p.countyName)}`,
        'county_mismatch',
      );
      continue;
    }
    // (a value in a row or column the workbook hides: no part of the report as it is shown)
    const hidden = ctx.hiddenAt?.(at, v.column);
    if (hidden) {
      reject(ctx, at, v.column, 'value', 'value', v.raw, 'hidden_cell', hiddenWording(hidden));
      continue;
    }
    // (a value merged over several rows or columns: a quarter's figure over its months)
    const over = ctx.mergedOver?.(at, v.column);
    if (over) {
      reject(ctx, at, v.column, 'value', 'value', v.raw, 'merged_value', mergedWording(over));
      continue;
    }
    // (村级服务站 in a file with rows of 运营村级服务站 or 未运营村级服务站: the stations built, Hindsight)
    const built = ctx.hindsight?.built.get(v.name);
    if (built !== undefined && metricCached(v.name)) {
      const wording = built ? builtElsewhereWording(built, 'row') : undefined;
      reject(ctx, at, v.column, 'value', 'metric', v.name, 'stations_built', wording);
      continue;
    }
    const doubt = metric ? ctx.hindsight?.unitNotStated.get(metric) : undefined;
    if (doubt) {
      const wording = unitNotStatedWording(doubt, v.name, largerUnit(metric!), v.sidecar);
      reject(ctx, at, v.column, 'value', 'value', v.raw, 'unit_not_stated', wording);
      continue;
    }
    if ('reason' in r) {
      reject(ctx, at, v.column, 'value', r.field, r.raw, r.reason);
      continue;
    }
    const unit = METRIC_INFO[r.metric].unit;
    ctx.accepted.push([
      ctx.file,
      at,
      v.column,
      key.code,
      key.month,
      r.metric,
      r.value,
      unit,
      synthetic,
      note,
      v.raw,
      ctx.cellOf?.(at, v.column) ?? null,
    ]);
    ctx.summary.accepted++;
    if (!v.unit) ctx.unitless?.add(r.metric);
  }
}

/**
 * Records a count's number given with no unit stated when it has a fraction (12.5 under 快递业务量): the first such cell
 * of its metric, whose numbers without a unit are then rejected as unit_not_stated (Hindsight). A 累计 cell of the
 * metric's column (file.ts) shows it as well.
 */
export function noteFraction(
  ctx: Sink,
  name: string,
  n: number,
  cell: { line: number; column: string; raw: string },
) {
  const metric = metricCached(name) as Metric | null;
  if (metric === null || Number.isInteger(n) || !ctx.hindsight || ctx.hindsight.unitNotStated.has(metric))
    return;
  ctx.hindsight.unitNotStated.set(metric, cell);
}

/** Whether a metric is a count that reports may give in a larger unit (快递业务量 in 万件, 培训人次 in 万人次). */
export const scaledCount = (name: string) => {
  const metric = metricCached(name) as Metric | null;
  return metric !== null && SCALED_COUNTS.has(metric);
};
const LARGER_UNITS = ['万件', '万人次', '万个', '万家'];
/** The unit in 万 a count may be given in (万件 for 快递业务量, 万人次 for 培训人次), or '' for money. */
const largerUnit = (metric: Metric) =>
  METRIC_INFO[metric].unit === 'yuan'
    ? ''
    : (LARGER_UNITS.find((u) => (unitFactor(metric, u, false) ?? 0) > 1) ?? '');
const SCALED_COUNTS = new Set(Object.keys(METRIC_INFO).filter((m) => largerUnit(m as Metric) !== ''));

/** Whether a county name beside a county's code is another county's (东港市 beside 210682, 凤城市's code). */
export function namesAnother(county: CountyLookup, code: string, name: string): boolean {
  if (name === '') return false;
  const c = county(name);
  return 'code' in c && c.code !== code;
}

/**
 * The year for a row's months that name none: its 年份 cell (one that gives none leaves them without a year),
 * else the title's.
 */
const rowYear = (row: string[], p: Plan) =>
  p.yearColumn == null ? p.year : (yearOf(cellAt(row, p.yearColumn)) ?? undefined);

/**
 * The year for a row's month cell if it names none: its 年份 cell's, else the title's, unless a month cell of its
 * column, above it or below, names another year (2023年11月 and 12月 under 东港市2024年…), or it stands on the far
 * side of a crossing into another year of its county's months (its metric's, in a long file: 11月, 12月 before
 * 2024年1月; unsettledMonths), and the workbook stores no year for the cell: which year 12月 is of, the title then
 * does not settle, and it is none (12月 is rejected as bad_month). Below it is known once the file is read, and the
 * file is read again (Hindsight); the fast path leaves a file with month cells naming no year to this one (fast.ts).
 */
function yearFor(ctx: RowContext, row: string[], month: string, at: number): string | undefined {
  const p = ctx.plan;
  if (p.yearColumn != null || p.month === null || !p.year) return rowYear(row, p);
  ctx.hindsight ??= newHindsight();
  const h = ctx.hindsight;
  const tables = h.otherYear;
  const table = ctx.table ?? 0;
  // (a cell naming a year and no month that is read, 2024.1: January or October; of another year, as 2023年11月)
  const unread = unreadYear(month);
  if (namesOtherYear(month, p.year) || (unread && unread !== p.year)) tables.add(table);
  if (tables.has(table)) return undefined;
  const read = monthWithYear(month, p.year, false, p.bareMonths);
  if (read || unread) {
    const series = seriesOf(ctx, row);
    const list = h.months.get(series) ?? [];
    if (!list.length) h.months.set(series, list);
    list.push(
      read
        ? { m: Number(read.slice(5, 7)), line: at, named: monthOf(month) !== null }
        : { m: Number.NaN, line: at, named: true, unread: month },
    );
  }
  // (a workbook's date cell shown without its year stores one, which settles it: stageValues)
  if (h.unsettled.has(at) && !ctx.storedYear?.inColumn(at, p.month)) return undefined;
  // (a cell given the title's year, which a cell below naming another would have left with none)
  if (!monthOf(month)) ctx.hindsight.titleYear.add(table);
  return p.year;
}

/**
 * The year a month cell names whose month is not read (2024.1, which may be October shown without its 0; 2024年13月),
 * or null; a period's (2024年1-3月) is none.
 */
const unreadYear = (month: string): string | null => {
  if (monthOf(month) !== null || monthFault(month) === 'period_not_month') return null;
  return /^\s*((?:19|20)\d{2})\s*[.\-/年]\s*\S/.exec(ascii(month))?.[1] ?? null;
};

/**
 * A row's series of months: its table, its county (its code, however the cell spells it) and its metric cell's metric
 * (a long file's: 网络零售额 and 网络零售额（万元） are one).
 */
function seriesOf(ctx: RowContext, row: string[]): string {
  const cell = cellAt(row, ctx.plan.county);
  const county = cell ? ctx.county(cell) : null;
  const name = cellAt(row, ctx.plan.metric);
  const metric = name ? metricCached(splitUnit(ascii(name)).name) : null;
  return `${ctx.table ?? 0}|${county && 'code' in county ? county.code : cell}|${metric ?? name}`;
}

/** The way a list of months runs, by its steps of less than seven months: 1 oldest first, -1 newest, 0 not told. */
export const listWay = (steps: number[]) =>
  Math.sign(steps.filter((d) => d !== 0 && Math.abs(d) < 7).reduce((a, d) => a + d, 0));

/**
 * The lines whose month cell names no year on the far side of a crossing into another year, per series of months in
 * row order (Hindsight.months). A list runs one way, its months a few steps apart (1月, 2月, 3月; newest first 3月,
 * 2月, 1月; a little out of order, 1月, 3月, 2月, still one way); a step of seven months or more the other way crosses
 * a year (11月, 12月, then 1月: one month on, more likely than eleven back), and so does any such step where no other
 * tells the way (12月, 1月); a step of six (half-yearly 6月, 12月) is none.
 * The parts a crossing divides are of two years: one holding a cell naming the title's year is of it, and the cells
 * naming none in the others are not settled; where no part names it, none is. `way0` is the way a list runs where
 * no step tells it: 1 for columns, which run left to right oldest first (12月, 1月 crosses a year), 0 for rows, which
 * may run newest first.
 */
export function unsettledMonths(months: Hindsight['months'], way0 = 0): Map<number, string | null> {
  const lines = new Map<number, string | null>();
  for (const all of months.values()) {
    // (a cell naming the title's year and no month read, 2024.1, may stand where the list crosses a year: those
    // naming none are then settled only by a cell of their part naming the year in a month read)
    const unread = all.find((x) => x.unread)?.unread;
    const list = all.filter((x) => !x.unread);
    if (!list.length) continue;
    const steps = list.slice(1).map((x, i) => x.m - list[i]!.m);
    const way = listWay(steps) || way0;
    const crosses = (d: number) => Math.abs(d) >= 7 && (way === 0 || Math.sign(d) === -way);
    const crossing = steps.some(crosses);
    if (!crossing && !unread) continue;
    const parts: (typeof list)[] = [[list[0]!]];
    steps.forEach((d, i) => {
      if (crosses(d)) parts.push([]);
      parts.at(-1)!.push(list[i + 1]!);
    });
    for (const part of parts)
      if (!part.some((x) => x.named))
        for (const x of part) if (!x.named) lines.set(x.line, crossing ? null : unread!);
  }
  return lines;
}

/** Whether a month cell names a year other than `year` (2023年11月 beside 2024). */
const namesOtherYear = (month: string, year: string) => {
  const own = monthOf(month);
  return own !== null && !own.startsWith(`${year}-`);
};

/** A row's month as YYYY-MM (its month cell, with its year), or null. */
export const rowMonth = (row: string[], p: Plan): string | null =>
  p.month === null
    ? null
    : monthWithYear(
        cellAt(row, p.month),
        rowYear(row, p),
        p.yearColumn != null,
        p.yearColumn != null || p.bareMonths === true,
      );

/** The county code and month of a row, or why none of its values can be used (its county, else its month). */
export function rowKey(
  county: CountyLookup,
  rawCounty: string,
  rawMonth: string,
  /** the year of the file's title or of the row's 年份 cell, for a month cell that names none */
  year?: string,
  /** whether the year is the row's own (a 年份 column) */
  ownYear = false,
  /** whether a month cell may be the month's number alone (beside a 年份 column, or under 月份) */
  bare = ownYear,
): { code: string; month: string } | Fault {
  const c = county(rawCounty);
  if ('reason' in c) return { field: 'county', raw: rawCounty, reason: c.reason };
  const month = monthWithYear(rawMonth, year, ownYear, bare);
  if (!month)
    return {
      field: 'month',
      raw: rawMonth,
      reason: monthFault(rawMonth),
    };
  return { code: c.code, month };
}

/** A cell of a number and a text after it (120万元, 12 万件, 12%): the two, for checkValue to read as a unit. */
export const unitInCell = (raw: string) => {
  const m = /^(.*\d)\s*([^\d\s.,，]+)$/.exec(raw.trim());
  return m ? { number: m[1]!, text: m[2]! } : null;
};

/**
 * A value's metric and its value in the metric's unit, or the first check it fails, in order: the metric is known,
 * the cell is not empty, is a number, is not negative, its unit converts, and a count is whole once converted.
 */
export function checkValue(v: Value): { metric: Metric; value: number } | Fault {
  const metric = metricCached(v.name);
  if (!metric) return { field: 'metric', raw: v.name, reason: 'unknown_metric' };
  if (v.raw === '') return { field: 'value', raw: v.raw, reason: 'missing_value' };
  // a number with its unit written after it, in the cell (120万元, 12万件) or by a workbook's number format (12
  // shown as 12万件): the number in that unit, joined with the column's (元 beside 万元 is bad_unit); a text that is
  // no unit (12%, 0"万") leaves it no number
  const shown = shownWithText(v.raw) ?? unitInCell(v.raw);
  if (shown && unitOf(shown.text) !== null) {
    // (the cell's unit its own, where the unit column's cell is empty: blank no more)
    const r = checkValue({ ...v, raw: shown.number, unit: joinUnits(v.unit, shown.text), blank: undefined });
    return 'reason' in r && r.field === 'value' ? { ...r, raw: v.raw } : r;
  }
  const value = parseValue(v.raw);
  // (—, /, 无: no figure given, which is no number either)
  if (value === null)
    return { field: 'value', raw: v.raw, reason: NO_DATA.test(v.raw) ? 'no_data' : 'not_a_number' };
  if (value < 0) return { field: 'value', raw: v.raw, reason: 'negative_value' };
  // (the digits counted only in a cell long enough to hold sixteen)
  if (v.raw.length > 15 && significantDigits(v.raw) > 15)
    return { field: 'value', raw: v.raw, reason: 'too_many_digits' };
  const factor = v.blank ? null : factorOf(metric, v.unit, v.name);
  if (factor === null)
    return { field: 'unit', raw: v.unit, reason: v.unit === '' ? 'missing_unit' : 'bad_unit' };
  // money to the fen; counts whole, decided on the converted value (1.25 万件 = 12,500 parcels)
  const converted = convert(metric, value, factor);
  if (converted === null) return { field: 'value', raw: v.raw, reason: 'not_whole' };
  return { metric, value: converted };
}

/**
 * One metrics file through stage 1: its encoding sniffed, its records read one by one and each counted as blank,
 * header, unit or data row, the data rows staged, and the file's summary; or the file refused with the reason.
 */

import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CumulativeCheck, type FileSummary, newSummary, refuse } from './accounting.ts';
import {
  builtStations,
  headlessColumns,
  headlessName,
  isColumnHeader,
  isCountyHeader,
  type Mapping,
  mappedRole,
  NOT_MONTHLY,
  type Plan,
  type PlanError,
  planColumns,
} from './columns.ts';
import { decodeChunks, type Encoding, sniffEncoding } from './decode.ts';
import { type Duck, dropRows, fastPlan, stageRows } from './fast.ts';
import {
  addUnits,
  type Heading,
  isFooterNote,
  isHeadingRow,
  newHeading,
  noteUnits,
  readHeadingRow,
  readSheetName,
  settle,
  TOWNSHIP_COLUMN,
} from './heading.ts';
import { type CountyLookup, metricCached, monthOf, monthWithYear } from './lookups.ts';
import { ascii, headerCell, isPeriod, parseValue } from './parse.ts';
import { BUILT_STATIONS, builtElsewhereWording } from './reasons.ts';
import { readRecords } from './records.ts';
import {
  isSynthetic,
  isTotal,
  listWay,
  noteFraction,
  type RowContext,
  rowMonth,
  scaledCount,
  stageRow,
  unsettledMonths,
} from './rows.ts';
import { hiddenPlace, type Merge, type Sheet, storedYears } from './sheet.ts';
import { type Hindsight, newHindsight, reject, type Sink, type StagingFile } from './staging.ts';
import {
  applyUnits,
  isUnitLabelled,
  joinUnits,
  refuseUnitRow,
  takeUnitRow,
  type UnitRowRefusal,
  unitsOf,
  unitsOverColumns,
} from './units.ts';
import { METRIC_INFO, metricOf, noteUnitFor, splitUnit, unitOf } from './vocabulary.ts';

/**
 * A 累计 column with the 本月 column it sums (by index), and the unit its header gives (a two-row header's: the
 * metric's cell spanning both), for telling whether the two are in one unit.
 */
interface CumulativePair {
  monthly: number;
  total: number;
  unit: string;
}

/** What reading a file has found so far, passed from record to record. */
interface FileState {
  sink: Sink;
  county: CountyLookup;
  /** the line of the header and its plan, once read */
  header: { line: number; plan: Plan | PlanError } | null;
  /** the header's cells as written (a name given twice, twice): a second header row is joined to these */
  written: string[];
  /** a column's name in messages: its letter in a sheet (F), its number in a CSV (5) */
  columnName: (index: number) => string;
  /** what staging a data row needs, once the header is planned */
  rows: RowContext | null;
  /** whether the next record that is not blank may be a row of units */
  unitSlot: boolean;
  /** why the row under the header, a unit row, cannot be used: the file is refused */
  refusal: UnitRowRefusal | null;
  /** what the title and note rows above the header say: the unit, the year, the county and month (heading.ts) */
  heading: Heading;
  /**
   * rows under the data that may be the title and note rows of a table stacked under it (东港市…月报, 单位：万件),
   * held until the next row shows whether they are (a header follows) or not (data follows: they are data rows)
   */
  recent: { row: string[]; at: number; terminated: boolean }[];
  /** a row of years above the header (2022年 | | | 2023年), for the month columns under them */
  yearsAbove?: { row: string[]; at: number };
  /** rows of units above the header (,,万元,万件), each unit its column's, checked and applied at the header */
  unitsAbove: { row: string[]; at: number }[];
  /** the county and month the heading settles, for a header (and its second row) without their columns */
  above: ReturnType<typeof settle> | Record<string, never>;
  /** the file's mapping sidecar, and the name it has or would have */
  mapping: { columns: Mapping; name: string; county?: string } | null;
  /** the units of the row of units under the header, by column */
  units: string[];
  /** the 累计 columns of a two-row header, with the 本月 column each sums and the rows read */
  cumulative: (CumulativePair & {
    rows: {
      county: string;
      month: string;
      monthly: number | null;
      total: number | null;
      line: number;
      synthetic: boolean;
    }[];
  })[];
  /** the tables above the last, when tables are stacked: their 累计 checks, each with its 本月 column */
  closed: { check: CumulativeCheck; monthly: string }[];
  /** the line of the header of the table being read; a header repeated on each page goes on with its table's */
  table?: number;
  /** set when only the records above the data are read (stageFileFast): the line of the first data row */
  stopAtData?: { line: number | null };
}

/**
 * A title or a note, not a header or data: a record with one non-empty cell that is not a number (a title merged
 * across the sheet), or two or more that are all labelled (填报单位：…, 填报日期：…; 单位负责人：… 填表人：… 联系电话：…).
 */
const isNote = (row: string[]) => {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  if (cells.length === 1) return !/^[\d.,\-+]+$/.test(cells[0]!);
  return cells.length >= 2 && cells.every((c) => /[:：]/.test(c));
};

/**
 * Stages the values of one file into its staging files and returns its summary; a file that cannot be read, has no
 * header naming its county and month columns, or has a unit row that cannot be used is refused (summary.error).
 */
export async function stageFile(
  path: string,
  file: string,
  county: CountyLookup,
  accepted: StagingFile,
  rejected: StagingFile,
  /** the file's mapping sidecar (data/metrics/<file>.yaml), and its name: offered by name when a header needs one */
  mapping: FileState['mapping'] = { columns: {}, name: sidecarOf(file) },
  hindsight: Hindsight = newHindsight(),
): Promise<FileSummary> {
  const summary = newSummary(file);
  // the file is read in chunks and decoded as it goes; papaparse gets the text as a stream, row by row
  let encoding: Encoding;
  try {
    encoding = await sniffEncoding(path);
  } catch (e) {
    return refuse(summary, 'unreadable_file', (e as Error).message);
  }
  summary.encoding = encoding;
  const state = newState({ file, summary, accepted, rejected, hindsight }, county, mapping);
  const error = await readRecords(path, encoding, (row, at, terminated) =>
    classify(state, row, at, terminated),
  );
  if (error !== null) return refuse(summary, 'unreadable_file', error);
  return finish(state);
}

/**
 * Stages one CSV file as stageFile does, its data rows read in DuckDB (fast.ts): the records above the data (title,
 * notes, header, unit row) are read here, then the lines from the first data row in SQL. Null when the file is not
 * for that path (no data row, a refusal, a delimiter other than the comma, a two-row header, one column per month
 * or per county, a county or month named only above the header, a 年份 column, a 代码 column that may number
 * indicators, a header repeated below (stacked tables), records that are not lines): the caller reads it with
 * stageFile, from its start. Nothing is staged before the
 * path is taken.
 */
export async function stageFileFast(
  path: string,
  file: string,
  county: CountyLookup,
  accepted: StagingFile,
  rejected: StagingFile,
  mapping: FileState['mapping'],
  duck: Duck,
  tmp: string,
): Promise<FileSummary | null> {
  const summary = newSummary(file);
  let encoding: Encoding;
  try {
    encoding = await sniffEncoding(path);
  } catch {
    return null;
  }
  summary.encoding = encoding;
  const state = newState({ file, summary, accepted, rejected }, county, mapping);
  state.stopAtData = { line: null };
  const meta = { delimiter: '' };
  const error = await readRecords(
    path,
    encoding,
    (row, at, terminated) => classify(state, row, at, terminated),
    meta,
  );
  const line = state.stopAtData.line;
  if (error !== null || line === null || !state.rows || state.refusal || state.cumulative.length > 0)
    return null;
  if (meta.delimiter !== ',' || !fastPlan(state.rows.plan)) return null;
  let utf8 = path;
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    // DuckDB reads UTF-8: the file decoded as it is read, lines kept (its BOM is above the data)
    utf8 = join(tmp, `decoded-${basename(path)}`);
    try {
      await pipeline(Readable.from(decodeChunks(path, encoding)), createWriteStream(utf8));
    } catch {
      return null;
    }
  }
  const counts = await stageRows(duck, {
    path: utf8,
    file,
    dataLine: line,
    plan: state.rows.plan,
    header: state.rows.header,
    county: state.rows.county,
  });
  if (!counts) return null;
  // the first data row was counted as a record when the reading stopped at it
  summary.records += counts.records - 1;
  summary.blankRows += counts.blankRows;
  summary.titleRows += counts.titleRows;
  summary.notes.push(...counts.notes);
  summary.totalRows += counts.totalRows;
  summary.rows += counts.rows;
  summary.values += counts.values;
  summary.rowsWithoutValues += counts.rowsWithoutValues;
  summary.accepted += counts.accepted;
  summary.rejected += counts.rejected;
  if (counts.headless.length) state.rows.headlessUsed = new Set(counts.headless);
  state.stopAtData = undefined;
  summary.readBy = 'duckdb';
  const done = finish(state);
  // a file refused after all contributes nothing but its refusal (stageOne), its rows in DuckDB included
  if (done.error) await dropRows(duck, file);
  return done;
}

/**
 * A second header row's words: the month's value (本月, 当月, 本期, or the month named: 3月), a running sum (累计,
 * 本年累计, 1-3月, 1-本月), and figures not imported (上年同期, 同比增长（%）, a quarter's: 一季度, 本季).
 */
const MONTHLY_SUB = /^(?:本月数?|当月数?|本期数?|\d{1,2}月份?数?)$/;
const CUMULATIVE_SUB =
  /^(?:累计数?|本年累计数?|自年初累计数?|\d{1,2}[-–—－~～至]\d{1,2}月份?(?:累计)?数?|1[-–—－~～至]本月(?:累计)?数?)$/;
const OTHER_SUB =
  /^(?:(?:上年|去年)同(?:期|月)数?|(?:比上年|比去年同[期月])?(?:同比|环比)?(?:增长|增减|增幅|增速|±)(?:率|幅度)?[(（]?%?[)）]?|[同环]比[(（]?%?[)）]?|(?:占比|比重|排名|位次|名次)[(（]?%?[)）]?|第?[一二三四1-4]季度?(?:累计)?数?|本季度?数?|1[-–—－~～至]本季(?:累计)?数?)$/;
/** A total's own figure under its metric (总额, 合计), and a part of it (其中：农产品 under 网络零售额). */
const WHOLE_SUB = /^(?:总额|总量|合计|总计|小计)$/;
const PART_SUB = /^其中[:：]?(.+)$/;
/** The figure under its metric (金额 | 同比%): 金额 a sum's (of yuan), 数量 a count's, 数值 or 绝对数 either. */
const FIGURE_SUB = /^(?:金额|数量|数值|绝对值|绝对数)$/;
const isBareSubWord = (c: string) =>
  MONTHLY_SUB.test(c) ||
  CUMULATIVE_SUB.test(c) ||
  OTHER_SUB.test(c) ||
  WHOLE_SUB.test(c) ||
  PART_SUB.test(c) ||
  FIGURE_SUB.test(c);
/** A second header row's cell as its word and the unit in brackets after it (本月（万元） → 本月, 万元; 本月 → 本月). */
const subParts = (c: string) => {
  const { name, unit } = splitUnit(c);
  return unit && unitOf(unit) !== null && isBareSubWord(name) ? { word: name, unit } : { word: c, unit: '' };
};
const isSubWord = (c: string) => isBareSubWord(subParts(c).word);
/** Whether a figure word is the figure of the metric over it: 金额 of 网络零售额, 数量 of 快递业务量, not across. */
const figureOf = (sub: string, top: string) => {
  const metric = FIGURE_SUB.test(sub) ? metricOf(splitUnit(top).name) : null;
  if (metric === null) return false;
  const yuan = METRIC_INFO[metric].unit === 'yuan';
  return sub === '金额' ? yuan : sub === '数量' ? !yuan : true;
};
/** A second header row: every non-empty cell such a word, and no two months named (1月 | 2月 | 3月 is no 本月). */
const isSubHeader = (row: string[]) => {
  const cells = row.map((c) => subParts(c.replace(/\s/g, '')).word).filter(Boolean);
  const months = new Set(cells.filter((c) => /^\d{1,2}月/.test(c) && MONTHLY_SUB.test(c)));
  return cells.length > 0 && cells.every(isSubWord) && months.size <= 1;
};
/** A header whose metrics are under it: 本月 | 累计 on top, a metric's name under them in the next row. */
const periodsOnTop = (header: string[], row: string[], p: Plan) =>
  header.some((h) => MONTHLY_SUB.test(subParts(h.replace(/\s/g, '')).word)) &&
  [p.county, p.month].every((i) => i === null || (row[i] ?? '').trim() === '') &&
  header.some(
    (h, i) => isSubWord(h.replace(/\s/g, '')) && metricOf(splitUnit(ascii(row[i] ?? '')).name) !== null,
  );

/**
 * Metrics under a label spanning them: 电子商务主要指标 over 网络零售额（万元） | 快递业务量（万件）. Every cell of the
 * row that is not empty names a metric, under a header cell (or the one spanning it from the left) that names none,
 * and the row's county and month cells are empty.
 */
const metricsUnderLabel = (header: string[], row: string[], p: Plan) => {
  if (![p.county, p.month].every((i) => i === null || (row[i] ?? '').trim() === '')) return false;
  const names = (c: string) => metricOf(splitUnit(headerCell(c)).name) !== null;
  let top = '';
  let found = false;
  for (let i = 0; i < header.length; i++) {
    if ((header[i] ?? '').trim()) top = header[i]!;
    const cell = (row[i] ?? '').trim();
    if (!cell) continue;
    if (!names(cell) || names(top)) return false;
    found = true;
  }
  return found;
};

/** A row of column letters: 甲, 乙, 丙… and column numbers 1, 2, 3…, at least one letter. */
const isLettersRow = (row: string[]) => {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  return (
    cells.some((c) => /^[甲乙丙丁戊己庚辛壬癸]$/.test(c)) &&
    cells.every((c) => /^(?:[甲乙丙丁戊己庚辛壬癸]|\d{1,2})$/.test(c))
  );
};

/** A metric's header without its unit: 网络零售额（万元） → 网络零售额. */
const nameOnly = (h: string) => h.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');

/** Whether a metric's name is a flow, summed over months: a stock (运营村级服务站) has no running sum to check. */
const isFlow = (name: string) => {
  const metric = metricOf(splitUnit(name).name);
  return metric !== null && METRIC_INFO[metric].kind === 'flow';
};

/** A period written before or after a metric's name in one header cell: 本月网络零售额, 网络零售额（累计）. */
const PERIOD_WORD = String.raw`本年累计|自年初累计|累计|1[-–—－~～至](?:\d{1,2}|本)月份?(?:累计)?|本月|当月|本期`;
const PERIOD_BEFORE = new RegExp(`^(${PERIOD_WORD})数?(.+)$`);
const PERIOD_AFTER = new RegExp(`^(.+?)[(（]?(${PERIOD_WORD})数?[)）]?$`);

/**
 * A header of one row that names each metric's month and running sum in its cells (本月网络零售额（万元） |
 * 累计网络零售额（万元）, 网络零售额（本月） | 网络零售额（累计）): the cells as a joined two-row header names them (the
 * month's cell as its metric, 网络零售额（万元）; the running sum's as 网络零售额累计), and each 累计 column of a flow
 * with the 本月 column of its metric, and the unit its own cell gives (whether the two are in one unit is told when
 * the table is closed, with its unit row and note: closeTable). A cell whose name without the period is no metric,
 * or which the mapping sidecar names, is left as written.
 */
function periodHeader(
  cells: string[],
  /** whether the mapping sidecar names a cell: it is read as the sidecar says, as written */
  mapped: (cell: string, index: number) => boolean,
): { names: string[]; pairs: CumulativePair[] } {
  const read = cells.map((cell, index) => {
    const unread = { name: cell, metric: null, unit: '', total: false, bare: '' };
    if (mapped(cell, index)) return unread;
    // (网络零售额（累计）: the bracket holds the period, not a unit; 网络零售额（万元）（本月）: the unit, then the period)
    const split = splitUnit(cell);
    const { name, unit } = unitOf(split.unit) === null ? { name: cell, unit: '' } : split;
    const before = PERIOD_BEFORE.exec(name);
    const m = before ?? PERIOD_AFTER.exec(name);
    if (!m) return unread;
    const [period, written] = before ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const inner = splitUnit(written);
    const [bare, ownUnit] =
      unit === '' && unitOf(inner.unit) !== null ? [inner.name, inner.unit] : [written, unit];
    const metric = metricOf(bare);
    return metric === null
      ? unread
      : { name: cell, metric, unit: ownUnit, total: CUMULATIVE_SUB.test(period), bare };
  });
  const names = read.map((r) =>
    r.metric === null ? r.name : r.total ? `${r.bare}累计` : r.unit ? `${r.bare}（${r.unit}）` : r.bare,
  );
  const pairs = read.flatMap((r, total) => {
    if (!r.total || r.metric === null || METRIC_INFO[r.metric].kind !== 'flow') return [];
    const monthly = read.findIndex(
      (m, i) => i !== total && !m.total && metricOf(splitUnit(names[i]!).name) === r.metric,
    );
    return monthly === -1 ? [] : [{ monthly, total, unit: r.unit }];
  });
  return { names, pairs };
}

/**
 * A second header row's month (3月) that is not the month the rows above name (丹东市2023年4月…): which is the
 * data's cannot be told, and the file is refused, naming both.
 */
function subMonthDisagrees(s: FileState, row: string[]): { error: string } | null {
  const named = row
    .map((c) => /^(\d{1,2})月份?数?$/.exec(subParts(c.replace(/\s/g, '')).word)?.[1])
    .find(Boolean);
  const given = s.above.month;
  if (!named || !given) return null;
  const month = monthWithYear(given.raw, [...s.heading.years][0]);
  return month && Number(month.slice(5)) !== Number(named)
    ? { error: `the second header row says ${named}月, the rows above ${given.raw} (line ${given.line})` }
    : null;
}

/**
 * Joins a second header row to the first: a metric's header spans its 本月 and 累计 columns (the cell to the right
 * is empty, as a merged cell saves), the 本月 column is the metric, a 累计 column, the running sum, is named
 * 网络零售额累计 and not read (it is reported as a column not imported), and so are the others (网络零售额上年同期,
 * 网络零售额同比增长（%）). Or 本月 and 累计 span the metrics under them, named the same way.
 */
function joinHeader(s: FileState, row: string[], underLabel = false): boolean {
  const ctx = s.rows!;
  s.sink.summary.headerRows++;
  let top = '';
  // each column's unit as its metric's cell gives it: the cell spanning it above, or its own below 本月 | 累计
  const units: string[] = [];
  const joined = s.written.map((h, i) => {
    const cell = (row[i] ?? '').replace(/\s/g, '');
    // (本月（万元） under 网络零售额: 本月, its unit the column's)
    const { word: sub, unit: subUnit } = subParts(cell);
    if (h) top = h.replace(/\s/g, '');
    // (本月（万件） on top, over 快递业务量: 本月, its unit the column's)
    const { word: topWord, unit: topUnit } = subParts(top);
    units[i] = subUnit || topUnit || splitUnit(isSubWord(top) || underLabel ? cell : top).unit;
    if (!cell) return h;
    // (a metric under a label spanning it: the metric, its unit its own)
    if (underLabel) return headerCell(row[i] ?? '');
    if (isSubWord(top)) {
      const under = topUnit ? `${nameOnly(cell)}（${joinUnits(splitUnit(cell).unit, topUnit)}）` : cell;
      return MONTHLY_SUB.test(topWord)
        ? under
        : `${nameOnly(cell)}${CUMULATIVE_SUB.test(topWord) ? '累计' : topWord}`;
    }
    const withUnit = (name: string) =>
      subUnit ? `${nameOnly(name)}（${joinUnits(splitUnit(name).unit, subUnit)}）` : name;
    if (MONTHLY_SUB.test(sub) || WHOLE_SUB.test(sub) || figureOf(sub, top)) return withUnit(top);
    // (其中：农产品 under 网络零售额（万元） is 农产品网络零售额（万元）, which the vocabulary names, or a column not
    // imported)
    const part = PART_SUB.exec(sub)?.[1];
    if (part) {
      const { name, unit: topUnit } = splitUnit(top);
      const whole = part.endsWith(name) ? part : `${part}${name}`;
      const unit = joinUnits(topUnit, subUnit);
      return unit ? `${whole}（${unit}）` : whole;
    }
    return `${nameOnly(top)}${CUMULATIVE_SUB.test(sub) ? '累计' : sub}`;
  });
  // (a county over its 本月 and 累计 columns: one column per county, 东港市 its 本月, 东港市累计 not imported)
  const countyColumns = countyColumnsOf(joined, ctx.county);
  const plan =
    subMonthDisagrees(s, row) ??
    planColumns(joined, s.mapping, { ...s.above, countyColumns, elsewhere: s.sink.hindsight?.elsewhere });
  s.header = { line: s.header!.line, plan };
  // (a joined header without its county and month refuses the file, naming what it found: finish)
  if ('error' in plan) return false;
  const withYear = { ...plan, year: ctx.plan.year };
  s.rows = {
    ...ctx,
    header: distinctNames(joined, s.columnName),
    plan: withUnits(withYear, s.heading.units),
  };
  // each 累计 column with the 本月 column it sums (the column of the same metric), for the running-sum check at
  // the end of the file
  s.cumulative = joined.flatMap((h, i) => {
    if (!h.endsWith('累计')) return [];
    const monthly = joined.findIndex((m) => !m.endsWith('累计') && m !== '' && `${nameOnly(m)}累计` === h);
    return monthly === -1 || !isFlow(nameOnly(joined[monthly]!))
      ? []
      : [{ monthly, total: i, unit: units[i] ?? '', rows: [] }];
  });
  unitOfTotals(s);
  return true;
}

/**
 * A 累计 column stating a unit (快递业务量累计（万件）) beside a 本月 column of a count stating none: the months are
 * surely in it too, which the report does not say, so the count's numbers given without a unit are unit_not_stated
 * (Hindsight), as where a fraction shows it.
 */
function unitOfTotals(s: FileState) {
  const ctx = s.rows;
  if (!ctx) return;
  const line = s.header?.line ?? 0;
  for (const c of s.cumulative) {
    const m = ctx.plan.metrics.find((x) => x.index === c.monthly);
    const unit = joinUnits(c.unit, s.units[c.total] ?? '');
    const metric = m && !m.unit && unit && scaledCount(m.name) ? metricCached(m.name) : null;
    if (metric && s.sink.hindsight && !s.sink.hindsight.unitNotStated.has(metric)) {
      const column = ctx.header[c.total]!;
      s.sink.hindsight.unitNotStated.set(metric, { line, column, raw: column, total: true });
    }
  }
}

/**
 * Each 累计 column against the running sum of its 本月 column, per county and year, in month order: where they
 * differ, a check naming the line, what the report says and what its months add up to (the values are still
 * read from 本月; the 累计 column is not imported).
 */
function cumulativeChecks(s: FileState): CumulativeCheck[] {
  const ctx = s.rows;
  if (!ctx || ctx.plan.month === null) return [];
  const out: CumulativeCheck[] = [];
  for (const c of s.cumulative) {
    const byKey = new Map<
      string,
      { county: string; month: string; monthly: number; total: number; line: number; synthetic: boolean }[]
    >();
    for (const r of c.rows) {
      // (the row's month as YYYY-MM, its year from the title or a 年份 column: rowMonth)
      const month = r.month;
      if (!month || r.monthly === null || r.total === null) continue;
      const key = `${r.county}|${month.slice(0, 4)}`;
      byKey.set(key, [
        ...(byKey.get(key) ?? []),
        { county: r.county, month, monthly: r.monthly, total: r.total, line: r.line, synthetic: r.synthetic },
      ]);
    }
    for (const list of byKey.values()) {
      let sum = 0;
      // a running sum is known only from January on, month after month: a report of March alone, or February and
      // March, is not checked (its 累计 counts months the file does not hold)
      let next = 1;
      for (const r of list.sort((a, b) => a.month.localeCompare(b.month))) {
        if (Number(r.month.slice(5, 7)) !== next++) break;
        sum += r.monthly;
        if (Math.abs(sum - r.total) > 1e-9 * Math.max(1, Math.abs(sum))) {
          const code = ctx.county(r.county);
          out.push({
            line: r.line,
            column: ctx.header[c.total]!,
            county_code: 'code' in code ? code.code : null,
            month: r.month,
            stated: r.total,
            computed: Math.round(sum * 1e6) / 1e6,
            synthetic: r.synthetic,
          });
        }
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** A cumulative check as the run prints it, naming the 本月 column it sums. */
const checkLine = (c: CumulativeCheck, monthly: string) =>
  `line ${c.line}: ${c.column} ${c.stated}, but ${monthly} adds up to ${c.computed} by ${c.month} / 第 ${c.line} 行累计数与各月之和不符`;

/**
 * The header's names as rejections and published values name their columns: a name given twice (快递业务量（万件）
 * in columns D and F) is told apart by its column, 快递业务量（万件）（第 D 列）, so that a rejection names its own
 * cell.
 */
function distinctNames(header: string[], columnName: (index: number) => string): string[] {
  const seen = new Map<string, number>();
  for (const h of header) if (h) seen.set(h, (seen.get(h) ?? 0) + 1);
  return header.map((h, i) => ((seen.get(h) ?? 0) > 1 ? `${h}（第 ${columnName(i)} 列）` : h));
}

/** The state of a file about to be read: nothing found yet. */
const newState = (sink: Sink, county: CountyLookup, mapping: FileState['mapping']): FileState => ({
  sink: { ...sink, unitless: new Set() },
  county,
  header: null,
  written: [],
  columnName: (i) => String(i + 1),
  rows: null,
  unitSlot: false,
  refusal: null,
  heading: newHeading(),
  above: {},
  recent: [],
  unitsAbove: [],
  mapping,
  cumulative: [],
  closed: [],
  units: [],
});

/**
 * Stages the rows of one sheet of a workbook (workbook.ts) as a CSV file's records are: `file` names the workbook
 * and the sheet (book.xlsx!Sheet1), each rejection its cell (Sheet1!C7).
 */
export function stageSheet(
  sheet: Extract<Sheet, { rows: unknown }>,
  file: string,
  county: CountyLookup,
  accepted: StagingFile,
  rejected: StagingFile,
  mapping: FileState['mapping'] = { columns: {}, name: sidecarOf(file) },
  hindsight: Hindsight = newHindsight(),
): FileSummary {
  const summary = newSummary(file);
  summary.encoding = 'xlsx';
  const state = newState({ file, summary, accepted, rejected, hindsight }, county, mapping);
  state.columnName = sheet.columnOf;
  // a sheet's name may name its county or month (a workbook with a sheet per county, or per month)
  readSheetName(state.heading, sheet.name, county);
  state.sink.cellOf = (line, column) => {
    const i = state.rows?.header.indexOf(column) ?? -1;
    return i < 0 ? null : `${sheet.name}!${sheet.columnOf(i)}${line}`;
  };
  // a cell merged down its column from a data row (a county over the rows of its metrics, a month over two
  // counties) gives its value to each row it spans, as Excel shows it; a merged header or title is not spread
  const tops = new Map<number, Merge[]>();
  for (const m of sheet.merges ?? []) tops.set(m.top, [...(tops.get(m.top) ?? []), m]);
  // a value merged over several rows or columns (a quarter's figure over its three months) is none of theirs: its
  // top left cell is rejected (rows.ts), the others are empty; not one merged across columns under one header cell
  // (a form's layout: 快递业务量 over C:D, each value over C:D too)
  const merged = new Map<string, Merge>();
  for (const m of sheet.merges ?? []) merged.set(`${m.top}:${m.column}`, m);
  state.sink.mergedOver = (line, column) => {
    const m = merged.get(`${line}:${state.rows?.header.indexOf(column) ?? -1}`);
    if (!m) return null;
    const headed = state.written.slice(m.column, m.right + 1).filter((h) => h.trim() !== '').length;
    if (m.bottom === m.top && headed <= 1) return null;
    return `${sheet.columnOf(m.column)}${m.top}:${sheet.columnOf(m.right)}${m.bottom}`;
  };
  // a value in a row or column the sheet hides is no part of the report as shown, as a hidden sheet is none
  const hiddenRows = new Set(sheet.hidden?.rows);
  const hiddenColumns = new Set(sheet.hidden?.columns);
  if (hiddenRows.size || hiddenColumns.size)
    state.sink.hiddenAt = (line, column) => {
      const i = state.rows?.header.indexOf(column) ?? -1;
      if (hiddenRows.has(line)) return hiddenPlace(true, String(line));
      return hiddenColumns.has(i) ? hiddenPlace(false, sheet.columnOf(i)) : null;
    };
  // (a month shown without the year it stores: read in the title's year unless the stored one is its own, sheet.ts)
  if (sheet.yearless?.length) state.sink.storedYear = storedYears(sheet.yearless, merged);
  const spread = new Map<number, { bottom: number; value: string }>();
  for (const { row, at } of sheet.rows) {
    for (const [column, m] of spread)
      if (at > m.bottom) spread.delete(column);
      else if ((row[column] ?? '') === '') row[column] = m.value;
    const rows = state.sink.summary.rows;
    if (!classify(state, row, at, true)) break;
    const merges = tops.get(at);
    // (a row held as a stacked table's title may yet be a data row)
    if (!merges || (state.sink.summary.rows === rows && state.recent.at(-1)?.at !== at)) continue;
    // only the cells that say whose and which a value is (county, month, metric, unit): a value merged over
    // three months (a quarter's) is not three months' values
    const p = state.rows?.plan;
    const keys = new Set([p?.county, p?.month, p?.metric, p?.unit]);
    for (const m of merges)
      if (keys.has(m.column) && m.right === m.column)
        spread.set(m.column, { bottom: m.bottom, value: row[m.column] ?? '' });
  }
  return finish(state);
}

/** Counts a record as blank, header, unit or data row, and stages a data row; false stops the file. */
function classify(s: FileState, row: string[], at: number, terminated: boolean): boolean {
  const { summary } = s.sink;
  summary.records++;
  if (row.every((c) => c.trim() === '')) {
    summary.blankRows++;
    return true;
  }
  if (!s.header) return takeHeader(s, row, at);
  const ctx = s.rows;
  if (!ctx) return false;
  // a note right under the header (填报单位：…) is a note, not a row of units; a row with two or more cells
  // labelled as units (单位：万元, 单位：万件) is a row of units
  const unitLabels = row.filter(isUnitLabelled).length;
  if (s.unitSlot && isNote(row) && /[:：]/.test(row.join('')) && unitLabels < 2) {
    // (单位：万件 there gives its unit as it would above the header)
    if (addUnits(s.heading, row)) ctx.plan = withUnits(ctx.plan, s.heading.units);
    return note(s, row, at);
  }
  // a row of column letters under the header (甲 | 乙 | 丙 | 1 | 2, as statistics-office forms print one)
  if (s.unitSlot && isLettersRow(row)) {
    summary.headerRows++;
    return true;
  }
  // a second header row (本月 / 累计 under each metric) is joined to the first
  if (s.unitSlot && (isSubHeader(row) || periodsOnTop(s.written, row, ctx.plan))) return joinHeader(s, row);
  if (s.unitSlot && metricsUnderLabel(s.written, row, ctx.plan)) return joinHeader(s, row, true);
  // the first record after the header that is not blank may be a row of units
  if (s.unitSlot) {
    s.unitSlot = false;
    const unitRow = takeUnitRow(row, at, ctx.header, ctx.plan);
    if (unitRow === 'units') {
      summary.unitRows++;
      s.units = unitsOf(row);
      return true;
    }
    if (unitRow !== 'data') {
      s.refusal = unitRow;
      return false;
    }
  }
  if (s.stopAtData) {
    s.stopAtData.line = at;
    return false;
  }
  // cheap tests first: most rows are data, and a million of them pass here
  // a second table stacked under the first: its header (县区 again in the county column, or the month or metric
  // column of a table without one, as written or in full-width brackets) starts it, under the title and note rows
  // just above it
  const key = ctx.plan.county ?? ctx.plan.month ?? ctx.plan.metric;
  const keyCell = key === null ? '' : (row[key] ?? '').trimStart();
  if (
    key !== null &&
    (keyCell.charAt(0) === s.written[key]?.charAt(0) ||
      (key === ctx.plan.county && COUNTY_HEADER_START.test(keyCell))) &&
    isHeaderAgain(s, row, key, key === ctx.plan.county)
  )
    return restartTable(s, row, at);
  // a title or note of the next table, held until the next row shows whether it is one (cheap test first)
  if ((row.length < 2 || (row[1] ?? '').trim() === '') && isNote(row)) {
    s.recent.push({ row, at, terminated });
    return true;
  }
  for (const r of s.recent.splice(0)) dataRow(s, ctx, r.row, r.at, r.terminated);
  dataRow(s, ctx, row, at, terminated);
  return !s.refusal;
}

/** Counts and stages a row under the header: a footnote, a totals row or a data row. */
function dataRow(s: FileState, ctx: RowContext, row: string[], at: number, terminated: boolean): void {
  const { summary } = s.sink;
  const first = (row[0] ?? '').trimStart();
  const c = ctx.plan.county;
  const place = c === null ? '' : (row[c] ?? '').trimStart();
  // (a note giving a unit, 注：快递业务量单位：万件 or 单位：万件 alone, may refuse the file: unitBelow)
  if ((isFooterNote(first, ctx.plan.metric) || noteUnits(row).length > 0) && isNote(row)) {
    if (!unitBelow(s, ctx, row, at)) note(s, row, at);
    return;
  }
  // (in the county column, the first, or, in a county's report without a county column, the month column: 累计
  // under 1月, 2月; beside a county, 1-3月累计 is a period, rejected)
  const month = ctx.plan.month === null || c !== null ? '' : (row[ctx.plan.month] ?? '');
  if (isTotal(place) || isTotal(first) || isTotal(month)) {
    summary.totalRows++;
    return;
  }
  summary.rows++;
  stageRow(ctx, row, at, terminated);
  ctx.headless ??= headlessColumns(ctx.plan, ctx.header);
  for (const i of ctx.headless)
    if ((row[i] ?? '').trim() !== '') {
      ctx.headlessUsed ??= new Set();
      ctx.headlessUsed.add(i);
    }
  for (const c of s.cumulative) {
    // (a 累计 cell with a fraction, 28.5, of a count with no unit stated: its 本月 cells are in that unit too)
    const m = ctx.plan.metrics.find((x) => x.index === c.monthly);
    const total = parseValue(row[c.total] ?? '');
    if (m && !m.unit && !c.unit && !s.units[c.total] && total !== null && scaledCount(m.name))
      noteFraction(s.sink, m.name, total, { line: at, column: ctx.header[c.total]!, raw: row[c.total]! });
    c.rows.push({
      county:
        ctx.plan.county === null ? (ctx.plan.given?.county?.raw ?? '') : (row[ctx.plan.county] ?? '').trim(),
      month: rowMonth(row, ctx.plan) ?? '',
      monthly: parseValue(row[c.monthly] ?? ''),
      total,
      line: at,
      synthetic: isSynthetic(row, ctx.plan),
    });
  }
}

/**
 * Whether a note under the data gives a unit that values above it would take (values read with no unit, 12 under
 * 快递业务量, or with another unit a note above gave): which values it is for cannot be told, and read without it
 * 12 万件 would be 12 parcels, so the file is refused (unit_below_data).
 */
function unitBelow(s: FileState, ctx: RowContext, row: string[], at: number): boolean {
  const units = noteUnits(row);
  if (!units.length) return false;
  const unitFor = (name: string) => noteUnitFor(name, units);
  // (values read with no unit at all, and columns whose unit a note above gave, if this one gives another)
  const open =
    [...(ctx.unitless ?? [])].some((metric) => unitFor(metric) !== '') ||
    ctx.plan.metrics.some((m) => {
      // (a note naming the unit the note above gave, 注：快递单位为万件 under 单位：万件, says nothing new)
      const unit = m.noted ? unitFor(m.name) : '';
      return unit !== '' && unit.replace(/（.*$/, '') !== m.unit;
    });
  if (open)
    s.refusal = {
      reason: 'unit_below_data',
      detail: `line ${at}: “${row.filter((c) => c.trim()).join(' ')}” gives a unit (${units.map((u) => u.replace(/^[?!]/, '')).join('、')}) under the data, for values that give none`,
    };
  return open;
}

/** How a county column's header starts (县区, 区县代码, 地区, 单位名称, 行政区划代码, 填报单位, 代码, county…). */
const COUNTY_HEADER_START = /^[县区地单行填代cC]/;

/**
 * Whether a row is the header of a table stacked under the first: its cell in column `key` repeats the header's
 * (县（市、区）, 县区代码, or 月份 in a table without a county column), or, in the county column, names a county
 * column otherwise beside another column's header (县区 over the first, 县（市、区） | 快递业务量（万件） over the
 * second; not 填报单位 | 丹东市商务局); and no cell of it is a number (月份 | 110 is a data row with a month it cannot
 * read).
 */
const isHeaderAgain = (s: FileState, row: string[], key: number, county: boolean) => {
  const cell = headerCell(row[key] ?? '');
  const again =
    cell === s.written[key] ||
    (county && cell !== '' && isCountyHeader(cell) && row.some((c, i) => i !== key && isColumnHeader(c)));
  return again && !isNote(row) && row.every((c) => parseValue(c) === null);
};

/**
 * Starts a second table at its header, once the first is closed. Title and note rows just above it (its title,
 * 单位：万件, a row of years) are its own heading, and nothing of the first table's is carried over: 丹东市2024年…
 * names no month, whatever the first title named. A header repeated with none above it (as printed on each page)
 * goes on under the heading it repeats: its county, year, month and unit.
 */
function restartTable(s: FileState, row: string[], at: number): boolean {
  if (!closeTable(s)) return false;
  s.header = null;
  s.rows = null;
  s.cumulative = [];
  s.yearsAbove = undefined;
  s.unitsAbove = [];
  if (s.recent.length > 0) {
    s.heading = newHeading();
    s.table = undefined;
  }
  for (const r of s.recent.splice(0)) note(s, r.row, r.at);
  return takeHeader(s, row, at);
}

/**
 * What a table says once its rows are read: its columns not imported (rejections at its header) and its 累计
 * checks, kept for the file's summary.
 */
function closeTable(s: FileState): boolean {
  const ctx = s.rows;
  if (!ctx || !s.header) return true;
  // a title saying its figures are running sums (逐月累计), over a table with no month's own figure (本月)
  if (
    s.heading.cumulative &&
    s.cumulative.length === 0 &&
    !s.written.some((h) => /^(?:本月|当月|本期)/.test(h.replace(/\s/g, '')))
  ) {
    s.refusal = {
      reason: 'cumulative_only',
      detail: `the rows above the header say: ${s.sink.summary.notes.join(' ')}`,
    };
    return false;
  }
  const headless = [...(ctx.headlessUsed ?? [])].sort((a, b) => a - b).map(headlessName);
  // (a column without a header holding cells, beside the county a sidecar names, county: 东港市, may be the county
  // column, 凤城市 | 100, whose rows the sidecar's county would take: refused, the column to be named, 第 1 列: county)
  const sidecar = ctx.plan.given?.county?.from ? ctx.plan.given.county : undefined;
  if (sidecar && headless.length) {
    s.refusal = {
      reason: 'sidecar_county',
      detail: `${sidecar.from} names ${sidecar.raw}, and ${headless.join(', ')} holds cells: it may be a county column; name it in the sidecar (第 1 列: county, or its metric) or leave out county:`,
    };
    return false;
  }
  for (const u of [...ctx.plan.unknown, ...headless]) {
    const built = builtStations(u);
    const elsewhere = ctx.plan.builtElsewhere?.get(u);
    reject(
      s.sink,
      s.header.line,
      u,
      'column',
      'header',
      u,
      NOT_MONTHLY.test(u) || built ? 'not_imported' : 'unknown_column',
      elsewhere ? builtElsewhereWording(elsewhere, 'column') : built ? BUILT_STATIONS : undefined,
    );
    if (!s.sink.summary.ignoredColumns.includes(u)) s.sink.summary.ignoredColumns.push(u);
  }
  // a 累计 is compared with its months only in their unit: 2,100,000 元 is no 210 万元 to add up
  const monthlyUnit = (i: number) => ctx.plan.metrics.find((m) => m.index === i)?.unit ?? '';
  const same = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');
  // (nor in a unit the report does not state: 快递业务量 with no unit beside 12.5, its months unit_not_stated)
  const unstated = (name: string, unit: string) => {
    const metric = unit === '' ? metricCached(name) : null;
    return metric !== null && (s.sink.hindsight?.unitNotStated.has(metric) ?? false);
  };
  s.cumulative = s.cumulative.filter((c) => {
    const name = splitUnit(ctx.header[c.monthly] ?? '').name;
    const total = joinUnits(c.unit, s.units[c.total] ?? '') || noteUnitFor(name, s.heading.units);
    return same(total, monthlyUnit(c.monthly)) && !unstated(name, monthlyUnit(c.monthly));
  });
  const monthlyOf = new Map(s.cumulative.map((c) => [ctx.header[c.total]!, ctx.header[c.monthly]!]));
  for (const check of cumulativeChecks(s))
    s.closed.push({ check, monthly: monthlyOf.get(check.column) ?? '' });
  return true;
}

/** A row of years only: 2022年 | | | 2023年. */
const isYearsRow = (row: string[]) =>
  row
    .map((c) => c.trim())
    .filter(Boolean)
    .every((c) => /^(?:19|20)\d{2}\s*年度?$/.test(c));

/**
 * Counts a title or note row and keeps its text; above the header, reads what it says (a 单位：万元 note sets the
 * unit of columns that give none).
 */
function note(s: FileState, row: string[], at: number): boolean {
  const text = row
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' ');
  s.sink.summary.titleRows++;
  // (Excel's sep=, on the first line names the delimiter: no words of the report)
  if (at === 1 && /^sep=.?$/i.test(text) && row.slice(1).every((c) => c.trim() === '')) return true;
  s.sink.summary.notes.push(text);
  if (!s.header) {
    readHeadingRow(s.heading, row, at, s.county);
    if (isYearsRow(row)) s.yearsAbove = { row, at };
  }
  return true;
}

/**
 * Why a mapping sidecar's county (county: 东港市) cannot be the file's: a county column or columns (not a 代码 column
 * numbering indicators, 01, 02, under the county given), or a place the rows above name that is not that county
 * (凤城市…; 丹东市, a prefecture; 东港市、凤城市; 东港市城区, a part of it); null when it can (they name none, or only
 * that county).
 */
function sidecarConflict(s: FileState, plan: Plan, cells: string[]): string | null {
  if (plan.county !== null && !plan.codeOrAbove)
    return `and the header has a county column (${cells[plan.county]})`;
  if (plan.form === 'counties') return 'and the header has a column per county';
  const r = s.county(s.mapping!.county!);
  const own = 'code' in r ? r.code : null;
  // (a title's own county settles it only when its rows name nothing else: settle)
  const settled = s.above.county && !s.above.county.from;
  const other = s.heading.places.find((p) => p.code === null || p.code !== own || !settled);
  return other ? `and line ${other.line} names ${other.raw}` : null;
}

/** The header cells that are counties (指标 | 东港市 | 凤城市), for a table with one column per county. */
const countyColumnsOf = (cells: string[], county: CountyLookup) =>
  cells.flatMap((c, index) => (c && 'code' in county(c) ? [{ index, county: c }] : []));

/** Reads the first record that is not blank as the header; false (the file stops) when it names no county or month column. */
function takeHeader(s: FileState, row: string[], at: number): boolean {
  const cells = row.map(headerCell);
  // the county and month the rows above name, for a header without their columns
  s.above = s.heading.read > 0 ? settle(s.heading) : {};
  // the county a mapping sidecar names (county: 东港市), for a report whose rows above name none (我县…)
  const sidecarCounty = s.mapping?.county;
  if (sidecarCounty !== undefined && !s.above.county)
    s.above = {
      ...s.above,
      countyNamed: s.above.countyNamed ?? '',
      county: { raw: sidecarCounty, line: 0, from: s.mapping!.name },
    };
  // a short county name is read as a county of the places the title names (丹东市…: 凤城, not 广西's 凤山)
  const within = s.heading.places.flatMap((p) => (p.code ? [p.raw, p.code] : [p.raw])).join(' ');
  const county: CountyLookup = within ? (raw) => s.county(raw, within) : s.county;
  // header cells that are counties, for a table with a column per county
  const countyColumns = countyColumnsOf(cells, county);
  // 本月网络零售额 | 累计网络零售额: read as a two-row header's 本月 and 累计 columns, named as written in messages
  const period = periodHeader(cells, (c, i) => Boolean(mappedRole(s.mapping, c, i)));
  const planned = planColumns(period.names, s.mapping, {
    ...s.above,
    countyColumns,
    elsewhere: s.sink.hindsight?.elsewhere,
  });
  // (a header that cannot be read is named as written)
  let plan =
    'error' in planned
      ? planColumns(cells, s.mapping, { ...s.above, countyColumns, elsewhere: s.sink.hindsight?.elsewhere })
      : planned;
  if (!('error' in plan))
    plan = { ...plan, unknown: plan.unknown.map((u) => cells[period.names.indexOf(u)] ?? u) };
  // title and note rows above the header (某县2021年电子商务统计月报, 填报单位：… | 2023年3月 | 单位：万元), within the
  // first ten records: a row that is not a header, or whose cells read no value (单位：万元 under a title that names
  // the county and the month)
  // a row of units above the header (,,万元,万件), its units given to the columns under them at the header
  if ('error' in plan && unitsOverColumns(row) && s.sink.summary.records <= 10) {
    s.sink.summary.unitRows++;
    s.unitsAbove.push({ row, at });
    return true;
  }
  if (
    ('error' in plan || (plan.form === 'wide' && plan.metrics.length === 0)) &&
    isHeadingRow(row) &&
    s.sink.summary.records <= 10
  )
    return note(s, row, at);
  s.sink.summary.headerRows++;
  // a table of townships (a 乡镇 column, 各乡镇 in the title): a township's figure is no county's
  const township = cells.find((c) => TOWNSHIP_COLUMN.test(c.replace(/\s/g, '')));
  if (!('error' in plan) && (township || s.heading.townships)) {
    s.header = { line: at, plan };
    s.refusal = {
      reason: 'township_rows',
      detail: township
        ? `line ${at}: the column “${township}” names townships, not counties`
        : `the rows above the header say the table is of townships: ${s.sink.summary.notes.join(' ')}`,
    };
    return false;
  }
  // (a sidecar's county beside a county column, or another county the rows above name: neither is chosen)
  const conflict = !('error' in plan) && sidecarCounty !== undefined && sidecarConflict(s, plan, cells);
  if (conflict) {
    s.header = { line: at, plan: plan as Plan };
    s.refusal = {
      reason: 'sidecar_county',
      detail: `${s.mapping!.name} names ${sidecarCounty}, ${conflict}`,
    };
    return false;
  }
  if (!('error' in plan)) plan = withUnits(plan, s.heading.units);
  // (a cell of a unit row above that is no unit, 万人, or a row not as long as the header, refuses the file)
  if (!('error' in plan))
    for (const u of s.unitsAbove) {
      const refusal = refuseUnitRow(u.row, u.at, cells, new Set(plan.unknown));
      if (refusal) {
        s.header = { line: at, plan };
        s.refusal = refusal;
        return false;
      }
      applyUnits(plan, unitsOf(u.row));
    }
  // month columns that name no year (1月, 2月…) take a year from a row of years above them, a dated column to their
  // left, else the title (monthYears); without one they stay as written, and their values are rejected as
  // bad_month: the year is not guessed. A title naming two years (the programme's batch, 2019; the data's, 2023)
  // settles none
  const noteYear = s.heading.years.size === 1 ? [...s.heading.years][0]! : '';
  if (!('error' in plan) && plan.yearColumn == null)
    plan = { ...plan, ...monthYears(plan, noteYear, s.yearsAbove?.at === at - 1 ? s.yearsAbove.row : []) };
  // (a month header shown without the year it stores, read in another: its values are rejected as bad_month)
  const stored = s.sink.storedYear?.inRow;
  if (stored && !('error' in plan) && plan.form === 'months')
    plan = {
      ...plan,
      months: plan.months.map((m) => {
        const year = stored(at, m.index);
        const read = monthOf(m.month);
        return year && read && !read.startsWith(`${year}-`)
          ? { ...m, month: `${m.month}（单元格存为 ${year} 年）` }
          : m;
      }),
    };
  s.header = { line: at, plan };
  s.unitSlot = true;
  if ('error' in plan) return false;
  s.written = cells;
  if (s.table === undefined) s.table = at;
  s.rows = { ...s.sink, county, header: distinctNames(cells, s.columnName), plan, table: s.table };
  s.cumulative = period.pairs.map((p) => ({ ...p, rows: [] }));
  s.units = s.unitsAbove.reduce<string[]>(
    (units, u) => unitsOf(u.row).map((x, i) => joinUnits(units[i] ?? '', x)),
    [],
  );
  unitOfTotals(s);
  return true;
}

/**
 * The year of each month column that names none (1月): the year of a row of years right above the header, or of the
 * dated column to its left (2022年11月, 12月, 2023年1月, 2月), else, when no column names a year, the title's; else none
 * (its values are rejected as bad_month: the year is not guessed). The title's year goes to columns of no year only
 * as it does to a 月份 column's cells (rows.ts unsettledMonths): not on the far side of a crossing into another year
 * (11月, 12月 before 2024年1月; any of 11月, 12月, 1月 or of 12月, 1月: columns run oldest first), nor before a column
 * naming another year (1月, 2月 before 2024年3月 under a title naming 2023); those are marked unsettled.
 */
function monthYears(plan: Plan, titleYear: string, yearRow: string[]): Pick<Plan, 'months' | 'year'> {
  const yearIn = (m: string) => /((?:19|20)\d{2})(?:年|-)/.exec(m)?.[1];
  // a row of years right above the header (2022年 | | | 2023年): each year over the month columns to its right
  const over = (index: number) => {
    for (let i = index; i >= 0; i--) if (yearRow[i]?.trim()) return yearIn(`${yearRow[i]!.trim()}`);
    return undefined;
  };
  const numberOf = (m: string) =>
    Number(/(\d{1,2})\s*月|-(\d{2})(?:-|$)/.exec(m)?.slice(1).find(Boolean) ?? 0);
  let last: string | undefined;
  let previous = 0;
  // (the way the columns run: oldest first unless their steps say newest first, 2024年3月, 2月, 1月)
  const numbers = plan.months.filter((m) => !isPeriod(m.month)).map((m) => numberOf(m.month));
  const way = listWay(numbers.slice(1).map((n, i) => n - numbers[i]!)) || 1;
  const months = plan.months.map((m) => {
    // (a column of several months, 1-3月, is rejected whatever its year, and carries no year on)
    if (isPeriod(m.month)) return m;
    const own = yearIn(m.month);
    const number = numberOf(m.month);
    // (a year carried on past December goes on into the next: 2022年11月, 12月, 1月 is 2023年1月; newest first, back
    // into the last: 2024年2月, 1月, 12月 is 2023年12月; a step of less than seven months stays in its year)
    const step = number - previous;
    const carried =
      last && step <= -7 && way === 1
        ? String(Number(last) + 1)
        : last && step >= 7 && way === -1
          ? String(Number(last) - 1)
          : last;
    last = own ?? over(m.index) ?? carried;
    previous = number;
    return own || !last ? m : { ...m, month: `${last}年${m.month}` };
  });
  if (titleYear) {
    // the columns no column to their left gives a year, and the first that names one (with the title's year or not)
    const first = months.findIndex((m) => !isPeriod(m.month) && yearIn(m.month));
    const yearless = months.slice(0, first === -1 ? months.length : first).filter((m) => !isPeriod(m.month));
    const next = first === -1 ? null : months[first]!;
    const series = [
      ...yearless.map((m) => ({ m: numberOf(m.month), line: m.index, named: false })),
      ...(next && yearIn(next.month) === titleYear
        ? [{ m: numberOf(next.month), line: -1, named: true }]
        : []),
    ];
    const unsettled =
      next && yearIn(next.month) !== titleYear
        ? new Set(yearless.map((m) => m.index))
        : unsettledMonths(new Map([['', series]]), 1);
    if (unsettled.size)
      return {
        months: months.map((m) => (unsettled.has(m.index) ? { ...m, unsettled: true as const } : m)),
        year: titleYear,
      };
  }
  return { months, ...(titleYear && { year: titleYear }) };
}

/** The summary of a file read to its end (or stopped): refused, or with its form and the columns not read. */
function finish(s: FileState): FileSummary {
  const { summary } = s.sink;
  if (!s.header)
    return refuse(
      summary,
      'no_header',
      summary.titleRows > 0 ? 'the file has title or note rows only, and no header' : 'the file has no rows',
    );
  if (s.refusal) {
    if (s.refusal.wording) summary.errorWording = s.refusal.wording;
    return refuse(summary, s.refusal.reason, s.refusal.detail);
  }
  const { plan } = s.header;
  if ('error' in plan) return refuse(summary, plan.reason ?? 'no_header', plan.error);
  // rows held as a next table's title, with no table under them: data rows (a last line of one cell, 东港市)
  if (s.rows) for (const r of s.recent.splice(0)) dataRow(s, s.rows, r.row, r.at, r.terminated);
  // (one of them may be a note giving a unit under the data: unitBelow)
  const late = (s as FileState).refusal;
  if (late) return refuse(summary, late.reason, late.detail);
  if (!closeTable(s)) {
    if (s.refusal!.wording) summary.errorWording = s.refusal!.wording;
    return refuse(summary, s.refusal!.reason, s.refusal!.detail);
  }
  summary.form = plan.form;
  summary.cumulative = s.closed.map((c) => c.check);
  summary.checks = s.closed.map((c) => checkLine(c.check, c.monthly));
  return summary;
}

/**
 * A plan whose metric columns without a unit of their own (and a long file's value column) take the units note rows
 * gave.
 */
function withUnits(plan: Plan, units: readonly string[]): Plan {
  if (!units.length) return plan;
  // to the columns whose metric one of them can measure (单位：万元 gives no unit to 培训人次 or 村级服务站), and in a
  // long file or one with a column per month to the values that give no unit of their own
  return {
    ...plan,
    noteUnits: units,
    metrics: plan.metrics.map((m) => {
      if (m.unit && !m.noted) return m;
      const unit = noteUnitFor(m.name, units);
      return unit ? { ...m, unit, noted: true } : m;
    }),
  };
}

/** The mapping sidecar's name for a data file: in/report.csv → in/report.yaml, book.xlsx!Sheet1 → book.yaml. */
export const sidecarOf = (file: string) => `${file.replace(/!.*$/, '').replace(/\.[^./]+$/, '')}.yaml`;

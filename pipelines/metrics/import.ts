import { isAscii } from 'node:buffer';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { type FileHandle, open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import {
  type Attempt,
  characterBoundary,
  firstBadOffset,
  sniffUtf16,
  undecodable,
} from '../read/encoding.ts';
import type { Reference } from '../reference/index.ts';
import { ambiguousMonth, ascii, parseMonth, parseValue } from './parse.ts';
import {
  convert,
  isCode,
  METRIC_INFO,
  type Metric,
  metricOf,
  splitUnit,
  unitFactor,
  unitOf,
} from './vocabulary.ts';

/**
 * Stage 1 of the metrics import: every CSV of a folder, parsed with papaparse row by row (never held whole as
 * objects), each value checked and converted, and written to two staging files: values accepted so far and
 * values rejected with the reason. Duplicates are found in stage 2 (stage.ts), in DuckDB.
 */

export const REASONS = {
  unreadable_file: ['文件无法读取', 'the file cannot be read'],
  no_header: ['找不到县和月份列', 'no county and month columns in the header'],
  unknown_column: ['无法识别的列，已忽略', 'column not recognised, ignored'],
  missing_county: ['县为空', 'county is empty'],
  unknown_county: ['县名或代码无法识别', 'unknown county name or code'],
  ambiguous_county: ['县名对应多个行政区划，未作猜测', 'the name fits several counties; none is chosen'],
  not_a_county: ['不是县级行政区划（如地级市）', 'not a county-level division (e.g. a prefecture)'],
  bad_month: ['月份无法识别', 'month not recognised'],
  ambiguous_month: [
    '月份“年.1”含义不明：可能是 1 月，也可能是 Excel 把 10 月（2020.10）显示成了 2020.1；请写成 2020-01 或 2020-10',
    'the month YYYY.1 is ambiguous: January, or October that Excel shows as 2020.1 for 2020.10; write 2020-01 or 2020-10',
  ],
  unknown_metric: ['指标无法识别', 'metric not recognised'],
  missing_value: ['数值为空', 'value is empty'],
  not_a_number: ['数值不是数字', 'value is not a number'],
  negative_value: ['数值为负，该指标不可能为负', 'negative value for a metric that cannot be negative'],
  not_whole: [
    '该指标是计数（件、个、人次、家），换算单位后必须为整数',
    'a count (parcels, stations, person-times, shops) must be a whole number after converting its unit',
  ],
  bad_unit: ['单位无法换算', 'unit cannot be converted'],
  missing_unit: ['金额未注明单位（元或万元）', 'money without a unit (元 or 万元)'],
  duplicate_conflict: [
    '同一县、月份、指标有不同数值，均未采用',
    'same county, month and metric with different values; neither is used',
  ],
  duplicate_identical: [
    '与前一行重复（数值相同），只保留一行',
    'repeats an earlier row with the same value; one is kept',
  ],
  unknown_unit: [
    '表头下的一行像是单位行，但其中有无法识别的单位',
    'the row under the header looks like a row of units, but holds a unit the importer does not know',
  ],
  cell_count: [
    '该行的格数与表头不同，无法确定各格属于哪一列',
    'the row has not as many cells as the header: which cell belongs to which column cannot be told',
  ],
  unterminated_last_line: [
    '文件最后一行没有换行符，可能在传输或导出时被截断；请核对该行，若完整请在行末加上换行',
    'the last line has no line break and may have been cut off; check the line and, if it is whole, add a line break at its end',
  ],
} as const satisfies Record<string, readonly [string, string]>;
export type Reason = keyof typeof REASONS;

const cellsEn = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;

/** The wording of a cell_count rejection, naming how many cells the row and the header have, and what to do. */
export function cellCountWording(cells: number, headerCells: number): [string, string] {
  // cells missing or extra only at the end are no exception, though Excel sometimes drops trailing empty cells:
  // `469001,2020-03,12` under four columns may lack its last (empty) cell or one inside, and `…,1,234,`
  // (1,234 without quotes, the last cell empty) has one cell too many, an empty one
  const [zh, en] =
    cells < headerCells
      ? ['若缺的是行末的空格，请补上逗号', 'if the missing cells are empty ones at its end, add their commas']
      : [
          '未加引号的 1,234 是两格；若多出的是行末的空格，请删去多余的逗号',
          '1,234 without quotes is two cells; if the extra cells are empty ones at its end, remove their commas',
        ];
  return [
    `该行有 ${cells} 格，表头有 ${headerCells} 格，无法确定各值属于哪一列（缺少或多出的格可能在行中任何位置，行末的空格也一样），该行数值均未采用；${zh}，使每行与表头格数相同`,
    `the row has ${cellsEn(cells)} and the header ${headerCells}: which value belongs to which column cannot be told (the missing or extra cells may be anywhere in the row, empty ones at its end too), so none of its values is used; ${en}, so that every row has as many cells as the header`,
  ];
}

/**
 * What happened to one file, checked by reconciles() (summary.ts): records = header + unit + blank + data rows,
 * data rows = rowsAccepted + rowsRejected, values = accepted + rejected (scope value). A refused file counts nothing.
 */
export interface FileSummary {
  file: string;
  encoding: string | null;
  form: 'long' | 'wide' | null;
  /** CSV records read (lines, except that the line breaks of a quoted cell do not start a record) */
  records: number;
  /** the record naming the columns (1, or 0 when the file was refused) */
  headerRows: number;
  /** a record right under the header whose every non-empty cell is a unit (,,万元,万件) */
  unitRows: number;
  /** records whose every cell is empty or spaces */
  blankRows: number;
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
  error: string | null;
  errorReason?: Reason;
  /** the wording of the refusal in Chinese and English, when it names more than its reason (the cell at fault) */
  errorWording?: readonly [string, string];
}

/** The counts of a file before it is read, and of a refused one. */
const NO_COUNTS = {
  records: 0,
  headerRows: 0,
  unitRows: 0,
  blankRows: 0,
  rows: 0,
  rowsAccepted: 0,
  rowsRejected: 0,
  rowsWithoutValues: 0,
  values: 0,
  accepted: 0,
  rejected: 0,
} as const;

const COUNTY_CODE_COL = /^(?:county_?code|code|区县代码|行政区划代码|区划代码|县代码|代码)$/i;
const COUNTY_NAME_COL = /^(?:county|county_?name|县|县区|区县|县市区|县\(市、区\)|县名|地区)$/i;
const MONTH_COL = /^(?:month|月份|月|统计月份|年月|时间|日期|period)$/i;
const METRIC_COL = /^(?:metric|指标|指标名称)$/i;
const VALUE_COL = /^(?:value|数值|值|数量)$/i;
const UNIT_COL = /^(?:unit|单位|计量单位)$/i;
const NOTE_COL = /^(?:note|备注|说明)$/i;
const SYNTHETIC_COL = /^(?:synthetic|示例数据)$/i;
const SOURCE_COL = /^(?:source|来源|数据来源)$/i;

/** A CSV field for the staging files (quoted, "" inside; empty and unquoted for null). */
const field = (v: string | number | boolean | null) =>
  v === null ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v);

/** Buffered line writer for a staging file. */
class Lines {
  private fd: number;
  private buf: string[] = [];
  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.buf.push(header);
  }
  push(cells: (string | number | boolean | null)[]) {
    this.buf.push(cells.map(field).join(','));
    if (this.buf.length >= 20_000) this.flush();
  }
  flush() {
    if (this.buf.length) writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

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
] as const;
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
] as const;

export interface Staging {
  /** staging files, one pair per input file */
  accepted: string[];
  rejected: string[];
  summaries: FileSummary[];
}

/** Parses every .csv of `dir` into the staging files in `tmp`. One bad file does not stop the others. */
export async function stageMetrics(
  dir: string,
  tmp: string,
  ref: Reference,
  problem: (line: string) => void,
): Promise<Staging> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    throw new Error(`cannot read the metrics folder ${dir}: ${(e as Error).message}`);
  }
  for (const other of names.filter((n) => !n.toLowerCase().endsWith('.csv')))
    problem(`skipped ${join(dir, other)}: not a .csv file / 非 .csv 文件，已跳过`);
  const county = countyLookup(ref);
  // a pair with headers only, so that a folder without a usable file still gives (empty) tables
  const empty = [join(tmp, 'accepted-none.csv'), join(tmp, 'rejected-none.csv')] as const;
  new Lines(empty[0], ACCEPTED_COLUMNS.join(',')).close();
  new Lines(empty[1], REJECTED_COLUMNS.join(',')).close();
  const staging: Staging = { accepted: [empty[0]], rejected: [empty[1]], summaries: [] };
  for (const [i, name] of names.filter((n) => n.toLowerCase().endsWith('.csv')).entries()) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || name;
    const paths = [join(tmp, `accepted-${i}.csv`), join(tmp, `rejected-${i}.csv`)] as const;
    let accepted = new Lines(paths[0], ACCEPTED_COLUMNS.join(','));
    let rejected = new Lines(paths[1], REJECTED_COLUMNS.join(','));
    let summary: FileSummary;
    try {
      summary = await stageFile(path, file, county, accepted, rejected);
    } finally {
      accepted.close();
      rejected.close();
    }
    if (summary.error) {
      // a file that fails part-way contributes nothing but the reason it failed
      accepted = new Lines(paths[0], ACCEPTED_COLUMNS.join(','));
      rejected = new Lines(paths[1], REJECTED_COLUMNS.join(','));
      const [zh, en] = summary.errorWording ?? REASONS[summary.errorReason!];
      rejected.push([file, 0, '', 'file', 'file', summary.error, summary.errorReason!, zh, en]);
      accepted.close();
      rejected.close();
      Object.assign(summary, NO_COUNTS, { ignoredColumns: [] });
    }
    staging.accepted.push(paths[0]);
    staging.rejected.push(paths[1]);
    staging.summaries.push(summary);
  }
  return staging;
}

type CountyResult = { code: string } | { reason: Reason };

/** County names and codes to codes, resolved once per distinct spelling. */
function countyLookup(ref: Reference): (raw: string) => CountyResult {
  const cache = new Map<string, CountyResult>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit) return hit;
    const key = ascii(raw).replace(/\s/g, '');
    if (key === '') hit = { reason: 'missing_county' };
    else if (/^\d{6}$/.test(key))
      hit = ref.county.has(key)
        ? { code: key }
        : ref.divisions.prefectures.some((p) => p.code === key)
          ? { reason: 'not_a_county' }
          : { reason: 'unknown_county' };
    else {
      const r = ref.resolve(key);
      hit =
        r.status === 'resolved'
          ? r.division.level === 'county'
            ? { code: r.division.code }
            : { reason: 'not_a_county' }
          : { reason: r.status === 'ambiguous' ? 'ambiguous_county' : 'unknown_county' };
    }
    cache.set(raw, hit);
    return hit;
  };
}

// the same few months, metric names and units recur on every row: each is read once
const memo = <T>(f: (k: string) => T) => {
  const cache = new Map<string, T>();
  return (k: string): T => {
    let v = cache.get(k);
    if (v === undefined && !cache.has(k)) {
      v = f(k);
      cache.set(k, v);
    }
    return v as T;
  };
};
const monthOf = memo(parseMonth);
const metricCached = memo(metricOf);
const factorCache = new Map<string, number | null>();
const factorOf = (metric: Metric, unit: string, name: string) => {
  const key = `${metric}|${unit}|${name}`;
  let f = factorCache.get(key);
  if (f === undefined) {
    f = unitFactor(metric, unit, isCode(name));
    factorCache.set(key, f);
  }
  return f;
};

type Plan = Exclude<ReturnType<typeof planColumns>, { error: string }>;
type Value = { column: string; name: string; raw: string; unit: string };

/** A unit given twice (header and unit row, or row and unit row): one if they agree, else both, which never convert. */
const joinUnits = (a: string, b: string) =>
  a === '' ? b : b === '' || a.replace(/\s/g, '') === b.replace(/\s/g, '') ? a : `${a} / ${b}`;

/** A cell that names a unit row (单位, 单位：, unit), as the first cell often does. */
const UNIT_LABEL = /^(?:单位|计量单位|units?)\s*[:：]?$/i;

const isLabel = (c: string) => UNIT_LABEL.test(c.trim());

/**
 * The units of a unit row by column (,,万元,万件 → '', '', 万元, 万件), or null when a non-empty cell is neither a
 * unit nor a label such as 单位.
 */
function unitRow(row: string[]): string[] | null {
  const units = row.map((c) => (c.trim() === '' || isLabel(c) ? '' : unitOf(ascii(c))));
  return units.some((u) => u) && units.every((u) => u !== null) ? (units as string[]) : null;
}

/**
 * Whether the first row under the header may be a row of units: its county and month cells hold no county and no
 * month (each is empty, a label such as 单位：, or a unit), and it is not blank.
 */
function unitRowCandidate(row: string[], p: Plan): boolean {
  const free = (i: number) => {
    const c = row[i] ?? '';
    return c.trim() === '' || isLabel(c) || unitOf(ascii(c)) !== null;
  };
  return free(p.county) && free(p.month) && row.some((c) => c.trim() !== '');
}

/** The cells of a unit row candidate that are neither empty, a label nor a unit, with their columns. */
function unknownUnits(row: string[], header: string[]): { cell: string; column: string }[] {
  return row.flatMap((c, i) =>
    c.trim() === '' || isLabel(c) || unitOf(ascii(c)) !== null
      ? []
      : [{ cell: c.trim(), column: header[i] || `#${i + 1}` }],
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
function refuseUnitRow(
  row: string[],
  at: number,
  header: string[],
): { reason: Reason; detail: string; wording?: readonly [string, string] } | null {
  if (row.length !== header.length)
    return {
      reason: 'cell_count',
      detail: `the unit row (line ${at}) has ${cellsEn(row.length)} and the header ${header.length}`,
    };
  const unknown = unknownUnits(row, header);
  if (unknown.length === 0) return null;
  const cells = unknown.map((u) => `“${u.cell}” (column ${u.column})`).join(', ');
  return { reason: 'unknown_unit', detail: `line ${at}: ${cells}`, wording: unknownUnitWording(at, unknown) };
}

/** Gives the columns of a plan the units of a unit row: metric columns of a wide file, the value column of a long one. */
function applyUnits(p: Plan, units: string[]) {
  for (const m of p.metrics) m.unit = joinUnits(m.unit, units[m.index] ?? '');
  if (p.value !== null) p.valueUnit = units[p.value] ?? '';
}

/**
 * The values of a data row: one per row in a long file, one per non-empty metric cell in a wide one (per metric
 * column, empty or not, when `everyColumn`: a row whose cells cannot be matched to the columns).
 */
function valuesOf(row: string[], p: Plan, header: string[], everyColumn = false): Value[] {
  const cell = (i: number | null) => (i === null ? '' : (row[i] ?? '').trim());
  if (p.form === 'long')
    return [
      {
        column: header[p.value!]!,
        name: cell(p.metric),
        raw: cell(p.value),
        unit: joinUnits(cell(p.unit), p.valueUnit),
      },
    ];
  return p.metrics
    .map((m) => ({ column: header[m.index]!, name: m.name, raw: cell(m.index), unit: m.unit }))
    .filter((v) => everyColumn || v.raw !== '');
}

async function stageFile(
  path: string,
  file: string,
  county: (raw: string) => CountyResult,
  accepted: Lines,
  rejected: Lines,
): Promise<FileSummary> {
  const summary: FileSummary = {
    file,
    encoding: null,
    form: null,
    ...NO_COUNTS,
    ignoredColumns: [],
    error: null,
  };
  const reject = (
    line: number,
    column: string,
    scope: string,
    fieldName: string,
    raw: string,
    reason: Reason,
    wording: readonly [string, string] = REASONS[reason],
  ) => {
    rejected.push([file, line, column, scope, fieldName, raw, reason, wording[0], wording[1]]);
    if (scope === 'value') summary.rejected++;
  };
  const failFile = (reason: Reason, detail: string) => {
    summary.error = `${REASONS[reason][1]}: ${detail}`;
    summary.errorReason = reason;
    return summary;
  };
  // the file is read in chunks and decoded as it goes; papaparse gets the text as a stream, row by row
  let encoding: Encoding;
  try {
    encoding = await sniffEncoding(path);
  } catch (e) {
    return failFile('unreadable_file', (e as Error).message);
  }
  summary.encoding = encoding;
  let header: string[] | null = null;
  let headerLine = 1;
  let plan: ReturnType<typeof planColumns> | null = null;
  // the first record after the header that is not blank may be a row of units
  let unitSlot = false;
  /** set when the row under the header is a unit row that cannot be used: the file is refused */
  let unitRefusal: { reason: Reason; detail: string; wording?: readonly [string, string] } | null = null;
  /** Counts a record as blank, header, unit or data row, and stages a data row; false stops the file. */
  const classify = (row: string[], at: number, terminated: boolean): boolean => {
    summary.records++;
    if (row.every((c) => c.trim() === '')) {
      summary.blankRows++;
      return true;
    }
    if (!header) {
      summary.headerRows++;
      header = row.map((c) => ascii(c).trim());
      headerLine = at;
      plan = planColumns(header);
      unitSlot = true;
      return !('error' in plan);
    }
    if (!plan || 'error' in plan) return false;
    if (unitSlot) {
      unitSlot = false;
      const units = unitRow(row);
      if (units || unitRowCandidate(row, plan)) {
        unitRefusal = refuseUnitRow(row, at, header);
        if (unitRefusal) return false;
        summary.unitRows++;
        // a row holding only a label (单位：) is a unit row without units
        applyUnits(plan, units ?? row.map(() => ''));
        return true;
      }
    }
    summary.rows++;
    stageRow(row, at, plan, terminated);
    return true;
  };
  // a record starts on the line after all the newlines of the records before it (including those inside
  // quoted cells). Each record is classified when the next one arrives, so that the last one is known: without a
  // line break after it, it may have been cut off.
  let line = 1;
  let pending: { row: string[]; at: number } | null = null;
  let stopped = false;
  const tail = { last: '', openQuote: false };
  const take = (row: string[]): boolean => {
    const before = pending;
    pending = { row, at: line };
    line += 1 + row.reduce((n, c) => n + countNewlines(c), 0);
    return before === null || classify(before.row, before.at, true);
  };
  try {
    await new Promise<void>((done, fail) => {
      Papa.parse<string[]>(Readable.from(watchEnd(decodeChunks(path, encoding), tail)) as unknown as File, {
        chunk: (results, parser) => {
          // a quoted cell still open at the end of the file
          if (results.errors.some((e) => e.code === 'MissingQuotes')) tail.openQuote = true;
          for (const row of results.data) {
            if (!take(row)) {
              stopped = true;
              parser.abort();
              return;
            }
          }
        },
        complete: () => done(),
        error: (e: Error) => fail(e),
      });
    });
  } catch (e) {
    return failFile('unreadable_file', (e as Error).message);
  }
  const last = pending as { row: string[]; at: number } | null;
  if (!stopped && last) {
    const terminated = !tail.openQuote && /[\r\n]$/.test(tail.last);
    // after a final line break papaparse gives one more record of one empty cell: it is not in the file
    if (!(terminated && last.row.length === 1 && last.row[0] === '')) classify(last.row, last.at, terminated);
  }

  /**
   * Stages the values of a data row and counts the row. All are rejected when it is a last line without a line
   * break, or when its cells are more or fewer than the header's: read by position, a value could land in another
   * metric's column, so each metric column (the value column of a long file) gets a rejection.
   */
  function stageRow(row: string[], at: number, p: Plan, terminated: boolean) {
    const misfit = row.length !== header!.length;
    const values = valuesOf(row, p, header!, misfit);
    summary.values += values.length;
    const rejectedBefore = summary.rejected;
    if (!terminated)
      for (const v of values) reject(at, v.column, 'value', 'line', v.raw, 'unterminated_last_line');
    else if (misfit) {
      const wording = cellCountWording(row.length, header!.length);
      const asRead = Papa.unparse([row]);
      for (const v of values) reject(at, v.column, 'value', 'line', asRead, 'cell_count', wording);
    } else stageValues(row, at, p, values);
    if (values.length === 0) summary.rowsWithoutValues++;
    if (summary.rejected > rejectedBefore) summary.rowsRejected++;
    else summary.rowsAccepted++;
  }

  /** Checks and converts each value of a data row, staging it as accepted or rejected with the reason. */
  function stageValues(row: string[], at: number, p: Plan, values: Value[]) {
    const cell = (i: number | null) => (i === null ? '' : (row[i] ?? '').trim());
    const c = county(cell(p.county));
    const month = monthOf(cell(p.month));
    const synthetic = /^(?:true|1|是|yes)$/i.test(cell(p.synthetic));
    const note = [cell(p.source), cell(p.note)].filter(Boolean).join(' · ') || null;
    for (const v of values) {
      if ('reason' in c) {
        reject(at, v.column, 'value', 'county', cell(p.county), c.reason);
        continue;
      }
      if (!month) {
        const reason = ambiguousMonth(cell(p.month)) ? 'ambiguous_month' : 'bad_month';
        reject(at, v.column, 'value', 'month', cell(p.month), reason);
        continue;
      }
      const metric: Metric | null = metricCached(v.name);
      if (!metric) {
        reject(at, v.column, 'value', 'metric', v.name, 'unknown_metric');
        continue;
      }
      if (v.raw === '') {
        reject(at, v.column, 'value', 'value', v.raw, 'missing_value');
        continue;
      }
      const value = parseValue(v.raw);
      if (value === null) {
        reject(at, v.column, 'value', 'value', v.raw, 'not_a_number');
        continue;
      }
      if (value < 0) {
        reject(at, v.column, 'value', 'value', v.raw, 'negative_value');
        continue;
      }
      const factor = factorOf(metric, v.unit, v.name);
      if (factor === null) {
        reject(at, v.column, 'value', 'unit', v.unit, v.unit === '' ? 'missing_unit' : 'bad_unit');
        continue;
      }
      // money to the fen; counts whole, decided on the converted value (1.25 万件 = 12,500 parcels)
      const converted = convert(metric, value, factor);
      if (converted === null) {
        reject(at, v.column, 'value', 'value', v.raw, 'not_whole');
        continue;
      }
      accepted.push([
        file,
        at,
        v.column,
        c.code,
        month,
        metric,
        converted,
        METRIC_INFO[metric].unit,
        synthetic,
        note,
        v.raw,
      ]);
      summary.accepted++;
    }
  }
  if (!header) return failFile('no_header', 'the file has no rows');
  if (unitRefusal) {
    const { reason, detail, wording } = unitRefusal as NonNullable<typeof unitRefusal>;
    if (wording) summary.errorWording = wording;
    return failFile(reason, detail);
  }
  const p = plan as ReturnType<typeof planColumns> | null;
  if (!p || 'error' in p) return failFile('no_header', (p && 'error' in p && p.error) || 'no header');
  summary.form = p.form;
  for (const u of p.unknown) {
    reject(headerLine, u, 'column', 'header', u, 'unknown_column');
    summary.ignoredColumns.push(u);
  }
  return summary;
}

/** Which column is which: long form (metric and value columns) or wide form (one column per metric). */
function planColumns(header: string[]) {
  const find = (re: RegExp) => {
    const i = header.findIndex((h) => re.test(h.replace(/\s/g, '')));
    return i === -1 ? null : i;
  };
  // a code column is used when there is one; a name column beside it is for people and is not read
  const code = find(COUNTY_CODE_COL);
  const countyName = find(COUNTY_NAME_COL);
  const county = code ?? countyName;
  const month = find(MONTH_COL);
  if (county === null || month === null)
    return {
      error: `found ${header.map((h) => `“${h}”`).join(', ')}; need a county column (county_code, 县, 区县…) and a month column (month, 月份…)`,
    };
  const metric = find(METRIC_COL);
  const value = find(VALUE_COL);
  const unit = find(UNIT_COL);
  const note = find(NOTE_COL);
  const synthetic = find(SYNTHETIC_COL);
  const source = find(SOURCE_COL);
  const used = new Set(
    [code, countyName, month, metric, value, unit, note, synthetic, source].filter((i) => i !== null),
  );
  if (metric !== null && value !== null) {
    const unknown = header.filter((h, i) => !used.has(i) && h !== '');
    return {
      form: 'long' as const,
      county,
      month,
      metric,
      value,
      unit,
      /** the unit a unit row gives the value column, for rows without one */
      valueUnit: '',
      note,
      synthetic,
      source,
      metrics: [],
      unknown,
    };
  }
  const metrics: { index: number; name: string; unit: string }[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (used.has(i) || h === '') return;
    const { name, unit: u } = splitUnit(h);
    if (metricOf(name)) metrics.push({ index: i, name, unit: u });
    else unknown.push(h);
  });
  return {
    form: 'wide' as const,
    county,
    month,
    metric: null,
    value: null as number | null,
    unit: null,
    valueUnit: '',
    note,
    synthetic,
    source,
    metrics,
    unknown,
  };
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

const LABEL: Record<Encoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le-bom': 'utf-16le',
  'utf-16be-bom': 'utf-16be',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
};
const BOM_BYTES: Partial<Record<Encoding, number>> = { 'utf-8-bom': 3, 'utf-16le-bom': 2, 'utf-16be-bom': 2 };
const SNIFF_BYTES = 65536;

/** Up to `length` bytes of an open file from `position`. */
async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The encoding of a report: a BOM (UTF-8, UTF-16); else, with zero bytes in its first 64 KB, UTF-16 without a BOM
 * when they make it certain (refused as uncertain UTF-16 or as binary otherwise); else UTF-8 if the 64 KB from its
 * first byte that is not ASCII are valid UTF-8, else GB18030 (what Excel on a Chinese Windows saves). A file that
 * turns out not to be valid in that encoding further on is refused by decodeChunks with the byte offset.
 */
export async function sniffEncoding(path: string): Promise<Encoding> {
  const fh = await open(path, 'r');
  try {
    const head = await readAt(fh, 0, SNIFF_BYTES);
    if (head.length === 0) throw new Error('the file is empty');
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le-bom';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be-bom';
    if (head.includes(0)) return utf16OrRefuse(head);
    return (await utf8FromFirstNonAscii(fh, head)) ? 'utf-8' : 'gb18030';
  } finally {
    await fh.close();
  }
}

/** UTF-16 without a BOM, for a head with zero bytes, when that is certain; else throws naming why. */
function utf16OrRefuse(head: Buffer): Encoding {
  const sniff = sniffUtf16(head);
  if (sniff === null) throw new Error(`binary file (NUL byte at ${head.indexOf(0)}) / 二进制文件，不是文本`);
  if ('uncertain' in sniff)
    throw new Error(`UTF-16 without BOM, not certain: ${sniff.uncertain} / 疑似无 BOM 的 UTF-16，无法确定`);
  return sniff.encoding;
}

/** Whether the 64 KB from the first byte that is not ASCII are valid UTF-8 (before it, UTF-8 and GB18030 agree). */
async function utf8FromFirstNonAscii(fh: FileHandle, head: Buffer): Promise<boolean> {
  let at = 0;
  let block = head;
  while (block.length > 0 && isAscii(block)) {
    at += block.length;
    block = await readAt(fh, at, 1 << 20);
  }
  if (block.length === 0) return true;
  const from = at + block.findIndex((b) => b >= 0x80);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(await readAt(fh, from, SNIFF_BYTES), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes that do not decode, at an offset of the file. */
class BadBytes extends Error {
  readonly label: string;
  readonly offset: number;
  constructor(label: string, offset: number) {
    super(`not valid ${label} at byte ${offset}`);
    this.label = label;
    this.offset = offset;
  }
}

/**
 * A file's text in pieces cut between characters, from byte `skip` (after a BOM), each decoded strictly on its own
 * with the file offset of its bytes; throws BadBytes with the offset of the first bytes that do not decode.
 */
async function* pieces(
  path: string,
  label: string,
  skip: number,
): AsyncGenerator<{ text: string; bytes: Uint8Array; offset: number }> {
  let carry: Uint8Array = new Uint8Array(0);
  let offset = skip;
  const piece = (bytes: Uint8Array) => {
    try {
      return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), bytes, offset };
    } catch {
      throw new BadBytes(label, offset + firstBadOffset(label, bytes));
    }
  };
  for await (const chunk of createReadStream(path, { start: skip, highWaterMark: 1 << 20 })) {
    const bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const end = characterBoundary(bytes, label);
    if (end > 0) yield piece(bytes.subarray(0, end));
    carry = bytes.subarray(end);
    offset += end;
  }
  if (carry.length) yield piece(carry);
}

/**
 * The text of a file, piece by piece, BOM removed; throws naming the byte offset of the first bytes that do not
 * decode (and, for a file without a BOM, where UTF-8 and GB18030 each fail), or of a NUL character.
 */
export async function* decodeChunks(path: string, encoding: Encoding): AsyncGenerator<string> {
  const label = LABEL[encoding];
  try {
    for await (const { text, bytes, offset } of pieces(path, label, BOM_BYTES[encoding] ?? 0)) {
      const nul = text.indexOf('\u0000');
      if (nul !== -1) {
        const at = offset + (label.startsWith('utf-16') ? 2 * nul : bytes.indexOf(0));
        throw new Error(`a NUL character at byte ${at}: not a text file / 不是文本文件`);
      }
      if (text) yield text;
    }
  } catch (e) {
    if (!(e instanceof BadBytes)) throw e;
    throw new Error(`${(await explainBadBytes(path, encoding, e)).message} / 编码错误`);
  }
}

/** The message for a file that stops decoding: a file without a BOM is tried in both UTF-8 and GB18030. */
async function explainBadBytes(path: string, encoding: Encoding, bad: BadBytes) {
  if (encoding !== 'utf-8' && encoding !== 'gb18030')
    return undecodable([{ label: bad.label, offset: bad.offset }]);
  const other = encoding === 'utf-8' ? 'gb18030' : 'utf-8';
  const attempts: Attempt[] = [
    { label: encoding, offset: bad.offset },
    { label: other, offset: await failsAt(path, other) },
  ];
  return undecodable(encoding === 'utf-8' ? attempts : attempts.reverse());
}

/** The byte offset where a whole file stops decoding in `label`, or null when all of it decodes. */
async function failsAt(path: string, label: string): Promise<number | null> {
  try {
    for await (const _ of pieces(path, label, 0));
    return null;
  } catch (e) {
    if (e instanceof BadBytes) return e.offset;
    throw e;
  }
}

/** Passes text on, noting its last character (whether the file ends with a line break). */
async function* watchEnd(chunks: AsyncIterable<string>, tail: { last: string }): AsyncGenerator<string> {
  for await (const text of chunks) {
    tail.last = text.at(-1) ?? tail.last;
    yield text;
  }
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

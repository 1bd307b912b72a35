import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Reference } from '../reference/index.ts';
import { ascii, parseMonth, parseValue } from './parse.ts';
import { isCode, METRIC_INFO, type Metric, metricOf, splitUnit, unitFactor } from './vocabulary.ts';

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
  unknown_metric: ['指标无法识别', 'metric not recognised'],
  missing_value: ['数值为空', 'value is empty'],
  not_a_number: ['数值不是数字', 'value is not a number'],
  negative_value: ['数值为负，该指标不可能为负', 'negative value for a metric that cannot be negative'],
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
} as const satisfies Record<string, readonly [string, string]>;
export type Reason = keyof typeof REASONS;

/** What happened to one file. values_read = accepted + rejected (scope value) is checked for every file. */
export interface FileSummary {
  file: string;
  encoding: string | null;
  form: 'long' | 'wide' | null;
  /** data rows (CSV records after the header) */
  rows: number;
  values: number;
  accepted: number;
  rejected: number;
  ignoredColumns: string[];
  error: string | null;
  errorReason?: Reason;
}

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
      const [zh, en] = REASONS[summary.errorReason!];
      rejected.push([file, 0, '', 'file', 'file', summary.error, summary.errorReason!, zh, en]);
      accepted.close();
      rejected.close();
      Object.assign(summary, { rows: 0, values: 0, accepted: 0, rejected: 0, ignoredColumns: [] });
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
    rows: 0,
    values: 0,
    accepted: 0,
    rejected: 0,
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
  ) => {
    rejected.push([
      file,
      line,
      column,
      scope,
      fieldName,
      raw,
      reason,
      REASONS[reason][0],
      REASONS[reason][1],
    ]);
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
  let plan: ReturnType<typeof planColumns> | null = null;
  // a record starts on the line after all the newlines of the records before it (including those inside
  // quoted cells); blank lines come as records of one empty cell and are skipped
  let line = 1;
  // papaparse reads the decoded stream and hands over the rows of each chunk at once
  const handle = (row: string[]): boolean => {
    const at = line;
    line += 1 + row.reduce((n, c) => n + countNewlines(c), 0);
    if (row.every((c) => c.trim() === '')) return true;
    if (!header) {
      header = row.map((c) => ascii(c).trim());
      plan = planColumns(header);
      return !('error' in plan);
    }
    if (!plan || 'error' in plan) return false;
    summary.rows++;
    stageRow(row, at, plan);
    return true;
  };
  try {
    await new Promise<void>((done, fail) => {
      Papa.parse<string[]>(Readable.from(decodeChunks(path, encoding)) as unknown as File, {
        chunk: (results, parser) => {
          for (const row of results.data) {
            if (!handle(row)) {
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
  function stageRow(
    row: string[],
    at: number,
    p: Exclude<ReturnType<typeof planColumns>, { error: string }>,
  ) {
    const cell = (i: number | null) => (i === null ? '' : (row[i] ?? '').trim());
    const values: { column: string; name: string; raw: string; unit: string }[] =
      p.form === 'long'
        ? [{ column: header![p.value!]!, name: cell(p.metric), raw: cell(p.value), unit: cell(p.unit) }]
        : p.metrics
            .map((m) => ({ column: header![m.index]!, name: m.name, raw: cell(m.index), unit: m.unit }))
            .filter((v) => v.raw !== '');
    summary.values += values.length;
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
        reject(at, v.column, 'value', 'month', cell(p.month), 'bad_month');
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
      // money to the fen, counts as they are
      const converted = Math.round(value * factor * 100) / 100;
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
  const p = plan as ReturnType<typeof planColumns> | null;
  if (!p || 'error' in p) return failFile('no_header', (p && 'error' in p && p.error) || 'no header');
  summary.form = p.form;
  for (const u of p.unknown) {
    reject(1, u, 'column', 'header', u, 'unknown_column');
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
    value: null,
    unit: null,
    note,
    synthetic,
    source,
    metrics,
    unknown,
  };
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * The encoding of a report, from its first 64 KB: a BOM (UTF-8, UTF-16), else UTF-8 if those bytes are valid
 * UTF-8, else GB18030 (what Excel on a Chinese Windows saves). A file that turns out not to be valid in that
 * encoding further on is refused by decodeChunks with the byte offset.
 */
async function sniffEncoding(path: string): Promise<Encoding> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(65536), 0, 65536, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw new Error('the file is empty');
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await fh.close();
  }
}

/** The text of a file, chunk by chunk, BOM removed; throws naming the byte offset of bytes that do not decode. */
async function* decodeChunks(path: string, encoding: Encoding): AsyncGenerator<string> {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw new Error(`not valid ${label} in the bytes from offset ${offset} / 编码错误`);
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) throw new Error(`a NUL character near byte ${offset}: not a text file / 不是文本文件`);
    offset += (chunk as Buffer).length;
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

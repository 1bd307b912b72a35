/**
 * Faults of metric files that used to pass silently: a row of units under the header, a last line cut off, Excel's
 * 2020.1 for October, fractional counts, and per-file accounting of rows as well as values. Files go through the real
 * command (npm run data -- --metrics DIR --out DIR) or, for the per-file summaries, through importMetrics itself.
 * Every expected value is read off the input written here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FileSummary, REASONS } from '../pipelines/metrics/import.ts';
import { ambiguousMonth, parseMonth } from '../pipelines/metrics/parse.ts';
import { importMetrics } from '../pipelines/metrics/publish.ts';
import { reconciles, summaryLine } from '../pipelines/metrics/summary.ts';
import { loadReference, type Reference } from '../pipelines/reference/index.ts';
import { ROOT } from './helpers.ts';

/** Writes files into a new folder `in/` of a temporary directory; returns the directory. */
function folder(files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-faults-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  return dir;
}

/** Runs the importer CLI on a folder of files; returns its output tables as CSV rows and its stdout. */
function importFiles(files: Record<string, string | Uint8Array>) {
  const dir = folder(files);
  const out = join(dir, 'out');
  let stdout = '';
  let status = 0;
  try {
    stdout = execFileSync(
      process.execPath,
      [join(ROOT, 'pipelines/cli.ts'), '--metrics', join(dir, 'in'), '--out', out],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    const err = e as { stdout: string; status: number };
    stdout = err.stdout;
    status = err.status;
  }
  const table = (name: string) =>
    Papa.parse<Record<string, string>>(
      readFileSync(join(out, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
  return { metrics: table('metrics_monthly'), rejected: table('metrics_rejected'), stdout, status };
}

let ref: Reference;
beforeAll(() => {
  ref = loadReference();
});

/** Imports one file in-process and returns its per-file summary. */
async function summaryOf(name: string, content: string | Uint8Array): Promise<FileSummary> {
  const dir = folder({ [name]: content });
  const { files } = await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {});
  expect(files).toHaveLength(1);
  return files[0]!;
}

const value = (rows: Record<string, string>[], county: string, month: string, metric: string) =>
  rows.find((r) => r.county_code === county && r.month === month && r.metric === metric)?.value;
const valueRejections = (rows: Record<string, string>[]) => rows.filter((r) => r.scope === 'value');

describe('a row of units under the header', () => {
  it('importer: “,,万元,万件” under “县区,月份,网络零售额,快递业务量” makes 12.5 → 125,000 yuan and 12.3 → 123,000 parcels', () => {
    const { metrics, rejected } = importFiles({
      'units.csv': '县区,月份,网络零售额,快递业务量\n,,万元,万件\n五指山市,2020-03,12.5,12.3\n',
    });
    expect(valueRejections(rejected)).toEqual([]);
    expect(value(metrics, '469001', '2020-03', 'online_retail_sales_yuan')).toBe('125000');
    expect(value(metrics, '469001', '2020-03', 'express_parcels')).toBe('123000');
    expect(metrics).toHaveLength(2);
  });

  it('importer: the unit row is counted as a unit row, not as data', async () => {
    const f = await summaryOf(
      'units.csv',
      '县区,月份,网络零售额,快递业务量\n,,万元,万件\n五指山市,2020-03,12.5,12.3\n',
    );
    expect(f).toMatchObject({
      records: 3,
      headerRows: 1,
      unitRows: 1,
      blankRows: 0,
      rows: 1,
      rowsAccepted: 1,
      rowsRejected: 0,
      values: 2,
      accepted: 2,
      rejected: 0,
    });
  });

  it('importer: a unit the metric cannot take (万件 under money, 万元 under parcels) is rejected as bad_unit', () => {
    const { metrics, rejected } = importFiles({
      'swapped.csv': '县区,月份,网络零售额,快递业务量\n,,万件,万元\n五指山市,2020-03,12.5,12\n',
    });
    expect(metrics).toEqual([]);
    expect(valueRejections(rejected).map((r) => [r.line, r.column, r.field, r.raw_value, r.reason])).toEqual([
      ['3', '快递业务量', 'unit', '万元', 'bad_unit'],
      ['3', '网络零售额', 'unit', '万件', 'bad_unit'],
    ]);
  });

  it('importer: the same unit in the header and the unit row is used; two different ones are rejected, naming both', () => {
    const same = importFiles({ 's.csv': '县,月份,快递量（万件）\n,,万件\n五指山市,2020-03,2\n' });
    expect(value(same.metrics, '469001', '2020-03', 'express_parcels')).toBe('20000');
    const differ = importFiles({ 'd.csv': '县,月份,快递量（件）\n,,万件\n五指山市,2020-03,2\n' });
    expect(differ.metrics).toEqual([]);
    const [r] = valueRejections(differ.rejected);
    // columns are named by their header with full-width punctuation made ASCII, as for every rejection
    expect(r).toMatchObject({ line: '3', column: '快递量(件)', field: 'unit', reason: 'bad_unit' });
    expect(r!.raw_value).toContain('件');
    expect(r!.raw_value).toContain('万件');
  });

  it('importer: a unit row may name itself in the county column (单位, 单位：)', () => {
    const { metrics, rejected } = importFiles({
      'label.csv': '县区,月份,网络零售额,快递业务量\n单位：,,万元,万件\n五指山市,2020-03,12.5,12.3\n',
    });
    expect(valueRejections(rejected)).toEqual([]);
    expect(value(metrics, '469001', '2020-03', 'express_parcels')).toBe('123000');
  });

  it('importMetrics: a unit row with one unit the importer does not know (“,,万件,万人”) refuses the file, naming the cell and its column', async () => {
    // today the row is read as data (county is empty), 12 is published as 12 parcels, not 12 万件, and 3 as
    // 3 person-times, not 3 万人, and the file says ✓ reconciled
    const text = '县区,月份,快递业务量,培训人次\n,,万件,万人\n五指山市,2020-03,12,3\n';
    const f = await summaryOf('units-unknown.csv', text);
    expect(f.errorReason).toBe('unknown_unit');
    expect(f.error).toContain('line 2');
    expect(f.error).toContain('“万人” (column 培训人次)');
    expect(f).toMatchObject({ records: 0, unitRows: 0, rows: 0, values: 0, accepted: 0, rejected: 0 });
    expect(summaryLine(f)).toContain('refused (unknown_unit)');
    expect(summaryLine(f)).not.toContain('✓ reconciled');
    const { metrics, rejected, status } = importFiles({ 'units-unknown.csv': text });
    expect(metrics).toEqual([]);
    expect(status).toBe(1);
    expect(rejected.map((r) => [r.scope, r.reason])).toEqual([['file', 'unknown_unit']]);
    expect(rejected[0]!.reason_zh).toBe('第 2 行像是单位行，但“万人”（列：培训人次）不是可识别的单位');
    expect(rejected[0]!.reason_en).toBe(
      'row 2 looks like a row of units, but “万人” (column 培训人次) is not a unit the importer knows',
    );
  });

  it('importMetrics: a unit row naming itself (单位：) with an unknown cell (“,,万元,合计”) is refused too, not read as data', async () => {
    for (const row of [',,万元,合计', '单位：,,万元,合计']) {
      const text = `县区,月份,网络零售额,快递业务量\n${row}\n五指山市,2020-03,12.5,3\n`;
      const f = await summaryOf('not-units.csv', text);
      expect(f.errorReason, row).toBe('unknown_unit');
      expect(f.error, row).toContain('“合计” (column 快递业务量)');
      const { metrics, rejected } = importFiles({ 'not-units.csv': text });
      expect(metrics, row).toEqual([]);
      expect(
        rejected.map((r) => [r.scope, r.reason]),
        row,
      ).toEqual([['file', 'unknown_unit']]);
    }
  });

  it('importMetrics: a first row with a county or a month is data, not a unit row candidate', async () => {
    const text = '县区,月份,快递业务量\n五指山市,2020-03,12\n';
    expect(await summaryOf('data-first.csv', text)).toMatchObject({
      unitRows: 0,
      rows: 1,
      accepted: 1,
      error: null,
    });
  });
});

describe('a last line without a line break', () => {
  it('importer: “…,17” at the very end (cut from 1723?) is rejected as unterminated_last_line, not published as 17', () => {
    const { metrics, rejected, stdout } = importFiles({
      'cut.csv':
        'county_code,month,metric,value\n469001,2020-03,express_parcels,1723\n469001,2020-04,express_parcels,17',
    });
    expect(value(metrics, '469001', '2020-03', 'express_parcels')).toBe('1723');
    expect(value(metrics, '469001', '2020-04', 'express_parcels')).toBeUndefined();
    expect(valueRejections(rejected)).toEqual([
      expect.objectContaining({
        file: 'in/cut.csv',
        line: '3',
        column: 'value',
        scope: 'value',
        field: 'line',
        raw_value: '17',
        reason: 'unterminated_last_line',
      }),
    ]);
    expect(valueRejections(rejected)[0]!.reason_zh).toContain('换行');
    expect(valueRejections(rejected)[0]!.reason_en).toContain('line break');
    expect(stdout).toMatch(/in\/cut\.csv.*✓ reconciled/);
  });

  it('importer: every value of a cut wide row is rejected, one row per column', () => {
    const { metrics, rejected } = importFiles({
      'wide-cut.csv': '县,月份,快递量（件）,培训人次\n五指山市,2020-03,5,6\n五指山市,2020-04,7,8',
    });
    expect(metrics.map((r) => r.month)).toEqual(['2020-03', '2020-03']);
    expect(valueRejections(rejected).map((r) => [r.line, r.column, r.raw_value, r.reason])).toEqual([
      ['3', '培训人次', '8', 'unterminated_last_line'],
      ['3', '快递量(件)', '7', 'unterminated_last_line'],
    ]);
  });

  it('importer: a quoted cell left open at the end of the file is a cut last line too', () => {
    const { metrics, rejected } = importFiles({
      'open-quote.csv': 'county_code,month,metric,value,note\n469001,2020-03,express_parcels,5,"估算\n',
    });
    expect(metrics).toEqual([]);
    expect(valueRejections(rejected).map((r) => [r.line, r.reason])).toEqual([
      ['2', 'unterminated_last_line'],
    ]);
  });

  it('importer: a file that ends with a line break (LF, CRLF) loses nothing', () => {
    const { metrics, rejected } = importFiles({
      'lf.csv': 'county_code,month,metric,value\n469001,2020-03,express_parcels,1723\n',
      'crlf.csv': 'county_code,month,metric,value\r\n469001,2020-04,express_parcels,1724\r\n',
    });
    expect(rejected).toEqual([]);
    expect(metrics.map((r) => r.value)).toEqual(['1723', '1724']);
  });
});

describe('a row with more or fewer cells than the header', () => {
  const WIDE = 'county_code,month,网络零售额（万元）,快递业务量（件）';
  /** The value rejections as [line, column, field, raw value, reason]. */
  const brief = (rows: Record<string, string>[]) =>
    valueRejections(rows).map((r) => [r.line, r.column, r.field, r.raw_value, r.reason]);

  it('importer: “469001,2020-03,12” under four columns (a cell dropped) is not published as 12 万元: both metric columns are rejected as cell_count', () => {
    const { metrics, rejected, stdout } = importFiles({
      'dropped.csv': `${WIDE}\n469001,2020-03,12\n469001,2020-04,5,7\n`,
    });
    expect(value(metrics, '469001', '2020-03', 'online_retail_sales_yuan')).toBeUndefined();
    expect(metrics.map((r) => [r.month, r.metric, r.value])).toEqual([
      ['2020-04', 'express_parcels', '7'],
      ['2020-04', 'online_retail_sales_yuan', '50000'],
    ]);
    expect(brief(rejected)).toEqual([
      ['2', '快递业务量(件)', 'line', '469001,2020-03,12', 'cell_count'],
      ['2', '网络零售额(万元)', 'line', '469001,2020-03,12', 'cell_count'],
    ]);
    const [r] = valueRejections(rejected);
    expect(r!.reason_zh).toContain('该行有 3 格，表头有 4 格，无法确定各值属于哪一列');
    expect(r!.reason_en).toContain(
      'the row has 3 cells and the header 4: which value belongs to which column cannot be told',
    );
    expect(stdout).toMatch(/in\/dropped\.csv.*✓ reconciled/);
  });

  it('importer: one cell too many (1,234 without quotes: “469001,2020-03,1,234,56”) is rejected as cell_count, not read as 1 万元 and 234 parcels', () => {
    const { metrics, rejected } = importFiles({ 'split.csv': `${WIDE}\n469001,2020-03,1,234,56\n` });
    expect(metrics).toEqual([]);
    expect(brief(rejected)).toEqual([
      ['2', '快递业务量(件)', 'line', '469001,2020-03,1,234,56', 'cell_count'],
      ['2', '网络零售额(万元)', 'line', '469001,2020-03,1,234,56', 'cell_count'],
    ]);
    expect(valueRejections(rejected)[0]!.reason_zh).toContain('该行有 5 格，表头有 4 格');
    expect(valueRejections(rejected)[0]!.reason_en).toContain('the row has 5 cells and the header 4');
  });

  it('importer: cells missing or extra only at the end are rejected too (they cannot be told from a cell dropped or split inside the row); the wording says to write or remove their commas', () => {
    const { metrics, rejected } = importFiles({
      'ends.csv': `${WIDE}\n469001,2020-03,12\n469001,2020-04,12,34,\n469001,2020-05,12,\n`,
    });
    // the full row with its last cell empty is read: 12 万元, no parcels
    expect(metrics.map((r) => [r.month, r.metric, r.value])).toEqual([
      ['2020-05', 'online_retail_sales_yuan', '120000'],
    ]);
    expect(brief(rejected)).toEqual([
      ['2', '快递业务量(件)', 'line', '469001,2020-03,12', 'cell_count'],
      ['2', '网络零售额(万元)', 'line', '469001,2020-03,12', 'cell_count'],
      ['3', '快递业务量(件)', 'line', '469001,2020-04,12,34,', 'cell_count'],
      ['3', '网络零售额(万元)', 'line', '469001,2020-04,12,34,', 'cell_count'],
    ]);
    const [short, , long] = valueRejections(rejected);
    expect(short!.reason_zh).toContain('补上逗号');
    expect(short!.reason_en).toContain('add their commas');
    expect(long!.reason_zh).toContain('删去多余的逗号');
    expect(long!.reason_en).toContain('remove their commas');
  });

  it('importer: a long row without its last cell (“469001,2020-03,express_parcels,12” under five columns) is one cell_count rejection, of its value column', () => {
    const { metrics, rejected } = importFiles({
      'long.csv': 'county_code,month,metric,value,unit\n469001,2020-03,express_parcels,12\n',
    });
    expect(metrics).toEqual([]);
    expect(brief(rejected)).toEqual([
      ['2', 'value', 'line', '469001,2020-03,express_parcels,12', 'cell_count'],
    ]);
  });

  it('importMetrics: such rows are data rows with a rejection, and the file reconciles (records 5 = 1 + 4 data; data 4 = 2 + 2; values 6 = 2 + 4)', async () => {
    const f = await summaryOf(
      'mixed.csv',
      `${WIDE}\n469001,2020-03,12\n469001,2020-04,5,7\n469001,2020-05,1,234,\n469001,2020-06,,\n`,
    );
    expect(f).toMatchObject({
      records: 5,
      headerRows: 1,
      unitRows: 0,
      blankRows: 0,
      rows: 4,
      rowsAccepted: 2,
      rowsRejected: 2,
      rowsWithoutValues: 1,
      values: 6,
      accepted: 2,
      rejected: 4,
      error: null,
    });
    expect(reconciles(f)).toBe(true);
  });

  it('importMetrics: a unit row with more or fewer cells than the header (“,万元,万件” under four columns) refuses the file as cell_count: every unit could be another column’s', async () => {
    const text = '县区,月份,网络零售额,快递业务量\n,万元,万件\n五指山市,2020-03,12.5,12.3\n';
    const f = await summaryOf('units-short.csv', text);
    expect(f.errorReason).toBe('cell_count');
    expect(f.error).toContain('line 2');
    expect(f).toMatchObject({ records: 0, rows: 0, values: 0 });
    expect(summaryLine(f)).toContain('refused (cell_count)');
    const { metrics, rejected } = importFiles({ 'units-short.csv': text });
    expect(metrics).toEqual([]);
    expect(rejected.map((r) => [r.scope, r.reason])).toEqual([['file', 'cell_count']]);
  });
});

describe('months Excel shows as a number', () => {
  it('parseMonth("2020.1") is refused as ambiguous (January or October)', () => {
    expect(parseMonth('2020.1')).toBeNull();
    expect(ambiguousMonth('2020.1')).toBe(true);
    expect(ambiguousMonth('２０２０．１')).toBe(true);
  });

  it('parseMonth("2020.2"…"2020.9", "2020.11", "2020.12", "2020.01", "2020.10") reads the month as before', () => {
    for (let m = 2; m <= 9; m++) expect(parseMonth(`2020.${m}`)).toBe(`2020-0${m}`);
    expect(parseMonth('2020.11')).toBe('2020-11');
    expect(parseMonth('2020.12')).toBe('2020-12');
    expect(parseMonth('2020.01')).toBe('2020-01');
    expect(parseMonth('2020.10')).toBe('2020-10');
    for (const m of ['2020.01', '2020.10', '2020.2', '2020-1', '2020/1', '2020年1月', '202001', '2020-13'])
      expect(ambiguousMonth(m), m).toBe(false);
  });

  it('importer: 2020.1 is rejected as ambiguous_month, saying January or October and how to write either', () => {
    const { metrics, rejected } = importFiles({
      'excel.csv':
        'county_code,month,metric,value\n469001,2020.1,express_parcels,5\n469001,2020.10,express_parcels,7\n469001,2020.2,express_parcels,8\n',
    });
    expect(metrics.map((r) => [r.month, r.value])).toEqual([
      ['2020-02', '8'],
      ['2020-10', '7'],
    ]);
    const [r] = valueRejections(rejected);
    expect(r).toMatchObject({
      file: 'in/excel.csv',
      line: '2',
      column: 'value',
      field: 'month',
      raw_value: '2020.1',
      reason: 'ambiguous_month',
    });
    for (const text of [r!.reason_zh, r!.reason_en]) {
      expect(text).toContain('2020-01');
      expect(text).toContain('2020-10');
    }
    expect(r!.reason_en).toMatch(/January.*October/);
  });
});

describe('counts are whole', () => {
  const lines = [
    '469001,2020-03,active_village_stations,12.5,个', // 2 not whole
    '469001,2020-03,new_online_shops,3.7,家', // 3 not whole
    '469001,2020-03,express_parcels,1.5,件', // 4 not whole
    '469001,2020-03,training_person_times,2.5,人次', // 5 not whole
    '469001,2020-04,express_parcels,1.25,万件', // 6 12,500 parcels: whole after conversion
    '469001,2020-05,express_parcels,1.00005,万件', // 7 10,000.5 parcels: not whole
    '469001,2020-03,online_retail_sales_yuan,0.5,元', // 8 money keeps its fen
    '469001,2020-03,active_township_stations,3.0,个', // 9 3
    '469001,2020-04,training_person_times,1.15,万人次', // 10 11,500
  ];
  const run = () =>
    importFiles({ 'counts.csv': `county_code,month,metric,value,unit\n${lines.join('\n')}\n` });

  it('importer: 12.5 stations, 3.7 shops, 1.5 parcels, 2.5 person-times and 1.00005 万件 are rejected as not_whole', () => {
    const { rejected } = run();
    expect(valueRejections(rejected).map((r) => [r.line, r.field, r.raw_value, r.reason])).toEqual([
      ['2', 'value', '12.5', 'not_whole'],
      ['3', 'value', '3.7', 'not_whole'],
      ['4', 'value', '1.5', 'not_whole'],
      ['5', 'value', '2.5', 'not_whole'],
      ['7', 'value', '1.00005', 'not_whole'],
    ]);
  });

  it('importer: whole after conversion is whole (1.25 万件 = 12,500, 1.15 万人次 = 11,500); money keeps fractions (0.5 元)', () => {
    const { metrics } = run();
    expect(value(metrics, '469001', '2020-04', 'express_parcels')).toBe('12500');
    expect(value(metrics, '469001', '2020-04', 'training_person_times')).toBe('11500');
    expect(value(metrics, '469001', '2020-03', 'online_retail_sales_yuan')).toBe('0.5');
    expect(value(metrics, '469001', '2020-03', 'active_township_stations')).toBe('3');
    expect(metrics).toHaveLength(4);
  });
});

describe('rows reconcile as well as values', () => {
  const text = [
    '县区,月份,网络零售额,快递业务量', // 1 header
    ',,万元,万件', // 2 units
    '', // 3 blank
    '五指山市,2020-03,12.5,3', // 4 data: 2 values accepted
    '五指山市,2020-04,1', // 5 data, short (3 cells under 4): 2 values rejected, one per metric column
    '五指山市,2020-05,2,0.5', // 6 data: 2 values accepted (the first of a repeat)
    '五指山市,2020-05,2,', // 7 data: repeats line 6's 2 万元: rejected as a duplicate
    '五指山市,2020-06,7,17', // 8 data, the last line, without a line break: 2 values rejected
  ].join('\n');

  it('importMetrics: records 8 = 1 header + 1 unit + 1 blank + 5 data; data 5 = 2 fully accepted + 3 with a rejection; values 9 = 4 + 5', async () => {
    const f = await summaryOf('rows.csv', text);
    expect(f).toMatchObject({
      records: 8,
      headerRows: 1,
      unitRows: 1,
      blankRows: 1,
      rows: 5,
      rowsAccepted: 2,
      rowsRejected: 3,
      values: 9,
      accepted: 4,
      rejected: 5,
      error: null,
    });
    expect(reconciles(f)).toBe(true);
    expect(summaryLine(f)).toContain('✓ reconciled');
  });

  it('importer: the rejected values name file, line and column', () => {
    const { rejected } = importFiles({ 'rows.csv': text });
    expect(valueRejections(rejected).map((r) => [r.file, r.line, r.column, r.reason])).toEqual([
      ['in/rows.csv', '5', '快递业务量', 'cell_count'],
      ['in/rows.csv', '5', '网络零售额', 'cell_count'],
      ['in/rows.csv', '7', '网络零售额', 'duplicate_identical'],
      ['in/rows.csv', '8', '快递业务量', 'unterminated_last_line'],
      ['in/rows.csv', '8', '网络零售额', 'unterminated_last_line'],
    ]);
  });

  const base: FileSummary = {
    file: 'in/x.csv',
    encoding: 'utf-8',
    form: 'wide',
    records: 8,
    titleRows: 0,
    totalRows: 0,
    notes: [],
    headerRows: 1,
    unitRows: 1,
    blankRows: 1,
    rows: 5,
    rowsAccepted: 3,
    rowsRejected: 2,
    rowsWithoutValues: 0,
    values: 8,
    accepted: 5,
    rejected: 3,
    ignoredColumns: [],
    error: null,
  };

  it('reconciles(f) fails when records, data rows or values do not add up, and summaryLine(f) says so', () => {
    expect(reconciles(base)).toBe(true);
    for (const broken of [
      { records: 9 },
      { blankRows: 0 },
      { rowsAccepted: 4 },
      { rowsRejected: 1 },
      { accepted: 4 },
    ]) {
      const f = { ...base, ...broken };
      expect(reconciles(f), JSON.stringify(broken)).toBe(false);
      expect(summaryLine(f)).toContain('DOES NOT RECONCILE');
      expect(summaryLine(f)).not.toContain('✓ reconciled');
    }
  });

  it('importMetrics: a binary file and a file without a header are each one refused file with its reason', async () => {
    const binary = await summaryOf(
      'bin.csv',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]),
    );
    const noHeader = await summaryOf('nh.csv', 'name,score\nx,1\n');
    for (const [f, reason] of [
      [binary, 'unreadable_file'],
      [noHeader, 'no_header'],
    ] as const) {
      expect(f.errorReason).toBe(reason);
      expect(f).toMatchObject({ records: 0, rows: 0, values: 0 });
      expect(summaryLine(f)).toContain(`refused (${reason})`);
      expect(summaryLine(f)).not.toContain('✓ reconciled');
    }
  });
});

describe('reasons', () => {
  it('every reason code has Chinese and English wording', () => {
    for (const [code, [zh, en]] of Object.entries(REASONS)) {
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en, code).toMatch(/[a-z]/);
    }
    for (const code of [
      'unterminated_last_line',
      'ambiguous_month',
      'not_whole',
      'cell_count',
      'unknown_unit',
    ])
      expect(REASONS).toHaveProperty(code);
  });
});

describe('the run’s summary of a folder of reports', () => {
  it('prints each file’s title and note rows under its line (note: …), and names each file not read', () => {
    const { stdout } = importFiles({
      'r.csv': '东港市2023年电子商务统计月报,\n单位：万元,\n月份,网络零售额\n2023-01,100\n填表人：张三,\n',
      '说明.docx': 'PK\x03\x04',
    });
    expect(stdout).toMatch(
      /in\/r\.csv .*✓ reconciled\n {2}note: 东港市2023年电子商务统计月报\n {2}note: 单位：万元\n {2}note: 填表人：张三\n/,
    );
    expect(stdout).toMatch(/in\/说明\.docx .*skipped: not a \.csv/);
  });
});

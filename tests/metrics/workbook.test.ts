/**
 * Workbooks (issue 17): a county's monthly report as Excel saves it, and the same report as a CSV saved from Excel
 * (GB18030), with every fault at once: a title and note rows above the header, 县区代码 and 统计月份 headers, 万元
 * in a header, a month written four ways (in the workbook, one as an Excel date cell), an unknown county, a bad
 * month, a value that is no number, a negative value, a conflicting duplicate, a 合计 row and a note under the data.
 * Both must give the same accepted values and the same rejections, the CSV's by line and the workbook's by cell; a
 * chart-like empty sheet and a sheet that is not a report are named and skipped; each file and sheet reconciles.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../pipelines/metrics/publish.ts';
import { reconciles } from '../../pipelines/metrics/summary.ts';
import { loadReference, type Reference } from '../../pipelines/reference/index.ts';
import { gb18030, readStaging } from './files.ts';

const HEADER = ['县区代码', '统计月份', '网络零售额（万元）', '快递业务量（件）'];
// the report's rows under its header, as the county filled them in
const ROWS: (string | number)[][] = [
  ['469001', '2021-01', 120.5, 3000],
  ['469001', '2021年2月', 98, 2800],
  ['469001', '2021/3', 'abc', 3100],
  ['469001', '202104', 130, -5],
  ['999999', '2021-04', 10, 10],
  ['469001', '2021-13', 11, 11],
  ['469001', '2021-01', 121, 3000],
  ['合计', '', 469.5, 11905],
];
const TOP = [['五指山市2021年电子商务统计月报'], ['填报单位：五指山市商务局'], ['单位：万元']];
const BOTTOM = [['填报日期：2021年5月6日']];

let ref: Reference;
let csvDir: string;
let bookDir: string;
beforeAll(() => {
  ref = loadReference();
  const root = mkdtempSync(join(tmpdir(), 'plan-atlas-book-'));
  csvDir = join(root, 'csv');
  bookDir = join(root, 'book');
  mkdirSync(csvDir);
  mkdirSync(bookDir);
  const lines = [...TOP, HEADER, ...ROWS, ...BOTTOM].map((r) => r.join(','));
  writeFileSync(join(csvDir, 'report.csv'), gb18030(`${lines.join('\r\n')}\r\n`));
  // the workbook: the same cells; the first month an Excel date cell, the retail sum a formula with its cached value
  const book = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([...TOP, HEADER, ...ROWS, ...BOTTOM], { cellDates: true });
  sheet.B5 = { t: 'd', v: new Date(2021, 0, 15), z: 'yyyy-mm-dd' };
  sheet.C12 = { t: 'n', v: 469.5, f: 'SUM(C5:C11)' };
  XLSX.utils.book_append_sheet(book, sheet, '月报');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), '空表');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['说明'], ['本表由统计局汇总']]), '说明');
  writeFileSync(
    join(bookDir, 'report.xlsx'),
    XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellDates: true }),
  );
});

async function run(dir: string) {
  const problems: string[] = [];
  const out = join(dir, 'out');
  const { files } = await importMetrics(dir, out, ref, (p) => problems.push(p));
  return {
    files,
    problems,
    accepted: readStaging(join(out, 'metrics_monthly.csv')),
    rejected: readStaging(join(out, 'metrics_rejected.csv')),
  };
}

describe('the same report as CSV and as a workbook', () => {
  it('gives the same accepted values', async () => {
    const [csv, book] = [await run(csvDir), await run(bookDir)];
    const values = (r: typeof csv) =>
      r.accepted
        .map((a) => [a.county_code, a.month, a.metric, a.value])
        .sort((x, y) => x.join().localeCompare(y.join()));
    expect(values(book)).toEqual(values(csv));
    // read from the report: Feb 98万元 and 2,800 parcels; Mar 3,100 parcels (its retail cell is no number)
    expect(values(csv)).toContainEqual(['469001', '2021-02', 'online_retail_sales_yuan', '980000']);
    expect(values(csv)).toContainEqual(['469001', '2021-03', 'express_parcels', '3100']);
  });

  it('gives the same rejections, the CSV by line and the workbook by sheet and cell', async () => {
    const [csv, book] = [await run(csvDir), await run(bookDir)];
    const reasons = (r: typeof csv) =>
      r.rejected
        .filter((x) => x.scope === 'value')
        .map((x) => `${x.column} ${x.reason}`)
        .sort();
    expect(reasons(book)).toEqual(reasons(csv));
    const abc = book.rejected.find((x) => x.raw_value === 'abc')!;
    expect(abc).toMatchObject({ reason: 'not_a_number', cell: '月报!C7', line: '7' });
    expect(csv.rejected.find((x) => x.raw_value === 'abc')).toMatchObject({ line: '7', cell: '' });
  });

  it('names the cells of a duplicate’s rejections in the workbook (the January row given twice, at rows 5 and 11)', async () => {
    const book = await run(bookDir);
    const dups = book.rejected
      .filter((x) => x.reason?.startsWith('duplicate_'))
      .map((x) => [x.reason, x.cell])
      .sort();
    // 120.5 and 121 万元 conflict: both are rejected; 3000 parcels twice: the later one is
    expect(dups).toEqual([
      ['duplicate_conflict', '月报!C11'],
      ['duplicate_conflict', '月报!C5'],
      ['duplicate_identical', '月报!D11'],
    ]);
    // and the conflict's message names where each value is, by its cell
    expect(book.rejected.find((x) => x.cell === '月报!C11')!.reason_zh).toMatch(
      /：120\.5（report\.xlsx 月报!C5） \/ 121（report\.xlsx 月报!C11）$/,
    );
    const csv = await run(csvDir);
    expect(csv.rejected.filter((x) => x.reason?.startsWith('duplicate_')).map((x) => x.cell)).toEqual([
      '',
      '',
      '',
    ]);
  });

  it('skips the empty sheet and the sheet that is no report, by name; each file and sheet reconciles', async () => {
    const book = await run(bookDir);
    expect(book.problems.join('\n')).toMatch(/report\.xlsx!空表: an empty sheet/);
    expect(book.problems.join('\n')).toMatch(/report\.xlsx!说明: no table, only notes/);
    expect(book.files.map((f) => f.file.replace(/^.*report/, 'report'))).toEqual(['report.xlsx!月报']);
    const report = book.files.find((f) => f.file.endsWith('!月报'))!;
    expect(report).toMatchObject({ titleRows: 4, totalRows: 1, headerRows: 1 });
    expect(reconciles(report)).toBe(true);
    for (const f of (await run(csvDir)).files) expect(reconciles(f)).toBe(true);
  });
});

describe('cells as Excel shows them', () => {
  it('an error cell (#DIV/0!) is rejected as no number, and a float is read to the digits Excel shows', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-atlas-book-cells-'));
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['县区代码', '统计月份', '网络零售额（万元）'],
      ['469001', '2021-01', 0],
      ['469001', '2021-02', 0],
    ]);
    sheet.C2 = { t: 'e', v: 7, w: '#DIV/0!' };
    sheet.C3 = { t: 'n', v: 0.1 + 0.2 };
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    writeFileSync(join(root, 'cells.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const r = await run(root);
    expect(r.rejected.filter((x) => x.scope === 'value').map((x) => [x.cell, x.raw_value, x.reason])).toEqual(
      [['S!C2', '#DIV/0!', 'not_a_number']],
    );
    // 0.30000000000000004 万元 is 0.3 万元: 3,000 yuan
    expect(r.accepted.map((a) => [a.month, a.value])).toEqual([['2021-02', '3000']]);
  });
});

describe('a date cell is the day Excel shows, in any time zone', () => {
  it('2021-03-01 and 2021-03-31 18:00 (serials 44256 and 44286.75) read as their days in UTC, New York and Shanghai', async () => {
    const { readWorkbook } = await import('../../pipelines/metrics/workbook.ts');
    const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-dates-'));
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['县区代码', '统计月份', '快递业务量（件）'],
      ['469001', 0, 5],
      ['469001', 0, 6],
    ]);
    sheet.B2 = { t: 'n', v: 44256, z: 'yyyy-mm-dd' };
    sheet.B3 = { t: 'n', v: 44286.75, z: 'yyyy-mm-dd hh:mm' };
    XLSX.utils.book_append_sheet(book, sheet, '月报');
    const path = join(dir, 'dates.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        const [first] = await readWorkbook(path);
        const rows = 'rows' in first! ? first.rows.map((r) => r.row[1]) : [];
        expect([tz, ...rows.slice(1)]).toEqual([tz, '2021-03-01', '2021-03-31']);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('a damaged .xls', () => {
  // tests/metrics/fixtures/damaged.xls: a workbook SheetJS wrote (200 rows of 县区代码 | 统计月份 | 网络零售额（万元）)
  // with eight bytes changed at random; SheetJS 0.20.3 never returns from reading it
  it('is refused by name once its time to read is up, and the other files are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-damaged-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(
      join(dir, 'in', 'damaged.xls'),
      readFileSync(join(import.meta.dirname, 'fixtures/damaged.xls')),
    );
    writeFileSync(join(dir, 'in', 'good.csv'), '县区代码,统计月份,快递业务量（件）\n469001,2023-03,5\n');
    const { files } = await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {}, {
      workbookSeconds: 5,
    });
    expect(files.map((f) => [f.file.replace(/^.*\//, ''), f.errorReason ?? null])).toEqual([
      ['damaged.xls', 'unreadable_file'],
      ['good.csv', null],
    ]);
    expect(files[0]!.error).toMatch(/did not finish reading it in 5 s/);
    const accepted = readStaging(join(dir, 'out', 'metrics_monthly.csv'));
    expect(accepted.map((a) => [a.month, a.value])).toEqual([['2023-03', '5']]);
  });
});

/**
 * Reports as counties send them, found wrong by a probe with real-shaped files (issue 17): a year the title does
 * not settle, a hidden sheet, 农村网络零售额 taken for the county's total, a 累计 check on a report of one month, a
 * 填报单位 note read as a unit, a 单位：万元 note given to count columns, a sheet of notes refused, Excel's lock
 * file refused. Expected values are read from the files as written here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMetrics } from '../../pipelines/metrics/publish.ts';
import { reconciles } from '../../pipelines/metrics/summary.ts';
import { loadReference, type Reference } from '../../pipelines/reference/index.ts';
import { csv, gb18030, importFiles, readStaging, tempDir } from './files.ts';

let ref: Reference;
beforeAll(() => {
  ref = loadReference();
});
const run = (files: Record<string, string | Buffer>) => importFiles(files, ref);

/** Rows in one order, whatever order they were published in. */
const sorted = (rows: (string | undefined)[][]) =>
  [...rows].sort((a, b) => a.join('|').localeCompare(b.join('|')));

function book(sheets: { name: string; rows: (string | number)[][]; hidden?: boolean }[]): Buffer {
  const b = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  b.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return XLSX.write(b, { type: 'buffer', bookType: 'xlsx' });
}

describe('the year of a table with one column per month, from its title', () => {
  const table = ['县区代码,指标,1月,2月', '469001,网络零售额（万元）,100,110'];

  it('a title naming two years (the batch, 2019; the data, 2023) settles none: the months are rejected, not dated 2019', async () => {
    const r = await run({
      'r.csv': csv('五指山市2019年电子商务进农村综合示范项目2023年运营数据月报', ...table),
    });
    expect(r.accepted).toEqual([]);
    expect(r.values.map((v) => v[1])).toEqual(['bad_month', 'bad_month']);
  });

  it('a filing date (填报日期：2024年1月5日) is no year of the data: the title’s 2023 is', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市2023年电子商务统计月报（填报日期：2024年1月5日）',
        '填报时间：2024年1月8日',
        ...table,
      ),
    });
    // 100 and 110 万元
    expect(r.accepted).toEqual([
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
    ]);
  });

  it('a filing date alone gives no year', async () => {
    const r = await run({ 'r.csv': csv('电子商务统计月报', '填报时间：2024年1月8日', ...table) });
    expect(r.accepted).toEqual([]);
    expect(r.values.map((v) => v[1])).toEqual(['bad_month', 'bad_month']);
  });
});

describe('sheets and files a workbook folder holds besides reports', () => {
  const header = ['县区代码', '统计月份', '网络零售额（万元）'];

  it('a hidden sheet is named and skipped, not read over the visible one', async () => {
    const r = await run({
      'b.xlsx': book([
        { name: '3月', rows: [header, ['469001', '2023-03', 980]] },
        {
          name: 'Sheet2',
          rows: [header, ['469001', '2023-03', 900], ['469001', '2023-02', 1100.25]],
          hidden: true,
        },
      ]),
    });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    expect(r.values).toEqual([]);
    expect(r.problems).toMatch(/b\.xlsx!Sheet2: a hidden sheet/);
  });

  it('a sheet of notes only (说明) is named and skipped, not refused', async () => {
    const r = await run({
      'b.xlsx': book([
        { name: '月报', rows: [header, ['469001', '2023-03', 980]] },
        { name: '说明', rows: [['说明'], ['本表由商务局汇总'], ['数据来源：各乡镇']] },
      ]),
    });
    expect(r.files).toEqual([]);
    expect(r.summaries.map((f) => f.file.replace(/^.*\//, ''))).toEqual(['b.xlsx!月报']);
    expect(r.problems).toMatch(/b\.xlsx!说明: no table/);
  });

  it('Excel’s lock file (~$b.xlsx, left while the workbook is open) is named and skipped, not refused', async () => {
    const r = await run({
      'b.xlsx': book([{ name: '月报', rows: [header, ['469001', '2023-03', 980]] }]),
      '~$b.xlsx': Buffer.from('\x06张三\0\0\0\0', 'latin1'),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    expect(r.problems).toMatch(/~\$b\.xlsx: Excel's lock file/);
  });
});

describe('metric names', () => {
  it('农村网络零售额 (the rural part) is not the county’s 网络零售额: not read, and no conflict with it', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,网络零售额（万元）,农村网络零售额（万元）', '469001,2023-03,980,420'),
    });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    expect(r.values).toEqual([]);
    expect(r.summaries[0]!.ignoredColumns).toContain('农村网络零售额(万元)');
  });

  it('其中：农产品网络零售额 (of which) is 农产品网络零售额', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,网络零售额（万元）,其中：农产品网络零售额（万元）',
        '469001,2023-03,980,420',
      ),
    });
    expect(r.accepted).toEqual([
      ['2023-03', 'agri_online_retail_sales_yuan', '4200000'],
      ['2023-03', 'online_retail_sales_yuan', '9800000'],
    ]);
  });
});

describe('units from notes', () => {
  it('a 填报单位：电商办 note is the office, not a unit: 单位：万元 above it stands', async () => {
    const r = await run({
      'r.csv': csv('单位：万元', '填报单位：电商办', '县区代码,月份,网络零售额', '469001,2023-03,980'),
    });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
  });

  it('单位：万元 is given to money columns only: 电商培训人次 and 村级服务站 keep their own units', async () => {
    const r = await run({
      'r.csv': csv('单位：万元', '县区代码,月份,网络零售额,培训人次,村级服务站', '469001,2023-03,980,120,35'),
    });
    expect(r.values).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-03', 'active_village_stations', '35'],
      ['2023-03', 'online_retail_sales_yuan', '9800000'],
      ['2023-03', 'training_person_times', '120'],
    ]);
  });
});

describe('本月 and 累计 on a report of one month', () => {
  it('March alone (本月 980, 1-3月累计 3314.75) raises no check: January and February are not in the file', async () => {
    const r = await run({
      'r.csv': csv('县区代码,统计月份,网络零售额（万元）,', ',,本月,1-3月累计', '469001,2023-03,980,3314.75'),
    });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    expect(r.checks).toEqual([]);
    for (const f of r.summaries) expect(reconciles(f)).toBe(true);
  });

  it('February and March without January raise none either; January to March with a wrong 累计 still does', async () => {
    const gap = await run({
      'r.csv': csv(
        '县区代码,统计月份,快递业务量（件）,',
        ',,本月,累计',
        '469001,2023-02,100,300',
        '469001,2023-03,110,999',
      ),
    });
    expect(gap.checks).toEqual([]);
    const whole = await run({
      'r.csv': csv(
        '县区代码,统计月份,快递业务量（件）,',
        ',,本月,累计',
        '469001,2023-01,100,100',
        '469001,2023-02,110,210',
        '469001,2023-03,120,999',
      ),
    });
    expect(whole.checks.map((c) => [c.line, c.stated, c.computed])).toEqual([['5', '999', '330']]);
  });
});

describe('second header rows as statistics offices write them', () => {
  for (const [monthly, total] of [
    ['本月数', '累计数'],
    ['当月数', '1—3月累计'],
  ])
    it(`${monthly} / ${total} under the metric: the month's value is read, the 累计 column is not`, async () => {
      const r = await run({
        'r.csv': csv(
          '县区代码,统计月份,快递业务量（件）,',
          `,,${monthly},${total}`,
          '469001,2023-01,100,100',
        ),
      });
      expect(r.files).toEqual([]);
      expect(r.accepted).toEqual([['2023-01', 'express_parcels', '100']]);
    });
});

describe('more second header rows: a period without 累计, last year’s figure, the growth rate, the period on top', () => {
  for (const subs of [
    ['本月', '1-3月'],
    ['本月', '上年同期'],
    ['本月数', '累计数', '同比增长（%）'],
    ['本月', '同比增减%'],
  ])
    it(`${subs.join(' / ')} under the metric: the month's value is read, the others are not`, async () => {
      const r = await run({
        'r.csv': csv(
          `县区代码,统计月份,网络零售额（万元）${','.repeat(subs.length - 1)}`,
          `,,${subs.join(',')}`,
          `469001,2023-03,980,${subs
            .slice(1)
            .map(() => '3314.75')
            .join(',')}`,
        ),
      });
      expect(r.files).toEqual([]);
      // 980 万元
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
      expect(r.summaries[0]!.ignoredColumns).toHaveLength(subs.length - 1);
    });

  it('本月 | 累计 on top, the metrics under each: the 本月 columns are read', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,本月,,累计,',
        ',,网络零售额（万元）,快递业务量（万件）,网络零售额（万元）,快递业务量（万件）',
        '469001,2023-01,100,1.5,100,1.5',
        '469001,2023-02,110,2,210,3.5',
      ),
    });
    expect(r.files).toEqual([]);
    // 100 万元, 1.5 万件; the 累计 columns sum 本月 from January: no check
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-01', 'online_retail_sales_yuan', '1000000'],
        ['2023-01', 'express_parcels', '15000'],
        ['2023-02', 'online_retail_sales_yuan', '1100000'],
        ['2023-02', 'express_parcels', '20000'],
      ]),
    );
    expect(r.checks).toEqual([]);
  });

  it('累计 on top that disagrees with its 本月 columns raises a check', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,本月,累计',
        ',,快递业务量（件）,快递业务量（件）',
        '469001,2023-01,100,100',
        '469001,2023-02,110,200',
      ),
    });
    expect(r.accepted.length).toBe(2);
    // 100 + 110 = 210, not 200
    expect(r.checks.map((c) => [c.line, c.stated, c.computed])).toEqual([['4', '200', '210']]);
  });
});

describe('more shapes of real reports', () => {
  it('a footer of three labelled cells (单位负责人：… 填表人：… 联系电话：…) is a note, not a row of data', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,统计月份,网络零售额（万元）,快递业务量（件）',
        '469001,2023-03,980,60',
        '单位负责人：王五,填表人：张三,联系电话：0415-1234567,',
        '填报日期：2023年4月5日,审核人：李四,电话：0415-7654321,',
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.summaries[0]).toMatchObject({ titleRows: 2, rows: 1 });
    for (const f of r.summaries) expect(reconciles(f)).toBe(true);
  });

  it('a line break typed in a header cell (快递\\n业务量（万件）) is no part of its name', async () => {
    const r = await run({ 'r.csv': csv('县区代码,统计月份,"快递\n业务量（万件）"', '469001,2023-03,1.5') });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '15000']]);
  });

  it('month headers typed as 2023年1月 in Excel (date cells, read as their first day) are months', async () => {
    const b = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['县区代码', '指标', 0, 0],
      ['469001', '网络零售额（万元）', 100, 110],
    ]);
    sheet.C1 = { t: 'n', v: 44927, z: 'yyyy"年"m"月"' }; // 2023-01-01
    sheet.D1 = { t: 'n', v: 44958, z: 'yyyy"年"m"月"' }; // 2023-02-01
    XLSX.utils.book_append_sheet(b, sheet, '月报');
    const r = await run({ 'b.xlsx': XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) });
    expect(r.accepted).toEqual([
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
    ]);
  });

  it('an HTML table saved as .xls (as web systems export one): 2023.10 is October, not the number 2023.1', async () => {
    const html =
      '<html><body><table><tr><td>县区代码</td><td>统计月份</td><td>网络零售额（万元）</td></tr>' +
      '<tr><td>469001</td><td>2023.10</td><td>980</td></tr></table></body></html>';
    const r = await run({ 'web.xls': html });
    expect(r.values).toEqual([]);
    expect(r.accepted).toEqual([['2023-10', 'online_retail_sales_yuan', '9800000']]);
  });
});

describe('a note’s unit and a value’s own', () => {
  it('a long file: 单位：万元 goes to a row without a unit of its own, not onto 万件 or 人次', async () => {
    const r = await run({
      'r.csv': csv(
        '单位：万元',
        '县区代码,月份,指标,数值,单位',
        '469001,2023-03,网络零售额,980,',
        '469001,2023-03,快递业务量,12.5,万件',
        '469001,2023-03,培训人次,120,人次',
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-03', 'express_parcels', '125000'],
      ['2023-03', 'online_retail_sales_yuan', '9800000'],
      ['2023-03', 'training_person_times', '120'],
    ]);
  });

  it('one column per month: 单位：万元 is not joined onto a row’s 快递业务量（万件）', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市2023年电子商务统计月报',
        '单位：万元',
        '县区代码,指标,1月,2月',
        '469001,快递业务量（万件）,1.5,2',
        '469001,网络零售额,100,110',
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-01', 'express_parcels', '15000'],
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'express_parcels', '20000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
    ]);
  });
});

describe('cells merged down a column', () => {
  const header = ['县区代码', '统计月份', '网络零售额（万元）'];
  const write = (rows: (string | number)[][], merges: string[], bookType: 'xlsx' | 'biff8' = 'xlsx') => {
    const b = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(b, sheet, '月报');
    return XLSX.write(b, { type: 'buffer', bookType });
  };

  for (const [name, bookType] of [
    ['b.xlsx', 'xlsx'],
    ['b.xls', 'biff8'],
  ] as const)
    it(`${name}: a county merged over the rows of its months (A2:A4) is every row’s county, as Excel shows it`, async () => {
      const r = await run({
        [name]: write(
          [header, ['469001', '2023-01', 100], ['', '2023-02', 110], ['', '2023-03', 120]],
          ['A2:A4'],
          bookType,
        ),
      });
      expect(r.values).toEqual([]);
      expect(r.accepted.map((a) => [a[0], a[2]])).toEqual([
        ['2023-01', '1000000'],
        ['2023-02', '1100000'],
        ['2023-03', '1200000'],
      ]);
    });

  it('a month merged over two counties is both rows’ month; a header merged over its 本月/累计 row is not spread', async () => {
    const r = await run({
      'b.xlsx': write(
        [
          ['县区代码', '统计月份', '网络零售额（万元）', ''],
          ['', '', '本月', '累计'],
          ['469001', '2023-01', 100, 100],
          ['469002', '', 200, 200],
        ],
        ['A1:A2', 'B1:B2', 'C1:D1', 'B3:B4'],
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.files).toEqual([]);
    expect(r.accepted.map((a) => [a[0], a[2]])).toEqual([
      ['2023-01', '1000000'],
      ['2023-01', '2000000'],
    ]);
  });
});

describe('a unit row over a column not read', () => {
  it('% under 同比增长 (a column not imported) does not refuse the file; 万元 under 网络零售额 is read', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,网络零售额,同比增长', ',,万元,%', '469001,2023-03,980,12.5'),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
  });

  it('a unit the importer does not know under a column it reads still refuses the file, naming the cell', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,网络零售额,同比增长', ',,万人,%', '469001,2023-03,980,12.5'),
    });
    expect(r.files.map((f) => f[1])).toEqual(['unknown_unit']);
  });
});

describe('month cells that name no year', () => {
  const rows = [
    ['县区代码', '月份', '网络零售额（万元）'],
    ['469001', '1月', 100],
    ['469001', '2月份', 110],
  ];
  const expected = [
    ['2023-01', 'online_retail_sales_yuan', '1000000'],
    ['2023-02', 'online_retail_sales_yuan', '1100000'],
  ];

  it('1月 and 2月份 take the year of the title (五指山市2023年…), in a CSV as in a workbook', async () => {
    const title = '五指山市2023年电子商务统计月报';
    const fromCsv = await run({ 'r.csv': csv(title, ...rows.map((r) => r.join(','))) });
    expect(fromCsv.accepted).toEqual(expected);
    const fromBook = await run({ 'b.xlsx': book([{ name: '月报', rows: [[title], ...rows] }]) });
    expect(fromBook.accepted).toEqual(expected);
  });

  it('without a year in the title they are rejected as bad_month: the year is not guessed', async () => {
    const r = await run({ 'r.csv': csv('电子商务统计月报', ...rows.map((x) => x.join(','))) });
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([
      ['1月', 'bad_month'],
      ['2月份', 'bad_month'],
    ]);
  });
});

describe('found by a second reading', () => {
  it('a unit row of labelled cells (单位：万元, 单位：万件) is a row of units, not a note: 5 万件 is 50,000 parcels', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,网络零售额,快递业务量', ',,单位：万元,单位：万件', '469001,2023-03,980,5'),
    });
    expect(r.values).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-03', 'express_parcels', '50000'],
      ['2023-03', 'online_retail_sales_yuan', '9800000'],
    ]);
  });

  it('a value merged down its column (a quarter’s 300 over three months) is no month’s: rejected, not spread nor January’s', async () => {
    const b = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['县区代码', '统计月份', '快递业务量（件）'],
      ['469001', '2023-01', 300],
      ['469001', '2023-02', ''],
      ['469001', '2023-03', ''],
    ]);
    sheet['!merges'] = [XLSX.utils.decode_range('C2:C4')];
    XLSX.utils.book_append_sheet(b, sheet, '月报');
    const r = await run({ 'b.xlsx': XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) });
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([['300', 'merged_value']]);
    for (const f of r.summaries) expect(reconciles(f)).toBe(true);
  });

  it('a header and its values each merged over two grid columns (a form’s layout) are read, not rejected', async () => {
    const b = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['县区代码', '统计月份', '快递业务量（件）', ''],
      ['469001', '2023-01', 300, ''],
      ['469001', '2023-02', 310, ''],
    ]);
    sheet['!merges'] = ['C1:D1', 'C2:D2', 'C3:D3'].map((r) => XLSX.utils.decode_range(r));
    XLSX.utils.book_append_sheet(b, sheet, '月报');
    const r = await run({ 'b.xlsx': XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) });
    expect(r.accepted).toEqual([
      ['2023-01', 'express_parcels', '300'],
      ['2023-02', 'express_parcels', '310'],
    ]);
    expect(r.values).toEqual([]);
  });

  it('a value merged across month columns (a quarter’s 300 over 1月, 2月, 3月) is rejected; the row’s other cells are read', async () => {
    const b = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      ['县区代码', '指标', '2023年1月', '2023年2月', '2023年3月', '2023年4月'],
      ['469001', '快递业务量（件）', 300, '', '', 120],
    ]);
    sheet['!merges'] = [XLSX.utils.decode_range('C2:E2')];
    XLSX.utils.book_append_sheet(b, sheet, '月报');
    const r = await run({ 'b.xlsx': XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) });
    expect(r.accepted).toEqual([['2023-04', 'express_parcels', '120']]);
    expect(r.values).toEqual([['300', 'merged_value']]);
    for (const f of r.summaries) expect(reconciles(f)).toBe(true);
  });

  for (const [label, notes] of [
    ['统计期：2023年 beside 填报单位：…', ['填报单位：五指山市商务局,统计期：2023年']],
    [
      '制表日期：2024年1月 beside 单位：万元, under a 2023 title',
      ['五指山市2023年电子商务统计月报', '单位：万元,制表日期：2024年1月'],
    ],
  ] as const)
    it(`the year is read cell by cell: ${label} gives 2023`, async () => {
      const r = await run({
        'r.csv': csv(...notes, '县区代码,指标,1月,2月', '469001,网络零售额（万元）,100,110'),
      });
      expect(r.accepted.map((a) => a[0])).toEqual(['2023-01', '2023-02']);
    });

  for (const note of ['货币单位：万元', '数据单位：万元', '五指山市电子商务统计月报单位：万元'])
    it(`${note} gives its unit`, async () => {
      const r = await run({ 'r.csv': csv(note, '县区代码,月份,网络零售额', '469001,2023-03,980') });
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    });
});

describe('a unit note in brackets', () => {
  for (const note of ['（单位：万元）', '五指山市2023年3月电子商务统计月报（单位：万元）'])
    it(`${note} gives its unit`, async () => {
      const r = await run({ 'r.csv': csv(note, '县区代码,月份,网络零售额', '469001,2023-03,980') });
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    });
});

/**
 * Imports a folder holding `files`: each published value with its county (sorted), the notes they carry, the
 * values rejected, the files refused and their messages.
 */
async function keyed(files: Record<string, string | Buffer>) {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'in', name), content);
  await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {});
  const rows = readStaging(join(dir, 'out/metrics_monthly.csv'));
  const rejected = readStaging(join(dir, 'out/metrics_rejected.csv'));
  const refusals = rejected.filter((x) => x.scope === 'file');
  return {
    values: sorted(rows.map((a) => [a.county_code, a.month, a.metric, a.value])),
    notes: [...new Set(rows.map((a) => a.note))],
    rejected: rejected.filter((x) => x.scope === 'value').map((x) => [x.raw_value, x.reason]),
    refused: refusals.map((x) => x.reason),
    // a refusal's message, as the run prints it and the rejections table keeps it
    problems: refusals.map((x) => x.raw_value).join('\n'),
  };
}

describe('a county or month named only above the header', () => {
  it('a county’s own report: 东港市 in the title, a 月份 column and 单位：万元', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年电子商务进农村统计月报,,',
        '单位：万元,,',
        '月份,网络零售额,农产品网络零售额',
        '2023-01,100,10',
        '2023-02,110,11',
      ),
    });
    expect(r.refused).toEqual([]);
    // 东港市 is 210681; 100 万元 = 1,000,000 yuan
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-01', 'online_retail_sales_yuan', '1000000'],
        ['210681', '2023-01', 'agri_online_retail_sales_yuan', '100000'],
        ['210681', '2023-02', 'online_retail_sales_yuan', '1100000'],
        ['210681', '2023-02', 'agri_online_retail_sales_yuan', '110000'],
      ]),
    );
    // each value says where its county came from: the line and the name as written
    expect(r.notes).toEqual(['县区取自第 1 行：东港市']);
  });

  it('a prefecture’s table of one month: 2023年3月 in the title, a 县（市、区） column', async () => {
    const r = await keyed({
      'pref.xlsx': book([
        {
          name: 'Sheet1',
          rows: [
            ['丹东市2023年3月各县（市、区）电子商务进农村统计表'],
            ['县（市、区）', '网络零售额（万元）', '快递业务量（万件）'],
            ['东港市', 980, 12.5],
            ['凤城市', 500, 6],
            ['合计', 1480, 18.5],
          ],
        },
      ]),
    });
    expect(r.refused).toEqual([]);
    // 丹东市 is the prefecture, no county: each row's county is its own cell (东港市 210681, 凤城市 210682)
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-03', 'online_retail_sales_yuan', '9800000'],
        ['210681', '2023-03', 'express_parcels', '125000'],
        ['210682', '2023-03', 'online_retail_sales_yuan', '5000000'],
        ['210682', '2023-03', 'express_parcels', '60000'],
      ]),
    );
    expect(r.notes).toEqual(['月份取自第 1 行：2023年3月']);
  });

  it('the statistics office’s block: 表号 and 制定机关 beside the title, 填报单位 | 2023年3月 | 单位：万元', async () => {
    const rows = [
      ['东港市电子商务进农村统计月报', '', '', '表  号：商电统01表'],
      ['', '', '', '制定机关：东港市商务局'],
      ['填报单位：东港市商务局', '', '2023年3月', '单位：万元'],
      ['县区', '月份', '网络零售额', '农产品网络零售额'],
      ['东港市', '2023-03', 980, 60],
    ];
    for (const block of [rows, rows.slice(2)]) {
      const r = await keyed({ 'form.xlsx': book([{ name: 'Sheet1', rows: block }]) });
      expect(r.refused).toEqual([]);
      expect(r.values).toEqual(
        sorted([
          ['210681', '2023-03', 'online_retail_sales_yuan', '9800000'],
          ['210681', '2023-03', 'agri_online_retail_sales_yuan', '600000'],
        ]),
      );
    }
  });

  it('the single-county form: metrics as rows (指标名称 | 计量单位 | 本月 | 1-3月累计), county and month above', async () => {
    const r = await keyed({
      'rows.xlsx': book([
        {
          name: 'Sheet1',
          rows: [
            ['东港市电子商务进农村统计月报'],
            ['填报单位：东港市商务局', '', '2023年3月', '', ''],
            ['指标名称', '计量单位', '本月', '1-3月累计', '同比增长（%）'],
            ['网络零售额', '万元', 980, 3314.75, 8.2],
            ['其中：农产品网络零售额', '万元', 60, 240.1, 5.5],
            ['快递业务量', '万件', 12.5, 36.2, 3.1],
          ],
        },
      ]),
    });
    expect(r.refused).toEqual([]);
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-03', 'online_retail_sales_yuan', '9800000'],
        ['210681', '2023-03', 'agri_online_retail_sales_yuan', '600000'],
        ['210681', '2023-03', 'express_parcels', '125000'],
      ]),
    );
    expect(r.notes).toEqual(['县区取自第 1 行：东港市；月份取自第 2 行：2023年3月']);
  });

  for (const [label, title, more] of [
    ['我县 names no county', '我县2023年电子商务统计月报', '我县'],
    ['two counties named settle none', '东港市、凤城市2023年电子商务统计月报', '东港市、凤城市'],
    ['a prefecture is no county', '丹东市2023年电子商务统计月报', ''],
  ] as const)
    it(`${label}: the file is refused, and the message says what the rows above name`, async () => {
      const r = await keyed({ 'r.csv': csv(title, '月份,网络零售额（万元）', '2023-01,100') });
      expect(r.values).toEqual([]);
      expect(r.refused).toEqual(['no_header']);
      expect(r.problems).toContain('the rows above the header name no one county');
      if (more) expect(r.problems).toContain(more);
    });

  it('a filing date (填报日期：2023年4月5日) is no month of the data', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市电子商务统计月报',
        '填报日期：2023年4月5日',
        '县区,网络零售额（万元）',
        '东港市,980',
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.refused).toEqual(['no_header']);
  });

  it('a county column is read over a county in the title, a month column over a month in it', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年3月电子商务统计月报',
        '县区代码,月份,网络零售额（万元）',
        '140922,2023-01,100',
      ),
    });
    expect(r.values).toEqual([['140922', '2023-01', 'online_retail_sales_yuan', '1000000']]);
    expect(r.notes).toEqual(['']);
  });
});

describe('cells as reports write them, read alike in DuckDB and in JavaScript', () => {
  const header = '县区,月份,网络零售额（万元）,备注';
  // (a quoted line break in a note makes a file whose records are not its lines: read in JavaScript)
  const both = (lines: string[]) => ({
    'duckdb.csv': csv(header, ...lines.map((l) => `${l},`)),
    'js.csv': csv(header, ...lines.map((l) => `${l},`), '五台县,2023-12,1,"两行\n备注"'),
  });
  const byFile = (r: Awaited<ReturnType<typeof run>>, name: string) =>
    r.summaries.find((s) => s.file.endsWith(name))!;

  it('a number grouped by a no-break, thin or narrow space, or with a zero-width space, is the number', async () => {
    const r = await run(
      both([
        '五台县,2023-01,"1\u00a0234.5"',
        '五台县,2023-02,1\u2009234',
        '五台县,2023-03,1\u202f234',
        '五台县,2023-04,\u200b12',
      ]),
    );
    expect(byFile(r, 'duckdb.csv').readBy).toBe('duckdb');
    expect(byFile(r, 'js.csv').readBy).not.toBe('duckdb');
    // 1,234.5 万元, 1,234 万元 twice, 12 万元: each from both files, the same value (no conflict)
    const months = r.accepted.filter((a) => a[0] !== '2023-12');
    expect(sorted(months)).toEqual(
      sorted([
        ['2023-01', 'online_retail_sales_yuan', '12345000'],
        ['2023-02', 'online_retail_sales_yuan', '12340000'],
        ['2023-03', 'online_retail_sales_yuan', '12340000'],
        ['2023-04', 'online_retail_sales_yuan', '120000'],
      ]),
    );
    expect(r.values.filter((v) => v[1] !== 'duplicate_identical')).toEqual([]);
  });

  it('—, -, /, …, 无: no figure given, rejected as such, never read as 0 or as a fault of the number', async () => {
    // (— — with a space between, as a fourth probe wrote it; an ideographic space between, as a Chinese IME types it)
    const marks = ['—', '——', '-', '－', '/', '／', '…', '无', '— —', '—\u3000—'];
    const r = await run(both(marks.map((m, i) => `五台县,2023-${String(i + 1).padStart(2, '0')},${m}`)));
    expect(r.accepted.filter((a) => a[0] !== '2023-12')).toEqual([]);
    // (a cell that starts with - is written with a ' before it, so that a spreadsheet takes it for no formula)
    expect(r.values).toEqual([...marks, ...marks].map((m) => [m === '-' ? "'-" : m, 'no_data']));
  });

  it('a county in Traditional characters (東港市), or with its province or prefecture (辽宁省东港市, 丹东市东港市)', async () => {
    const r = await run(
      both([
        '東港市,2023-01,1',
        '辽宁省东港市,2023-02,2',
        '丹东市东港市,2023-03,3',
        '遼寧省東港市,2023-04,4',
      ]),
    );
    expect(r.values.filter((v) => v[1] !== 'duplicate_identical')).toEqual([]);
    expect(r.accepted.filter((a) => a[0] !== '2023-12').map((a) => a[0])).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
    ]);
  });

  it('a province or prefecture that is not the county’s own is no path to it: 北京市东港市, 丹东市东港区', async () => {
    const r = await run(both(['北京市东港市,2023-01,1', '丹东市东港区,2023-02,2']));
    expect(r.accepted.filter((a) => a[0] !== '2023-12')).toEqual([]);
    expect(r.values.map((v) => v[1])).toEqual(Array(4).fill('unknown_county'));
  });

  it('a month cell with a time of day, as Excel writes a date into a CSV (2023/7/1 0:00, 2023-6-30 0:00:00)', async () => {
    const r = await run(both(['五台县,2023/7/1 0:00,1', '五台县,2023-6-30 0:00:00,2']));
    expect(r.values.filter((v) => v[1] !== 'duplicate_identical')).toEqual([]);
    expect(sorted(r.accepted.filter((a) => a[0] !== '2023-12'))).toEqual(
      sorted([
        ['2023-06', 'online_retail_sales_yuan', '20000'],
        ['2023-07', 'online_retail_sales_yuan', '10000'],
      ]),
    );
  });
});

describe('text tables under other names', () => {
  const table = ['县区代码\t统计月份\t网络零售额（万元）', '469001\t2023-03\t980'];

  it('a .txt saved by Excel as Text (Tab delimited), in GB18030 or as Unicode Text (UTF-16), and a .tsv', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${table.join('\r\n')}\r\n`, 'utf16le'),
    ]);
    for (const [name, content] of [
      ['r.txt', gb18030(`${table.join('\r\n')}\r\n`)],
      ['r.txt', utf16],
      ['r.tsv', csv(...table)],
    ] as const) {
      const r = await run({ [name]: content });
      expect(r.files).toEqual([]);
      // 980 万元
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    }
  });

  it('a CSV renamed .xls (as web systems export one), UTF-8 or GB18030, is read as the text it is', async () => {
    const text = ['县区代码,统计月份,网络零售额（万元）', '469001,2023-03,"1,234.5"'].join('\r\n');
    for (const content of [`${text}\r\n`, gb18030(`${text}\r\n`)]) {
      const r = await run({ 'export.xls': content });
      expect(r.files).toEqual([]);
      // 1,234.5 万元
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '12345000']]);
      expect(r.summaries[0]!.file).toMatch(/export\.xls$/);
    }
  });

  it('a file of another kind is named in the run’s summary as skipped, with why', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'r.csv'), csv('县区代码,统计月份,快递业务量（件）', '469001,2023-03,5'));
    writeFileSync(join(dir, 'in', '说明.docx'), 'PK\x03\x04');
    const { skipped } = await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {});
    expect(skipped.map((s) => [s.file.replace(/^.*\//, ''), s.reason])).toEqual([
      [
        '说明.docx',
        'not a .csv, .tsv, .txt, .xlsx or .xls file / 非 .csv、.tsv、.txt、.xlsx 或 .xls 文件，已跳过',
      ],
    ]);
  });
});

describe('a 年份 column beside months that name no year', () => {
  it('one column per month, a row per year: each row’s months are of its year', async () => {
    const r = await run({
      'r.csv': csv(
        '五台县2022—2023年电子商务统计',
        '县区,年份,指标,1月,2月',
        '五台县,2022,网络零售额（万元）,90,95',
        '五台县,2023年,网络零售额（万元）,100,110',
      ),
    });
    expect(r.files).toEqual([]);
    expect(r.values).toEqual([]);
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2022-01', 'online_retail_sales_yuan', '900000'],
        ['2022-02', 'online_retail_sales_yuan', '950000'],
        ['2023-01', 'online_retail_sales_yuan', '1000000'],
        ['2023-02', 'online_retail_sales_yuan', '1100000'],
      ]),
    );
  });

  it('a 年份 and a 月份 column (2023 | 3月) give the month; a 年份 that is no year gives none', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,年份,月份,快递业务量（件）',
        '五台县,2023,3月,5',
        '五台县,2023,4,6',
        '五台县,去年,5月,7',
      ),
    });
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-03', 'express_parcels', '5'],
        ['2023-04', 'express_parcels', '6'],
      ]),
    );
    expect(r.values).toEqual([['5月', 'bad_month']]);
  });

  it('累计 is checked on months that take their year from the title or the 年份 column', async () => {
    for (const [title, header, rows] of [
      [
        '五台县2023年统计月报',
        '县区代码,月份,快递业务量（件）,',
        ['469001,1月,100,100', '469001,2月,110,200'],
      ],
      ['', '县区代码,年份,月份,快递业务量（件）,', ['469001,2023,1,100,100', '469001,2023,2,110,200']],
    ] as const) {
      const r = await run({
        'r.csv': csv(
          ...(title ? [title] : []),
          header,
          `${header.replace(/[^,]/g, '').slice(1)}本月,累计`,
          ...rows,
        ),
      });
      expect(r.accepted.map((a) => a[0])).toEqual(['2023-01', '2023-02']);
      // 100 + 110 = 210, not 200
      expect(r.checks.map((c) => [c.month, c.stated, c.computed])).toEqual([['2023-02', '200', '210']]);
    }
  });

  it('a 年份 column is read over the year of the title', async () => {
    const r = await run({
      'r.csv': csv('五台县2023年统计月报', '县区,年份,月份,快递业务量（件）', '五台县,2022,3月,5'),
    });
    expect(r.accepted).toEqual([['2022-03', 'express_parcels', '5']]);
  });
});

describe('a column header given twice', () => {
  it('each rejection names its own cell and column, and a repeat in the same row is called so', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const ws = XLSX.utils.aoa_to_sheet([
      [],
      [],
      ['', '县区', '月份', '快递业务量（万件）', '网络零售额（万元）', '快递业务量（万件）'],
      ['', '东港市', '2023-01', 1.5, 100, 1.5],
      ['', '东港市', '2023-02', 'x', 110, 'y'],
    ]);
    const b = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(b, ws, 'Sheet1');
    writeFileSync(join(dir, 'in', 'b.xlsx'), XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }));
    await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {});
    const rejected = readStaging(join(dir, 'out/metrics_rejected.csv')).filter((x) => x.scope === 'value');
    expect(rejected.map((x) => [x.cell, x.column, x.raw_value, x.reason])).toEqual([
      ['Sheet1!F4', '快递业务量(万件)（第 F 列）', '1.5', 'duplicate_identical'],
      ['Sheet1!D5', '快递业务量(万件)（第 D 列）', 'x', 'not_a_number'],
      ['Sheet1!F5', '快递业务量(万件)（第 F 列）', 'y', 'not_a_number'],
    ]);
    expect(rejected[0]!.reason_zh).not.toMatch(/前一行/);
  });

  it('in a CSV, by its position: x and y are two rejections, each of its column', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,快递业务量（万件）,网络零售额（万元）,快递业务量（万件）',
        '东港市,2023-01,x,100,y',
      ),
    });
    const rejected = readStaging(
      join(r.summaries[0]!.file.replace(/in\/r\.csv$/, ''), 'out/metrics_rejected.csv'),
    );
    expect(rejected.map((x) => [x.column, x.raw_value])).toEqual([
      ['快递业务量(万件)（第 3 列）', 'x'],
      ['快递业务量(万件)（第 5 列）', 'y'],
    ]);
  });
});

describe('found by a second probe: what the rows above the header do not settle', () => {
  const rowsForm = (title: string[], header = '指标名称,计量单位,本月,1-3月累计') =>
    csv(...title, header, '网络零售额,万元,86.5,240.2', '快递业务量,件,5200,15000');

  it('a note row between the title and the header is a note, not the header (单位：万元, 填报单位：… | 填报日期：…)', async () => {
    for (const note of ['单位：万元', '填报单位：东港市商务局,填报日期：2023年4月5日'])
      expect(
        await keyed({
          'r.csv': rowsForm(['东港市2023年3月电子商务统计月报', note], '指标名称,计量单位,本月,本年累计'),
        }),
      ).toMatchObject({
        refused: [],
        values: sorted([
          ['210681', '2023-03', 'online_retail_sales_yuan', '865000'],
          ['210681', '2023-03', 'express_parcels', '5200'],
        ]),
      });
  });

  it('a two-row header under a title naming the county or month is joined, never dropped without a word', async () => {
    const r = await keyed({
      'r.csv': csv(
        '丹东市2023年3月各县（市、区）电子商务统计表',
        '县（市、区）,网络零售额（万元）,,快递业务量（万件）,',
        ',本月,累计,本月,累计',
        '东港市,980,2500,12.5,30',
      ),
    });
    expect(r.refused).toEqual([]);
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-03', 'online_retail_sales_yuan', '9800000'],
        ['210681', '2023-03', 'express_parcels', '125000'],
      ]),
    );
  });

  it('a township’s own report is no county’s: 东港市孤山镇…月报, 填报单位：东港市前阳镇人民政府', async () => {
    for (const title of [
      ['东港市孤山镇2023年3月电子商务进农村统计月报'],
      ['乡镇电子商务统计月报', '填报单位：东港市前阳镇人民政府,2023年3月'],
    ])
      expect(await keyed({ 'r.csv': rowsForm(title) })).toMatchObject({ values: [], refused: ['no_header'] });
  });

  it('a table of townships (a 乡镇 column, or 各乡镇 in the title) gives no county’s values', async () => {
    for (const file of [
      csv(
        '县（市、区）,乡镇,月份,网络零售额（万元）',
        '东港市,孤山镇,2023-03,86.5',
        '东港市,前阳镇,2023-03,55',
      ),
      csv('五指山市2023年3月电商服务站运营情况', '乡镇,村级服务站（个）,快递业务量（件）', '水满乡,3,800'),
      csv(
        '凤城市2023年3月各乡镇（街道）电子商务统计表',
        '单位名称,网络零售额（万元）',
        '凤山,320',
        '红旗,85',
      ),
    ]) {
      const r = await keyed({ 'r.csv': file });
      expect(r.values).toEqual([]);
      expect(r.refused).toEqual(['township_rows']);
    }
  });

  for (const [label, title] of [
    ['a range of months', '东港市2023年1月至2023年6月电子商务统计'],
    ['a range written with 月份', '东港市2023年1月份-3月份电子商务统计'],
    ['a running total to a month’s end', '东港市截至2023年6月底电子商务统计'],
    ['a quarter', '东港市电子商务统计季报（2023年第一季度）'],
  ] as const)
    it(`${label} in the title (${title}) names no month`, async () => {
      const r = await keyed({
        'r.csv': rowsForm(
          [title, '填报单位：东港市商务局,2023年3月'].slice(0, title.includes('季') ? 2 : 1),
          '指标名称,计量单位,本期,上年同期',
        ),
      });
      expect(r.values).toEqual([]);
      expect(r.refused).toEqual(['no_header']);
    });

  it('a title naming the month’s figures and their running sums (本月及累计) still names its month', async () => {
    const r = await keyed({ 'r.csv': rowsForm(['东港市2023年3月电子商务统计月报（本月及累计）']) });
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-03', 'online_retail_sales_yuan', '865000'],
        ['210681', '2023-03', 'express_parcels', '5200'],
      ]),
    );
  });

  it('a title saying its months are running sums (逐月累计) refuses a table of one column per month', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年网络零售额逐月累计情况表',
        '县区,指标,1月,2月,3月',
        '东港市,网络零售额（万元）,120,250,395',
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.refused).toEqual(['cumulative_only']);
  });

  it('periods in a month cell are no month and no day: 2023/4-6, 2023.07-09, 2023.1-3, 2023/1-2', async () => {
    const r = await keyed({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）',
        '五台县,2023/4-6,1500',
        '五指山市,2023.07-09,880',
        '凤城市,2023.1-3,2400',
        '东港市,2023/1-2,2100',
        '东港市,2023/3/31,100',
      ),
    });
    expect(r.values).toEqual([['210681', '2023-03', 'online_retail_sales_yuan', '1000000']]);
    expect(r.rejected.map((x) => x[1])).toEqual(Array(4).fill('period_not_month'));
  });

  it('a second table stacked under the first is read under its own header', async () => {
    const r = await keyed({
      'r.csv': csv(
        '表1 网络零售额,,',
        '县区,月份,网络零售额（万元）',
        '东港市,2023-03,1200',
        ',,',
        '表2 快递业务量,,',
        '县区,月份,快递业务量（万件）',
        '东港市,2023-03,35.2',
        '五台县,2023-03,18.6',
      ),
    });
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-03', 'online_retail_sales_yuan', '12000000'],
        ['210681', '2023-03', 'express_parcels', '352000'],
        ['140922', '2023-03', 'express_parcels', '186000'],
      ]),
    );
    expect(r.rejected).toEqual([]);
  });

  it('month columns across a year’s end take the year of the dated column to their left, never the title’s', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年2月电子商务统计月报',
        '县区,指标,2022年11月,12月,2023年1月,2月',
        '东港市,网络零售额（万元）,1100,1150,900,950',
      ),
    });
    expect(r.values.map((v) => v[1])).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
  });
});

describe('a short county name under a title that names the place', () => {
  it('is read only where it is in the province or prefecture the title names: 凤城 under 丹东市…, not 凤山 (广西)', async () => {
    const table = ['县（市、区）,月份,网络零售额（万元）', '凤城,2023-03,500', '凤山,2023-03,320'];
    const titled = await run({ 'r.csv': csv('丹东市2023年电子商务统计表', ...table) });
    // 凤城 is 凤城市 of 丹东市 (210682); 凤山 is 凤山县 of 广西, which the title does not name
    expect(titled.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '5000000']]);
    expect(titled.values).toEqual([['凤山', 'unknown_county']]);
    // without a title, each name as the reference resolves it
    const plain = await run({ 'r.csv': csv(...table) });
    expect(plain.accepted).toHaveLength(2);
  });
});

describe('metric names as statistics offices number them', () => {
  it('一、网络零售额, （一）村级服务站, 3.培训人次, # 农产品网络零售额 and a unit after the name (网络零售额(万元)) are read', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,指标,数值,单位',
        '469001,2023-03,一、网络零售额,980,万元',
        '469001,2023-03,（一）村级服务站,12,个',
        '469001,2023-03,3.电商培训人次,150,人次',
        '469001,2023-03,# 农产品网络零售额,60,万元',
        '469001,2023-04,网络零售额(万元),990,',
        '469001,2023-04,快递业务量（万件）,1.5,',
      ),
    });
    expect(r.values).toEqual([]);
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-03', 'online_retail_sales_yuan', '9800000'],
        ['2023-03', 'active_village_stations', '12'],
        ['2023-03', 'training_person_times', '150'],
        ['2023-03', 'agri_online_retail_sales_yuan', '600000'],
        ['2023-04', 'online_retail_sales_yuan', '9900000'],
        ['2023-04', 'express_parcels', '15000'],
      ]),
    );
  });

  it('the same in JavaScript and in DuckDB, rejections included', async () => {
    const lines = [
      '县区代码,月份,指标,数值,单位',
      '469001,2023-03,（二）网络零售额(万元),980,',
      '469001,2023-03,二、无此指标(万元),5,',
    ];
    const fast = await run({ 'r.csv': csv(...lines) });
    const js = await run({ 'r.csv': csv(...lines, '469001,2023-12,快递业务量,"1', '"') });
    expect(fast.summaries[0]!.readBy).toBe('duckdb');
    expect(js.summaries[0]!.readBy).not.toBe('duckdb');
    expect(fast.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    expect(js.accepted.filter((a) => a[0] === '2023-03')).toEqual(fast.accepted);
    expect(fast.values).toEqual([['二、无此指标', 'unknown_metric']]);
    expect(js.values.filter((v) => v[0] === '二、无此指标')).toEqual(fast.values);
  });
});

describe('more second header rows: the month named, the running sum first', () => {
  for (const subs of [
    ['1-3月', '3月'],
    ['1-3月份累计', '本月'],
    ['本月', '1-本月'],
    ['一季度', '3月'],
    ['累计', '3月'],
    ['本年累计', '本月'],
  ])
    it(`${subs.join(' / ')}: the month's value is read, the other is not`, async () => {
      const r = await run({
        'r.csv': csv(
          '五指山市2023年3月电子商务统计月报',
          '县区代码,网络零售额（万元）,',
          `,${subs.join(',')}`,
          `469001,${subs.map((s) => (/^(?:本月|3月)$/.test(s) ? '980' : '3314.75')).join(',')}`,
        ),
      });
      expect(r.files).toEqual([]);
      // 980 万元 in March
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '9800000']]);
    });

  it('several months under one metric (1月 | 2月 | 3月) are not one month’s: no value is read as March’s', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市2023年3月电子商务统计月报',
        '县区代码,网络零售额（万元）,,',
        ',1月,2月,3月',
        '469001,100,110,120',
      ),
    });
    expect(r.accepted).toEqual([]);
  });
});

describe('months in Chinese numerals', () => {
  it('一月, 二月份, 2023年三月, 十二月 and a title 二〇二三年 give their months', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市二〇二三年电子商务统计月报',
        '县区代码,月份,快递业务量（件）',
        '469001,一月,1',
        '469001,二月份,2',
        '469001,2023年三月,3',
        '469001,十二月,12',
        '469001,十三月,13',
      ),
    });
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-01', 'express_parcels', '1'],
        ['2023-02', 'express_parcels', '2'],
        ['2023-03', 'express_parcels', '3'],
        ['2023-12', 'express_parcels', '12'],
      ]),
    );
    expect(r.values).toEqual([['十三月', 'bad_month']]);
  });

  it('columns 一月 … 十二月 are months', async () => {
    const r = await run({
      'r.csv': csv('五指山市2023年统计', '县区代码,指标,一月,十二月', '469001,快递业务量（件）,1,12'),
    });
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-01', 'express_parcels', '1'],
        ['2023-12', 'express_parcels', '12'],
      ]),
    );
  });
});

describe('a workbook with a sheet per month or per county', () => {
  const rowsSheet = (rows: (string | number)[][]) => rows;

  it('a sheet per month (1月, 2月) of a county’s workbook: each sheet’s month from its name, the year from its title', async () => {
    const sheet = (m: number, v: number) => ({
      name: `${m}月`,
      rows: rowsSheet([
        ['东港市2023年电子商务统计月报'],
        ['指标名称', '计量单位', '本月', '本年累计'],
        ['网络零售额', '万元', v, v * m],
      ]),
    });
    const r = await run({ 'b.xlsx': book([sheet(1, 120), sheet(2, 130)]) });
    expect(r.files).toEqual([]);
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-01', 'online_retail_sales_yuan', '1200000'],
        ['2023-02', 'online_retail_sales_yuan', '1300000'],
      ]),
    );
  });

  it('a sheet per county (东港市, 凤城市) over a 月份 column: each sheet’s county from its name, and the note says so', async () => {
    const sheet = (name: string, v: number) => ({
      name,
      rows: rowsSheet([
        ['月份', '快递业务量（件）'],
        ['2023-01', v],
      ]),
    });
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(
      join(dir, 'in', 'q1.xlsx'),
      book([sheet('东港市', 5), sheet('凤城市', 6), sheet('Sheet3', 7)]),
    );
    await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {});
    const rows = readStaging(join(dir, 'out/metrics_monthly.csv'));
    expect(sorted(rows.map((a) => [a.county_code, a.month, a.value, a.note]))).toEqual(
      sorted([
        ['210681', '2023-01', '5', '县区取自工作表名：东港市'],
        ['210682', '2023-01', '6', '县区取自工作表名：凤城市'],
      ]),
    );
    const refused = readStaging(join(dir, 'out/metrics_rejected.csv')).filter((x) => x.scope === 'file');
    expect(refused.map((x) => [(x.file ?? '').replace(/^.*\//, ''), x.reason])).toEqual([
      ['q1.xlsx!Sheet3', 'no_header'],
    ]);
  });

  it('a sheet named for a month beside a title naming another settles none', async () => {
    const r = await run({
      'b.xlsx': book([
        {
          name: '1月',
          rows: [
            ['东港市2023年3月电子商务统计月报'],
            ['指标名称', '计量单位', '本月'],
            ['网络零售额', '万元', 5],
          ],
        },
      ]),
    });
    expect(r.accepted).toEqual([]);
    expect(r.files).toEqual([['b.xlsx!1月', 'no_header']]);
  });
});

describe('an indicator code column and a row of column letters, as statistics-office forms print them', () => {
  it('代码 beside 指标名称 numbers the indicators (01, 02), not counties; 甲 | 乙 | 1 | 2 under the header is no data', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2023年3月电子商务统计月报',
        '指标名称,代码,计量单位,本月,本年累计',
        '甲,乙,丙,1,2',
        '网络零售额,01,万元,1200,3400',
        '快递业务量,02,万件,35.2,98',
      ),
    });
    expect(r.files).toEqual([]);
    expect(r.values).toEqual([]);
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-03', 'online_retail_sales_yuan', '12000000'],
        ['2023-03', 'express_parcels', '352000'],
      ]),
    );
  });
});

describe('a table with a column per county', () => {
  it('指标 | 计量单位 | 东港市 | 凤城市 under a title naming the month: each cell its row’s metric for its column’s county', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(
      join(dir, 'in', 'r.csv'),
      csv(
        '丹东市2023年3月各县（市、区）电子商务主要指标',
        '指标,计量单位,东港市,凤城市,合计',
        '网络零售额,万元,1200,860,2060',
        '快递业务量,万件,35.2,21.8,57',
      ),
    );
    await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {});
    const rows = readStaging(join(dir, 'out/metrics_monthly.csv'));
    expect(
      sorted(rows.map((a) => [a.county_code, a.month, a.metric, a.value, a.source?.replace(/^.*\//, '')])),
    ).toEqual(
      sorted([
        ['210681', '2023-03', 'online_retail_sales_yuan', '12000000', 'r.csv:3'],
        ['210682', '2023-03', 'online_retail_sales_yuan', '8600000', 'r.csv:3'],
        ['210681', '2023-03', 'express_parcels', '352000', 'r.csv:4'],
        ['210682', '2023-03', 'express_parcels', '218000', 'r.csv:4'],
      ]),
    );
    const rejected = readStaging(join(dir, 'out/metrics_rejected.csv'));
    // 合计 is no county: a column not imported
    expect(rejected.map((x) => [x.column, x.reason])).toEqual([['合计', 'unknown_column']]);
  });

  it('a column per county and no month named anywhere: refused, the month not guessed', async () => {
    const r = await run({ 'r.csv': csv('指标,计量单位,东港市,凤城市', '网络零售额,万元,1200,860') });
    expect(r.accepted).toEqual([]);
    expect(r.files).toEqual([['r.csv', 'no_header']]);
  });
});

describe('years and days above the months', () => {
  it('a row of years over the month columns (2022年 | | | 2023年) gives each month its year', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市电子商务月度对比表,,,,,,,',
        ',,2022年,,,2023年,,',
        '县区,指标,1月,2月,3月,1月,2月,3月',
        '东港市,网络零售额（万元）,100,110,125,120,130,145',
      ),
    });
    expect(r.values).toEqual([]);
    expect(sorted(r.accepted).map((a) => [a[0], a[2]])).toEqual([
      ['2022-01', '1000000'],
      ['2022-02', '1100000'],
      ['2022-03', '1250000'],
      ['2023-01', '1200000'],
      ['2023-02', '1300000'],
      ['2023-03', '1450000'],
    ]);
  });

  it('a title naming a month by its first and last day (2023年3月1日—3月31日) names that month', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市电子商务统计表（2023年3月1日—3月31日）',
        '指标名称,计量单位,本月',
        '网络零售额,万元,96',
      ),
    });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '960000']]);
  });

  it('days that are not the whole month (2023年3月1日—3月15日) name none', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市电子商务统计表（2023年3月1日—3月15日）',
        '指标名称,计量单位,本月',
        '网络零售额,万元,96',
      ),
    });
    expect(r.accepted).toEqual([]);
  });
});

describe('units as post offices and training records write them', () => {
  it('票 and 万票 count parcels, 人·次 person-times', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,指标,数值,单位',
        '469001,2023-03,快递业务量,12,万票',
        '469001,2023-04,快递业务量,5,票',
        '469001,2023-03,培训人次,30,人·次',
      ),
    });
    expect(r.values).toEqual([]);
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-03', 'express_parcels', '120000'],
        ['2023-04', 'express_parcels', '5'],
        ['2023-03', 'training_person_times', '30'],
      ]),
    );
  });
});

describe('单位 heading the reporting units', () => {
  it('单位 over county names, in a table without a metric column, is the county column', async () => {
    const r = await run({
      'r.csv': csv(
        '丹东市2023年3月快递业务量统计',
        '单位,快递业务量（万件）,同比增长（%）',
        '东港市,35.2,5.1',
        '凤城市,21.8,3.2',
      ),
    });
    expect(r.files).toEqual([]);
    expect(sorted(r.accepted)).toEqual(
      sorted([
        ['2023-03', 'express_parcels', '352000'],
        ['2023-03', 'express_parcels', '218000'],
      ]),
    );
  });

  it('单位 beside 指标 is still the unit column of a long file', async () => {
    const r = await run({ 'r.csv': csv('县区代码,月份,指标,数值,单位', '469001,2023-03,快递业务量,3,万件') });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '30000']]);
  });
});

describe('found by a second reading of the change', () => {
  const rowsForm = (...above: string[]) => csv(...above, '指标名称,计量单位,本月', '网络零售额,万元,120');

  for (const [label, above] of [
    [
      'a township filing without its county (填报单位：孤山镇人民政府)',
      ['东港市2023年3月电子商务统计月报', '填报单位：孤山镇人民政府'],
    ],
    [
      'a township office after the county (东港市孤山镇商务办…)',
      ['东港市孤山镇商务办2023年3月电子商务统计月报'],
    ],
    ['a community (东港市大东街道新兴社区…)', ['东港市大东街道新兴社区2023年3月电子商务统计月报']],
    ['several counties (东港市等3县（市）…)', ['东港市等3县（市）2023年3月电子商务汇总表']],
    ['a part of the county (东港市城区…)', ['东港市城区2023年3月电子商务统计']],
  ] as const)
    it(`${label} names no county`, async () => {
      const r = await run({ 'r.csv': rowsForm(...above) });
      expect(r.accepted).toEqual([]);
      expect(r.files.map((f) => f[1])).toEqual(['no_header']);
    });

  it('a sheet named for a township (孤山镇) under a county’s title names no county', async () => {
    const r = await run({
      'b.xlsx': book([
        {
          name: '孤山镇',
          rows: [
            ['东港市2023年3月电子商务统计月报'],
            ['指标名称', '计量单位', '本月'],
            ['网络零售额', '万元', 120],
          ],
        },
      ]),
    });
    expect(r.accepted).toEqual([]);
  });

  for (const header of [
    '县区,乡镇街道,月份,网络零售额（万元）',
    '县区,镇（街道）,月份,网络零售额（万元）',
    '县区,社区,月份,网络零售额（万元）',
  ])
    it(`a township column (${header.split(',')[1]}) refuses the table`, async () => {
      const r = await run({ 'r.csv': csv(header, '东港市,孤山镇,2023-03,100') });
      expect(r.files.map((f) => f[1])).toEqual(['township_rows']);
    });

  it('a validity date (有效期至：2024年12月) names no year or month of the data; 2023年1-3月 names no month', async () => {
    const r = await run({
      'r.csv': rowsForm(
        '东港市电子商务统计月报',
        '表号：商电统01表,有效期至：2024年12月',
        '填报单位：东港市商务局,2023年1-3月,单位：万元',
      ),
    });
    expect(r.accepted).toEqual([]);
  });

  it('a filing date in Chinese numerals (二〇二三年四月五日) names no month', async () => {
    const r = await run({
      'r.csv': rowsForm('东港市电子商务统计月报（三月）', '填报单位：东港市商务局,二〇二三年四月五日'),
    });
    expect(r.accepted).toEqual([]);
  });

  it('a full date (二〇二三年四月五日, unlabelled) names no year of the data: 3月 stays without one', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市电子商务统计月报',
        '填报单位：东港市商务局,单位：万元,二〇二三年四月五日',
        '县区,月份,网络零售额',
        '东港市,3月,120',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([['3月', 'bad_month']]);
  });

  it('a unit note anywhere in its row (填报单位：… | 单位：万件 | 2023年3月) gives its unit', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市电子商务统计月报',
        '填报单位：东港市商务局,单位：万件,2023年3月',
        '指标名称,本月',
        '快递业务量,35',
      ),
    });
    // 35 万件
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '350000']]);
  });

  it('a 代码 column of county codes beside 指标 is read as the county, under a title naming another', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2023年电子商务数据',
        '代码,月份,指标,单位,数值',
        '210682,2023-03,网络零售额,万元,100',
      ),
    });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '1000000']]);
    const plain = await run({
      'r.csv': csv('代码,月份,指标,单位,数值', '210682,2023-03,网络零售额,万元,100'),
    });
    expect(plain.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '1000000']]);
  });

  it('month columns that go on past December (2022年11月, 12月, 1月, 2月) go on into the next year', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市电子商务统计月报',
        '县区,指标,2022年11月,12月,1月,2月',
        '东港市,网络零售额（万元）,10,20,30,40',
      ),
    });
    expect(sorted(r.accepted).map((a) => a[0])).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
  });

  it('a second header row naming another month than the title’s (3月 under 2023年4月) refuses the file', async () => {
    const r = await run({
      'r.csv': csv(
        '丹东市2023年4月各县（市、区）电子商务统计',
        '县区,网络零售额（万元）,',
        ',3月,1-3月',
        '东港市,100,300',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(r.files.map((f) => f[1])).toEqual(['no_header']);
  });

  it('stacked tables: a header written in full-width brackets, a unit note and a title between them', async () => {
    const r = await run({
      'r.csv': csv(
        '县（市、区）,月份,网络零售额（万元）,快递业务量（万件）',
        '东港市,2023-03,100,5',
        '',
        '凤城市2024年电子商务数据,,,',
        '单位：万件,,,',
        '县（市、区）,月份,快递业务量,网络零售额（万元）',
        '凤城市,2024-03,7,200',
      ),
    });
    expect(sorted(r.accepted.filter((a) => a[0] === '2024-03'))).toEqual(
      sorted([
        ['2024-03', 'express_parcels', '70000'],
        ['2024-03', 'online_retail_sales_yuan', '2000000'],
      ]),
    );
  });

  it('a .txt of notes only (说明.txt) is skipped by name, not refused', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,快递业务量（件）', '469001,2023-03,5'),
      '说明.txt': '本文件夹为月报。\n请按月报送。\n',
    });
    expect(r.files).toEqual([]);
    expect(r.problems).toMatch(/说明\.txt: no table/);
  });

  it('a zero-width space and a tab before a number: the same in DuckDB as in JavaScript', async () => {
    const fast = await run({ 'r.csv': csv('县区代码,月份,快递业务量（件）', '469001,2023-03,"\u200b\t12"') });
    expect(fast.summaries[0]!.readBy).toBe('duckdb');
    expect(fast.accepted).toEqual([['2023-03', 'express_parcels', '12']]);
  });
});

describe('footnotes under the data', () => {
  for (const [label, extra] of [
    ['in JavaScript', ['469001,2023-12,快递业务量（件）,"1', '"']],
    ['in DuckDB', []],
  ] as const)
    it(`注1：… and ※… are notes, not data (${label})`, async () => {
      const r = await run({
        'r.csv': csv(
          '县区代码,月份,指标,数值',
          '469001,2023-03,快递业务量（件）,5',
          '注1：快递业务量含邮政。,,,',
          '※本月数据为快报数。,,,',
          ...extra,
        ),
      });
      expect(r.values).toEqual([]);
      expect(r.summaries[0]!.notes).toEqual(['注1：快递业务量含邮政。', '※本月数据为快报数。']);
    });
});

describe('a unit given twice in a table with one column per month', () => {
  const table = (unit: string) =>
    csv(`县区代码,指标,单位,2023年1月,2023年2月`, `469001,网络零售额（万元）,${unit},100,110`);

  it('网络零售额（万元） with 元 in the unit column: rejected as bad_unit, not published as 100 yuan', async () => {
    const r = await run({ 'r.csv': table('元') });
    expect(r.accepted).toEqual([]);
    // (a unit rejection gives the units as given, both)
    expect(r.values).toEqual([
      ['元 / 万元', 'bad_unit'],
      ['元 / 万元', 'bad_unit'],
    ]);
  });

  it('网络零售额（万元） with 万元 in the unit column: 100 万元 is 1,000,000 yuan', async () => {
    const r = await run({ 'r.csv': table('万元') });
    expect(r.accepted).toEqual([
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
    ]);
  });
});

describe('stacked tables of a file without a county column', () => {
  it('a second county’s table under the first (its title, its unit note, 月份 again) is read as its own, not as the first county’s', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年电子商务统计月报',
        '月份,网络零售额（万元）',
        '2023年1月,100',
        '2023年2月,110',
        '',
        '凤城市2023年电子商务统计月报',
        '单位：万件',
        '月份,快递业务量',
        '2023年3月,20',
        '2023年4月,21',
      ),
    });
    // 东港市 is 210681, 凤城市 210682; 20 万件 = 200,000 parcels
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-01', 'online_retail_sales_yuan', '1000000'],
        ['210681', '2023-02', 'online_retail_sales_yuan', '1100000'],
        ['210682', '2023-03', 'express_parcels', '200000'],
        ['210682', '2023-04', 'express_parcels', '210000'],
      ]),
    );
    expect(r.rejected).toEqual([]);
    expect(r.refused).toEqual([]);
  });

  it('a second year’s table with a two-row header (本月 | 累计): each table’s own months, no header row read as data', async () => {
    const r = await run({
      'r.csv': csv(
        '五指山市2023年电子商务统计月报',
        '月份,网络零售额（万元）,',
        ',本月,累计',
        '1月,100,100',
        '2月,110,210',
        '',
        '五指山市2024年电子商务统计月报',
        '月份,网络零售额（万元）,',
        ',本月,累计',
        '1月,120,120',
        '2月,130,999',
      ),
    });
    expect(r.accepted).toEqual([
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
      ['2024-01', 'online_retail_sales_yuan', '1200000'],
      ['2024-02', 'online_retail_sales_yuan', '1300000'],
    ]);
    expect(r.values).toEqual([]);
    // 120 + 130 is 250, not 999 (line 11)
    expect(r.checks.map((c) => [c.line, c.stated, c.computed])).toEqual([['11', '999', '250']]);
    expect(r.summaries[0]!.titleRows).toBe(2);
  });
});

describe('the first of two stacked tables', () => {
  it('keeps its 累计 checks and its columns not imported when a second table starts', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）,,联系人',
        ',,本月,累计,',
        '东港市,2023-01,100,100,',
        '东港市,2023-02,110,300,',
        '',
        '县区,月份,快递业务量（件）',
        '东港市,2023-01,5',
      ),
    });
    // 100 + 110 is 210, not 300 (line 4)
    expect(r.checks.map((c) => [c.line, c.stated, c.computed])).toEqual([['4', '300', '210']]);
    // (the 累计 column is checked, not imported)
    expect(r.summaries[0]!.ignoredColumns).toEqual(['网络零售额累计', '联系人']);
    expect(r.accepted).toHaveLength(3);
  });
});

describe('本月 and 累计 in one header row', () => {
  for (const [monthly, total] of [
    ['本月网络零售额（万元）', '累计网络零售额（万元）'],
    ['网络零售额本月（万元）', '网络零售额累计（万元）'],
    ['网络零售额（万元）', '本年累计网络零售额（万元）'],
    ['网络零售额(本月)(万元)', '网络零售额(累计)(万元)'],
    ['当月网络零售额（万元）', '1-本月网络零售额（万元）'],
    ['网络零售额（万元）（本月）', '网络零售额（万元）（累计）'],
  ] as const)
    it(`${monthly} | ${total}: the month's value read, the running sum checked`, async () => {
      const r = await run({
        'r.csv': csv(`县区代码,月份,${monthly},${total}`, '469001,2023-01,100,100', '469001,2023-02,110,999'),
      });
      expect(r.accepted).toEqual([
        ['2023-01', 'online_retail_sales_yuan', '1000000'],
        ['2023-02', 'online_retail_sales_yuan', '1100000'],
      ]);
      // 100 + 110 is 210, not 999 (line 3)
      expect(r.checks.map((c) => [c.line, c.stated, c.computed])).toEqual([['3', '999', '210']]);
      // the running sum is checked, not imported: its column as written
      expect(r.summaries[0]!.ignoredColumns).toEqual([total.replace(/（/g, '(').replace(/）/g, ')')]);
    });

  it('a running sum in another unit (本月 万元, 累计 元) is not compared figure for figure', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,本月网络零售额（万元）,累计网络零售额（元）',
        '469001,2023-01,100,1000000',
        '469001,2023-02,110,2100000',
      ),
    });
    expect(r.accepted).toHaveLength(2);
    expect(r.checks).toEqual([]);
  });

  it('a stock (运营村级服务站) has no running sum: its 累计 column is not checked', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,本月运营村级服务站（个）,累计运营村级服务站（个）',
        '469001,2023-01,10,10',
        '469001,2023-02,10,10',
      ),
    });
    expect(r.accepted.map((a) => a[2])).toEqual(['10', '10']);
    expect(r.checks).toEqual([]);
  });

  it('nor under a two-row header (运营村级服务站 over 本月 | 累计)', async () => {
    const r = await run({
      'r.csv': csv(
        '县区代码,月份,运营村级服务站（个）,',
        ',,本月,累计',
        '469001,2023-01,10,10',
        '469001,2023-02,10,10',
      ),
    });
    expect(r.accepted.map((a) => a[2])).toEqual(['10', '10']);
    expect(r.checks).toEqual([]);
  });
});

describe('stations built beside stations active', () => {
  // 村级服务站（个） beside 运营村级服务站（个）: the stations built and the stations active, two figures; the active
  // ones are the metric (12), the built ones (15) are not imported and said so, not a conflict losing both
  it.each([
    ['read by DuckDB', []],
    ['read in JavaScript', ['"注：两行', '说明"']],
  ])('%s: 12 active stations published, the built ones’ column not imported', async (_, tail) => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,村级服务站（个）,运营村级服务站（个）,乡镇服务站（个）',
        '东港市,2024-03,15,12,4',
        ...tail,
      ),
    });
    expect(r.accepted.sort()).toEqual([
      ['2024-03', 'active_township_stations', '4'],
      ['2024-03', 'active_village_stations', '12'],
    ]);
    expect(r.rejected.map((x) => [x.scope, x.raw_value, x.reason])).toEqual([
      ['column', '村级服务站(个)', 'not_imported'],
    ]);
  });
});

describe('stations beside those not in operation', () => {
  // 村级服务站 120 beside 未运营村级服务站 20: 120 is every station built, 20 of them idle; which is active is the
  // difference, which the report does not state: neither is published as the active stations
  it('村级服务站 beside 未运营村级服务站: not imported, neither read as the active stations', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,村级服务站（个）,未运营村级服务站（个）,网络零售额（万元）',
        '东港市,2024-03,120,20,80',
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '800000']]);
    expect(r.rejected.map((x) => [x.scope, x.raw_value, x.reason]).sort()).toEqual([
      ['column', '未运营村级服务站(个)', 'unknown_column'],
      ['column', '村级服务站(个)', 'not_imported'],
    ]);
  });
});

describe('stations beside idle ones of no level named', () => {
  // 停运站点 names no level: whichever stations it is of, the plain columns beside it are not the active ones
  it('村级服务站 beside 停运站点, and 乡镇服务站 | 村级服务站 beside 未运营站点: none read as active', async () => {
    const r = await run({
      'a.csv': csv('县区,月份,村级服务站,停运站点', '东港市,2024-01,120,20'),
      'b.csv': csv('县区,月份,乡镇服务站,村级服务站,未运营站点', '凤城市,2024-01,5,120,20'),
    });
    expect(r.accepted).toEqual([]);
    expect(
      r.rejected
        .filter((x) => x.reason === 'not_imported')
        .map((x) => x.raw_value)
        .sort(),
    ).toEqual(['乡镇服务站', '村级服务站', '村级服务站'].sort());
  });
});

describe('a month cell naming several months', () => {
  const periods = [
    '2023年1-2月',
    '1-2月',
    '2023年1—3月',
    '2023/4-6',
    '2023年一季度',
    '第二季度',
    '2023年上半年',
    'Q3',
    'Q1 2023',
    '1Q2023',
    '2023H1',
  ];
  for (const fast of [true, false])
    it(`is rejected as period_not_month, not as a month it cannot read (${fast ? 'DuckDB' : 'JavaScript'})`, async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'in'));
      writeFileSync(
        join(dir, 'in', 'r.csv'),
        csv('县区代码,月份,快递业务量（件）', ...periods.map((p) => `469001,${p},5`), '469001,2023-03-15,7'),
      );
      await importMetrics(join(dir, 'in'), join(dir, 'out'), ref, () => {}, { fast });
      const rejected = readStaging(join(dir, 'out/metrics_rejected.csv'));
      expect(rejected.map((x) => [x.raw_value, x.reason, x.field])).toEqual(
        periods.map((p) => [p, 'period_not_month', 'month']),
      );
      // a date is its month: 2023-03-15 is March
      expect(readStaging(join(dir, 'out/metrics_monthly.csv')).map((a) => a.month)).toEqual(['2023-03']);
    });
});

describe('found by a reading of the stacked-table and one-row 本月/累计 change', () => {
  it('a mapping sidecar names a column as written, before 本月 is read off its name', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,本月快递量', '469001,2023-01,5'),
      'r.yaml': 'columns:\n  本月快递量: express_parcels 万件\n',
    });
    // 5 万件 = 50,000 parcels
    expect(r.accepted).toEqual([['2023-01', 'express_parcels', '50000']]);
  });

  it('a first table titled 逐月累计 is refused, not published as monthly figures, when a second table follows', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2023年网络零售额逐月累计',
        '月份,网络零售额（万元）',
        '2023年1月,100',
        '2023年2月,210',
        '',
        '凤城市2023年电子商务统计月报',
        '月份,网络零售额（万元）',
        '2023年1月,50',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(r.files.map((f) => f[1])).toEqual(['cumulative_only']);
  });

  it('a header repeated without a title above it (a header on each printed page) goes on under the file’s title', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年电子商务统计月报',
        '月份,网络零售额（万元）',
        '2023年1月,100',
        '2023年2月,110',
        '月份,网络零售额（万元）',
        '2023年3月,120',
      ),
    });
    expect(r.refused).toEqual([]);
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-01', 'online_retail_sales_yuan', '1000000'],
        ['210681', '2023-02', 'online_retail_sales_yuan', '1100000'],
        ['210681', '2023-03', 'online_retail_sales_yuan', '1200000'],
      ]),
    );
    expect(r.rejected).toEqual([]);
  });

  it('a data row whose month cell says 月份 is one rejected row, not a second header that refuses the file', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年电子商务统计月报',
        '月份,网络零售额（万元）',
        '2023年1月,100',
        '月份,110',
        '2023年3月,120',
      ),
    });
    expect(r.refused).toEqual([]);
    expect(r.values.map((v) => v[1])).toEqual(['2023-01', '2023-03']);
    expect(r.rejected).toEqual([['月份', 'bad_month']]);
  });

  it('a second table whose county column is headed otherwise (县区, then 县（市、区）) is read under its own header', async () => {
    const r = await keyed({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）',
        '东港市,2023-01,100',
        '',
        '县（市、区）,月份,快递业务量（万件）',
        '凤城市,2023-01,5',
      ),
    });
    // 5 万件 of parcels, not ¥50,000
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-01', 'online_retail_sales_yuan', '1000000'],
        ['210682', '2023-01', 'express_parcels', '50000'],
      ]),
    );
  });

  for (const [label, lines] of [
    ['a unit row', ['县区代码,月份,本月网络零售额,累计网络零售额', ',,万元,元']],
    ['a 单位 note', ['单位：元', '县区代码,月份,本月网络零售额（万元）,累计网络零售额']],
    ['a unit row under a two-row header', ['县区代码,月份,网络零售额,', ',,本月,累计', ',,万元,元']],
  ] as const)
    it(`a 累计 in 元 beside months in 万元 (${label}) is not compared figure for figure`, async () => {
      const r = await run({
        'r.csv': csv(...lines, '469001,2023-01,100,1000000', '469001,2023-02,110,2100000'),
      });
      expect(r.accepted).toEqual([
        ['2023-01', 'online_retail_sales_yuan', '1000000'],
        ['2023-02', 'online_retail_sales_yuan', '1100000'],
      ]);
      expect(r.checks).toEqual([]);
    });
});

describe('found by a second reading of the stacked-table fixes', () => {
  it('a second table titled with its own year (丹东市2024年…) is not given the first title’s month', async () => {
    const r = await keyed({
      'r.csv': csv(
        '丹东市2023年3月各县（市、区）电子商务统计表',
        '县区,网络零售额（万元）,快递业务量（万件）',
        '东港市,100,10',
        '',
        '丹东市2024年各县（市、区）电子商务统计表',
        '县区,网络零售额（万元）,快递业务量（万件）',
        '宽甸满族自治县,150,15',
      ),
    });
    // 2024年 names no month: 宽甸's figures are nobody's March, and the file, whose second table cannot be read,
    // is refused by name (a file gives all its values or none)
    expect(r.values).toEqual([]);
    expect(r.refused).toEqual(['no_header']);
    expect(r.problems).toMatch(/宽甸|month|月份/);
  });

  it('a 填报单位 row under the data is no header: the rows after it are still read', async () => {
    const r = await keyed({
      'r.csv': csv(
        '丹东市2023年3月各县（市、区）电子商务统计表',
        '县区,网络零售额（万元）,快递业务量（万件）',
        '东港市,100,10',
        '填报单位,丹东市商务局,',
        '宽甸满族自治县,300,30',
      ),
    });
    // 宽甸满族自治县 is 210624
    expect(r.values.filter((v) => v[0] === '210624').map((v) => v[3])).toEqual(['300000', '3000000']);
  });

  it('a header repeated without a title keeps the unit the title’s note gives (单位：万元)', async () => {
    const r = await keyed({
      'r.csv': csv(
        '东港市2023年电子商务统计月报',
        '单位：万元',
        '月份,网络零售额',
        '1月,100',
        '月份,网络零售额',
        '3月,120',
      ),
    });
    expect(r.values).toEqual(
      sorted([
        ['210681', '2023-01', 'online_retail_sales_yuan', '1000000'],
        ['210681', '2023-03', 'online_retail_sales_yuan', '1200000'],
      ]),
    );
  });

  it('a sidecar names a header as the file writes it, in full-width brackets', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,网络零售额（本月）', '469001,2023-01,100'),
      'r.yaml': 'columns:\n  网络零售额（本月）: online_retail_sales_yuan 万元\n',
    });
    expect(r.accepted).toEqual([['2023-01', 'online_retail_sales_yuan', '1000000']]);
  });
});

describe('a column of several months beside a month’s column, one column per month', () => {
  for (const [header, row, expected, period] of [
    ['县区代码,指标,1-2月,3月', '469001,快递业务量（件）,9,5', ['2023-03', '5'], '1-2月'],
    ['县区代码,指标,3月,1-3月', '469001,快递业务量（件）,5,14', ['2023-03', '5'], '1-3月'],
  ] as const)
    it(`${header}: the month is read, the ${period} column rejected as period_not_month, not the file refused`, async () => {
      const r = await run({ 'r.csv': csv('五指山市2023年电子商务统计月报', header, row) });
      expect(r.files).toEqual([]);
      expect(r.accepted).toEqual([[expected[0], 'express_parcels', expected[1]]]);
      expect(r.values.map((v) => v[1])).toEqual(['period_not_month']);
    });
});

describe('more metric names (a sixth probe)', () => {
  // 网上零售额 is the statistics bureau's word for 网络零售额; a station may be named an 电商 (电子商务) 服务站
  for (const [header, metric, value] of [
    ['网上零售额（万元）', 'online_retail_sales_yuan', '120000'],
    ['网络零售总额（万元）', 'online_retail_sales_yuan', '120000'],
    ['农产品网上零售额（万元）', 'agri_online_retail_sales_yuan', '120000'],
    ['村级电商服务站（个）', 'active_village_stations', '12'],
    ['村级电子商务服务站点（个）', 'active_village_stations', '12'],
    ['乡镇电子商务服务站（个）', 'active_township_stations', '12'],
    ['运营村级电商服务站（个）', 'active_village_stations', '12'],
  ])
    it(`${header} is ${metric}`, async () => {
      const r = await run({ 'r.csv': csv(`县区代码,月份,${header}`, '469001,2023-03,12') });
      expect(r.accepted).toEqual([['2023-03', metric, value]]);
    });

  it('村级电商服务站 beside 运营村级电商服务站 is the stations built: not imported, the active ones read', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,村级电商服务站（个）,运营村级电商服务站（个）', '469001,2023-03,120,100'),
    });
    expect(r.accepted).toEqual([['2023-03', 'active_village_stations', '100']]);
    expect(r.summaries[0]!.ignoredColumns).toContain('村级电商服务站(个)');
  });

  // 电子商务交易额 counts business-to-business trade too, 农产品网络销售额 wholesale: neither is a retail figure
  for (const header of ['电子商务交易额（万元）', '农产品网络销售额（万元）'])
    it(`${header} is no metric: a column not recognised`, async () => {
      const r = await run({ 'r.csv': csv(`县区代码,月份,${header}`, '469001,2023-03,12') });
      expect(r.accepted).toEqual([]);
      expect(r.rejected.map((x) => x.reason)).toEqual(['unknown_column']);
    });
});

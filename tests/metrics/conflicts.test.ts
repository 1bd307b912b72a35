/**
 * Cells of one row that disagree, found by a probe with real-shaped reports (issue 17): a county code beside a
 * county name that is another county, a 年份 cell beside a month cell naming another year. Neither is settled by
 * taking one of them: the row's values are rejected. In a CSV checked in DuckDB as in a workbook read in JavaScript.
 * Expected values are read from the files as written here.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { asCsvAndWorkbook, csv, reconciledImport } from './files.ts';

const run = reconciledImport();
const book = (rows: (string | number)[][]) => {
  const b = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet(rows), '月报');
  return XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
};

describe('a county code beside a county name', () => {
  // 210681 is 东港市, 210682 凤城市
  const rows = [
    ['行政区划代码', '县区', '月份', '网络零售额（万元）'],
    ['210681', '东港市', '2023-03', '100'],
    ['210682', '东港市', '2023-03', '200'],
    ['210682', '凤城', '2023-04', '300'],
    ['210682', '', '2023-05', '400'],
  ];
  const expected = {
    // 东港市 and 凤城 agree with their codes; an empty name says nothing
    accepted: [
      ['2023-03', 'online_retail_sales_yuan', '1000000'],
      ['2023-04', 'online_retail_sales_yuan', '3000000'],
      ['2023-05', 'online_retail_sales_yuan', '4000000'],
    ],
    values: [['210682 东港市', 'county_mismatch']],
  };

  it('a name that is another county than the code rejects the row (a CSV, checked in DuckDB)', async () => {
    const r = await run({ 'r.csv': csv(...rows.map((x) => x.join(','))) });
    expect(r.summaries[0]!.readBy).toBe('duckdb');
    expect({ accepted: r.accepted, values: r.values }).toEqual(expected);
  });

  it('the same in a workbook (read in JavaScript)', async () => {
    const r = await run({ 'r.xlsx': book(rows) });
    expect({ accepted: r.accepted, values: r.values }).toEqual(expected);
  });
});

describe('a county cell holding the code and the name (a sixth probe)', () => {
  // as a county's system exports it; 210681 is 东港市, 210682 凤城市
  const lines = [
    '县区,月份,网络零售额（万元）',
    '210681 东港市,2024-01,100',
    '东港市（210681）,2024-02,110',
    '210682 东港市,2024-03,120',
  ];
  for (const files of asCsvAndWorkbook(lines))
    it(`the code and its own county's name are the county; another county's name rejects the value (${Object.keys(files)[0]})`, async () => {
      const r = await run(files);
      expect(r.accepted).toEqual([
        ['2024-01', 'online_retail_sales_yuan', '1000000'],
        ['2024-02', 'online_retail_sales_yuan', '1100000'],
      ]);
      expect(r.values).toEqual([['210682 东港市', 'county_mismatch']]);
    });
});

describe('a cut-off last line whose county cell is a code beside another county’s name (a review)', () => {
  it('is rejected as unterminated_last_line with its value as raw_value, in DuckDB as in JavaScript', async () => {
    const lines = ['县区,月份,网络零售额（万元）', '210681 东港市,2024-01,100', '210682 东港市,2024-02,7'];
    const duck = await run({ 'r.csv': lines.join('\n') });
    expect(duck.summaries[0]!.readBy).toBe('duckdb');
    // (a note over two lines: read in JavaScript)
    const js = await run({ 'r.csv': [lines[0], '"注：两行', '说明"', ...lines.slice(1)].join('\n') });
    for (const r of [duck, js]) expect(r.values).toEqual([['7', 'unterminated_last_line']]);
  });
});

describe('a 年份 cell beside a month cell naming its year', () => {
  const rows = [
    ['县区', '年份', '月份', '网络零售额（万元）'],
    ['东港市', '2023', '3月', '100'],
    ['东港市', '2023', '2023年4月', '110'],
    ['东港市', '2023', '2022年3月', '120'],
  ];

  it('another year rejects the row as bad_month, not read as either year', async () => {
    const r = await run({ 'r.csv': csv(...rows.map((x) => x.join(','))) });
    expect(r.accepted).toEqual([
      ['2023-03', 'online_retail_sales_yuan', '1000000'],
      ['2023-04', 'online_retail_sales_yuan', '1100000'],
    ]);
    expect(r.values).toEqual([['2022年3月', 'bad_month']]);
  });
});

describe('totals rows as statistics offices write them', () => {
  const labels = [
    '合  计',
    '合计：',
    '总合计',
    '全县总计',
    '丹东市合计',
    '全市',
    '小 计',
    '1-3月合计',
    '本月合计',
    // (a province's table: 全省 alone, a third probe)
    '全省',
  ];

  it('are counted as totals, none read as a county (a CSV checked in DuckDB, a workbook in JavaScript)', async () => {
    const rows = [
      ['县区', '月份', '网络零售额（万元）'],
      ['东港市', '2023-03', '100'],
      ...labels.map((l) => [l, '2023-03', '100']),
      // 全州 alone is 全州县 (广西): a county, not a total
      ['全州', '2023-03', '5'],
    ];
    const expected = [
      ['2023-03', 'online_retail_sales_yuan', '1000000'],
      ['2023-03', 'online_retail_sales_yuan', '50000'],
    ];
    const fromCsv = await run({ 'r.csv': csv(...rows.map((x) => x.join(','))) });
    expect(fromCsv.summaries[0]!.readBy).toBe('duckdb');
    expect(fromCsv.accepted).toEqual(expected);
    expect(fromCsv.values).toEqual([]);
    expect(fromCsv.summaries[0]!.totalRows).toBe(labels.length);
    const fromBook = await run({ 'r.xlsx': book(rows) });
    expect(fromBook.accepted).toEqual(expected);
    expect(fromBook.summaries[0]!.totalRows).toBe(labels.length);
  });

  it('in the month column of a county’s report (累计, 1-3月合计 under 1月, 2月, 3月)', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2023年电子商务统计月报',
        '单位：万元',
        '月份,网络零售额',
        '1月,100',
        '2月,110',
        '累计,210',
        '1-2月合计,210',
      ),
    });
    expect(r.accepted).toEqual([
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
    ]);
    expect(r.values).toEqual([]);
    expect(r.summaries[0]!.totalRows).toBe(2);
  });
});

describe('a county’s own report with one column per month', () => {
  it('东港市2023年… over 指标 | 计量单位 | 1月 | 2月 | 3月: the rows are its metrics, not a row of units', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2023年电子商务统计月报,,,,',
        '指标,计量单位,1月,2月,3月',
        '网络零售额,万元,100,110,120',
        '快递业务量,万件,10,11,12',
      ),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-01', 'express_parcels', '100000'],
      ['2023-01', 'online_retail_sales_yuan', '1000000'],
      ['2023-02', 'express_parcels', '110000'],
      ['2023-02', 'online_retail_sales_yuan', '1100000'],
      ['2023-03', 'express_parcels', '120000'],
      ['2023-03', 'online_retail_sales_yuan', '1200000'],
    ]);
  });
});

describe('a conflict between values given in different units', () => {
  it('names each value with what it is once converted: 12 万件 and 12 件 are 120000 and 12 parcels', async () => {
    const r = await run({
      'u.csv': csv(
        '县区,月份,指标,数值,单位',
        '东港市,2023-03,快递业务量,12,万件',
        '东港市,2023-03,快递业务量,12,件',
      ),
    });
    expect(r.values).toEqual([
      ['12', 'duplicate_conflict'],
      ['12', 'duplicate_conflict'],
    ]);
    expect(r.rejected[0]!.reason_zh).toMatch(
      /：12（= 120000 件，u\.csv 第 2 行） \/ 12（= 12 件，u\.csv 第 3 行）$/,
    );
    expect(r.rejected[0]!.reason_en).toMatch(
      /: 12 \(= 120000 parcels, u\.csv line 2\) \/ 12 \(= 12 parcels, u\.csv line 3\)$/,
    );
  });

  it('values in one unit are named as written, without their conversion', async () => {
    const r = await run({
      'u.csv': csv(
        '县区,月份,指标,数值,单位',
        '东港市,2023-03,快递业务量,12,万件',
        '东港市,2023-03,快递业务量,13,万件',
      ),
    });
    expect(r.rejected[0]!.reason_zh).toMatch(/：12（u\.csv 第 2 行） \/ 13（u\.csv 第 3 行）$/);
  });
});

describe('a two-row header of a total and its part', () => {
  it('网络零售额（万元） over 总额 | 其中：农产品: the total is 网络零售额, the part 农产品网络零售额', async () => {
    const r = await run({
      'r.csv': csv(
        '丹东市2023年3月电子商务统计表,,,',
        '县区,网络零售额（万元）,,快递业务量（万件）',
        ',总额,其中：农产品,',
        '东港市,100,30,10',
      ),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-03', 'agri_online_retail_sales_yuan', '300000'],
      ['2023-03', 'express_parcels', '100000'],
      ['2023-03', 'online_retail_sales_yuan', '1000000'],
    ]);
  });
});

describe('one column per county under a two-row header', () => {
  it('东港市 | | 凤城市 over 本月 | 累计 | 本月 | 累计: each county’s 本月 column is read, its 累计 reported', async () => {
    const r = await run({
      'r.csv': csv(
        '丹东市2023年3月电子商务统计表,,,,,',
        '指标,计量单位,东港市,,凤城市,',
        ',,本月,累计,本月,累计',
        '网络零售额,万元,100,300,200,600',
      ),
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([
      ['2023-03', 'online_retail_sales_yuan', '1000000'],
      ['2023-03', 'online_retail_sales_yuan', '2000000'],
    ]);
    expect(r.summaries[0]!.ignoredColumns).toEqual(['东港市累计', '凤城市累计']);
  });
});

describe('found by a second reading', () => {
  it('1-3月累计 in the month column of a row with its county is a period, rejected, not a totals row', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,快递业务量（件）', '469001,2023-03,5', '469001,1-3月累计,15'),
    });
    expect(r.accepted).toEqual([['2023-03', 'express_parcels', '5']]);
    expect(r.values).toEqual([['1-3月累计', 'period_not_month']]);
  });

  it('其中：农产品网络零售额 under 网络零售额（万元） is 农产品网络零售额, not a column named twice', async () => {
    const r = await run({
      'r.csv': csv(
        '丹东市2023年3月电子商务统计表,,',
        '县区,网络零售额（万元）,',
        ',总额,其中：农产品网络零售额',
        '东港市,100,30',
      ),
    });
    expect(r.accepted).toEqual([
      ['2023-03', 'agri_online_retail_sales_yuan', '300000'],
      ['2023-03', 'online_retail_sales_yuan', '1000000'],
    ]);
  });

  it('a 代码 column’s 12-digit code (210682000000) is that county, not the one the title names', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2023年电子商务数据',
        '代码,月份,指标,单位,数值',
        '210682000000,2023-03,网络零售额,万元,100',
      ),
    });
    expect(r.monthly.map((m) => [m.county_code, m.value])).toEqual([['210682', '1000000']]);
  });
});

describe('a unit column in a table with one column per metric (a second probe)', () => {
  it('县区 | 月份 | 快递业务量 | 计量单位 (万件): 12 is 120,000 parcels, in a CSV as in a workbook', async () => {
    const rows = [
      ['县区', '月份', '快递业务量', '计量单位'],
      ['东港市', '2023-03', '12', '万件'],
      ['凤城市', '2023-03', '7', '件'],
    ];
    const expected = [
      ['2023-03', 'express_parcels', '120000'],
      ['2023-03', 'express_parcels', '7'],
    ];
    const fromCsv = await run({ 'r.csv': csv(...rows.map((x) => x.join(','))) });
    expect(fromCsv.accepted).toEqual(expected);
    const fromBook = await run({ 'r.xlsx': book(rows) });
    expect(fromBook.accepted).toEqual(expected);
  });

  it('a unit column disagreeing with the header’s unit (快递业务量（万件） beside 件) is bad_unit', async () => {
    const r = await run({ 'r.csv': csv('县区,月份,快递业务量（万件）,计量单位', '东港市,2023-03,12,件') });
    expect(r.accepted).toEqual([]);
    expect(r.values.map((v) => v[1])).toEqual(['bad_unit']);
  });

  it('a unit column beside several metric columns refuses the file: which metric each unit is for cannot be told', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,网络零售额,单位,快递业务量,单位', '东港市,2023-03,1200,万元,12,万件'),
    });
    expect(r.accepted).toEqual([]);
    expect(r.files).toEqual([['r.csv', 'unit_column']]);
  });
});

describe('two tables side by side (a second probe)', () => {
  for (const header of [
    '县区,月份,网络零售额（万元）,,县区,月份,快递业务量（万件）',
    '月份,指标,东港市,,月份,指标,凤城市',
  ])
    it(`${header}: refused, naming the repeated column, not read under the first table's county, month or metric`, async () => {
      const r = await run({
        'r.csv': csv('丹东市2023年电子商务统计', header, '东港市,2023-01,100,,凤城市,2023-01,5'),
      });
      expect(r.accepted).toEqual([]);
      expect(r.files).toEqual([['r.csv', 'side_by_side']]);
    });
});

describe('a title naming part of a month, or two months (a second probe)', () => {
  const table = ['指标名称,计量单位,本期,累计', '网络零售额,万元,400,1200'];
  for (const title of [
    '东港市2023年3月上旬电子商务统计',
    '东港市2023年3月下旬电子商务统计',
    '东港市2023年3月上半月电子商务统计',
    '东港市2023年3月1-15日电子商务统计',
    '东港市2023年3月（1-15日）电子商务统计',
    '东港市2023年3月、4月电子商务统计',
    '东港市2023年3月及4月电子商务统计',
  ])
    it(`${title} settles no month: nothing is read as March's`, async () => {
      const r = await run({ 'r.csv': csv(title, ...table) });
      expect(r.accepted).toEqual([]);
      expect(r.files.map((f) => f[1])).toEqual(['no_header']);
    });

  // (a sixth probe: the refusal names the cell that settles none, so that no month column is added to a
  // report of several months; the file's own words, read in the test)
  for (const [title, period] of [
    ['丹东市东港市2024年1-3月电子商务运行情况', '1-3月'],
    ['东港市2024年第一季度电子商务统计表', '第一季度'],
  ] as const)
    it(`the refusal of ${title} names line 1 and ${period}, a period that is not one month`, async () => {
      const r = await run({ 'r.csv': csv(title, ...table) });
      expect(r.accepted).toEqual([]);
      const refusal = r.rejected.find((x) => x.scope === 'file')!;
      expect(refusal.reason).toBe('no_header');
      expect(refusal.raw_value).toMatch(new RegExp(`line 1 names [^:]*${period}[^:]*: not one month`));
    });

  it('东港市2023年3月电子商务统计 names March', async () => {
    const r = await run({ 'r.csv': csv('东港市2023年3月电子商务统计', ...table) });
    expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '4000000']]);
  });
});

describe('a county’s report with its metrics as rows under 项目 (a second probe)', () => {
  for (const head of ['项目', '统计指标', '主要指标', '指标项', '指標名稱'])
    it(`${head} | 计量单位 | 本月 | 累计: each 本月 value is read`, async () => {
      const r = await run({
        'r.csv': csv(
          '东港市2023年3月电子商务统计月报',
          `${head},计量单位,本月,累计`,
          '网络零售额,万元,1200,3400',
        ),
      });
      expect(r.accepted).toEqual([['2023-03', 'online_retail_sales_yuan', '12000000']]);
    });

  it('under a header naming no metric column, the 本月 column is reported as not imported', async () => {
    const r = await run({
      'r.csv': csv('东港市2023年3月电子商务统计月报', '内容,计量单位,本月,累计', '网络零售额,万元,1200,3400'),
    });
    expect(r.accepted).toEqual([]);
    expect(r.summaries[0]!.ignoredColumns).toContain('本月');
  });
});

describe('a province named in the county column (a third probe)', () => {
  it('辽宁省 and 辽宁 are not counties (not_a_county), as 丹东市 is not; no county unknown', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）',
        '辽宁省,2023-03,100',
        '辽宁,2023-03,100',
        '丹东市,2023-03,10',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([
      ['辽宁省', 'not_a_county'],
      ['辽宁', 'not_a_county'],
      ['丹东市', 'not_a_county'],
    ]);
  });
});

describe('subtotals in a month column (a fourth probe)', () => {
  const lines = [
    '县区代码,月份,快递业务量（件）',
    '469001,2023-03,5',
    '469001,小计,5',
    '469001,一季度合计,15',
    '469001,第一季度小计,15',
    '469001,上半年合计,30',
  ];
  it.each([
    ['a CSV read by DuckDB', () => ({ 'r.csv': csv(...lines) })],
    ['a workbook', () => ({ 'r.xlsx': book(lines.map((l) => l.split(','))) })],
  ])(
    '%s: beside a county, 小计 and 一季度合计 are several months, rejected as period_not_month, not as a month without its year',
    async (_, files) => {
      const r = await run(files());
      expect(r.accepted).toEqual([['2023-03', 'express_parcels', '5']]);
      expect(r.values).toEqual([
        ['小计', 'period_not_month'],
        ['一季度合计', 'period_not_month'],
        ['第一季度小计', 'period_not_month'],
        ['上半年合计', 'period_not_month'],
      ]);
    },
  );

  it('in a county’s own report, 一季度小计 under 1月, 2月, 3月 is a totals row', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2024年电子商务进农村月报',
        '月份,网络零售额（万元）',
        '1月,10',
        '2月,20',
        '3月,30',
        '一季度小计,60',
      ),
    });
    expect(r.accepted.map((a) => a[0])).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(r.values).toEqual([]);
    expect(r.summaries[0]!.totalRows).toBe(1);
  });
});

describe('a second header row naming the figure under each metric (a fourth probe)', () => {
  it('金额 | 同比% under 网络零售额（万元）, 数量 | 同比% under 快递业务量（万件）: the 金额 and 数量 columns are the metrics, 同比 not imported', async () => {
    const lines = [
      '丹东市2024年3月电子商务统计表,,,,',
      '县区,网络零售额（万元）,,快递业务量（万件）,',
      ',金额,同比%,数量,同比%',
      '东港市,100,5.2,12,3.1',
    ];
    for (const files of asCsvAndWorkbook(lines)) {
      const r = await run(files);
      expect(r.files).toEqual([]);
      expect(r.accepted.sort()).toEqual([
        ['2024-03', 'express_parcels', '120000'],
        ['2024-03', 'online_retail_sales_yuan', '1000000'],
      ]);
      expect(r.rejected.filter((x) => x.scope === 'column').map((x) => x.reason)).toEqual([
        'not_imported',
        'not_imported',
      ]);
    }
  });

  it('金额 | 数量 under each metric: the one its metric is measured in is its figure (数量 of 快递业务量, 金额 of 网络零售额), the other no column read; never a count as yuan', async () => {
    // (金额 under 快递业务量 is what the parcels cost, no parcels; 数量 under 网络零售额 no yuan)
    const lines = [
      '丹东市2024年3月电子商务统计表,,,,',
      '县区,快递业务量（件）,,网络零售额（万元）,',
      ',金额,数量,金额,数量',
      '东港市,5000,12,100,7',
    ];
    for (const files of asCsvAndWorkbook(lines)) {
      const r = await run(files);
      expect(r.accepted.sort()).toEqual([
        ['2024-03', 'express_parcels', '12'],
        ['2024-03', 'online_retail_sales_yuan', '1000000'],
      ]);
      expect(r.rejected.filter((x) => x.scope === 'column').map((x) => x.reason)).toEqual([
        'unknown_column',
        'unknown_column',
      ]);
    }
  });

  it.each([
    [
      '本月（万元） | 累计（万元）',
      [
        '县区,月份,网络零售额,,快递业务量,',
        ',,本月（万元）,累计（万元）,本月（万件）,累计（万件）',
        '东港市,2024-01,80,80,12,12',
      ],
    ],
    [
      '金额（万元） | 同比（%）',
      [
        '县区,月份,网络零售额,,快递业务量,',
        ',,金额（万元）,同比（%）,数量（万件）,同比（%）',
        '东港市,2024-01,80,5.2,12,3.1',
      ],
    ],
  ])('with its unit in brackets (%s): the unit is the column’s', async (_, lines) => {
    for (const files of asCsvAndWorkbook(lines)) {
      const r = await run(files);
      expect(r.files).toEqual([]);
      expect(r.accepted.sort()).toEqual([
        ['2024-01', 'express_parcels', '120000'],
        ['2024-01', 'online_retail_sales_yuan', '800000'],
      ]);
      expect(r.rejected.filter((x) => x.scope === 'column').map((x) => x.reason)).toEqual([
        'not_imported',
        'not_imported',
      ]);
    }
  });

  it('a month with its unit (3月（万元）) under a title naming April refuses the file, as 3月 does', async () => {
    const r = await run({
      'r.csv': csv(
        '东港市2024年4月电子商务统计月报',
        '县区,网络零售额,',
        ',3月（万元）,1-3月（万元）',
        '东港市,12,30',
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(r.files.map((f) => f[1])).toEqual(['no_header']);
  });

  it('periods on top with their unit (本月（万件） | 累计（万件） over 快递业务量): 12 万件 is 120,000 parcels', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,本月（万件）,累计（万件）', ',,快递业务量,快递业务量', '东港市,2024-01,12,12'),
    });
    expect(r.accepted).toEqual([['2024-01', 'express_parcels', '120000']]);
    expect(r.rejected.filter((x) => x.scope === 'column').map((x) => x.reason)).toEqual(['not_imported']);
  });
});

/**
 * Columns a report holds beside its month's figures and that are not imported (issue 17): a running sum (累计), a
 * growth rate (同比增长（%）), last year's figure (上年同期), a share or a rank. They are told apart from a column
 * nothing recognises: the reader is told why each is not imported, not that it was not understood. And columns a
 * third probe found read as nothing without a word: a long file's value column under a name the vocabulary lacked
 * (完成值) or none, numbers under an empty header, a header in Traditional characters. Expected values are read from
 * the files as written here.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { csv, reconciledImport } from './files.ts';

const run = reconciledImport();

const columnReasons = (rejected: Record<string, string>[]) =>
  rejected.filter((x) => x.scope === 'column').map((x) => [x.column, x.reason]);

describe('columns not imported, and why', () => {
  it('a growth rate, a share and a rank beside a month’s figures are not imported, and said to be so; 满意度 is not recognised', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）,同比增长（%）,占全市比重,排名,满意度',
        '岫岩满族自治县,2024-03,120,8.5,12.1,3,好',
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
    expect(new Map(columnReasons(r.rejected) as [string, string][])).toEqual(
      new Map([
        ['同比增长(%)', 'not_imported'],
        ['占全市比重', 'not_imported'],
        ['排名', 'not_imported'],
        ['满意度', 'unknown_column'],
      ]),
    );
  });

  it('the single-county form: 1-3月累计 and 上年同期 beside 本月 are not imported, and said to be so', async () => {
    const r = await run({
      'r.csv': csv(
        '2024年3月岫岩满族自治县电子商务统计月报',
        '指标,本月,1-3月累计,上年同期',
        '网络零售额（万元）,120,300,100',
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
    expect(columnReasons(r.rejected)).toEqual([
      ['1-3月累计', 'not_imported'],
      ['上年同期', 'not_imported'],
    ]);
    const why = r.rejected.find((x) => x.reason === 'not_imported')!;
    expect(why.reason_zh).toContain('不是当月');
  });
});

/** A workbook of one sheet holding `rows`, as SheetJS writes it, with the merged ranges given (C1:D1). */
function book(rows: (string | number)[][], merges: string[] = []): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const b = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(b, sheet, 'Sheet1');
  return XLSX.write(b, { type: 'buffer', bookType: 'xlsx' });
}

describe('a long file’s value column (a third probe)', () => {
  for (const [value, unit] of [
    ['完成值', '单位'],
    ['本月完成', '计量单位'],
    ['數值', '單位'],
  ])
    it(`指标 | ${value} | ${unit}: each row's value is read`, async () => {
      const r = await run({
        'r.csv': csv(
          `县区,月份,指标,${value},${unit}`,
          '东港市,2024-03,网络零售额,120,万元',
          '东港市,2024-03,快递业务量,12,万件',
        ),
      });
      // 120 万元, 12 万件
      expect(r.accepted).toEqual([
        ['2024-03', 'express_parcels', '120000'],
        ['2024-03', 'online_retail_sales_yuan', '1200000'],
      ]);
    });

  for (const [label, header] of [
    ['a value column with an empty header', '县区,月份,指标,'],
    ['a value column nothing recognises', '县区,月份,指标,备考'],
  ] as const)
    it(`${label}: the file is refused (no_value_column), naming its columns, not read as giving no values`, async () => {
      const r = await run({
        'r.csv': csv(header, '东港市,2024-03,网络零售额（万元）,120', '东港市,2024-03,快递业务量（万件）,12'),
      });
      expect(r.accepted).toEqual([]);
      expect(r.files).toEqual([['r.csv', 'no_value_column']]);
      expect(r.rejected.find((x) => x.scope === 'file')?.raw_value).toContain('“指标”');
    });

  it('a mapping sidecar naming the value column (完成情况: value) lets the file be read', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,指标,完成情况', '东港市,2024-03,网络零售额（万元）,120'),
      'r.yaml': 'columns:\n  完成情况: value\n',
    });
    expect(r.files).toEqual([]);
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
  });
});

describe('numbers in a column with no header (a third probe)', () => {
  const rows = [
    ['县区', '月份', '网络零售额（万元）', ''],
    ['东港市', '2024-03', '120', '130'],
    ['凤城市', '2024-03', '', '80'],
  ];
  for (const [label, file] of [
    ['a CSV (its rows checked in DuckDB)', { 'r.csv': csv(...rows.map((r) => r.join(','))) }],
    ['a workbook', { 'r.xlsx': book(rows) }],
  ] as const)
    it(`${label}: the column is reported as not recognised, not dropped without a word`, async () => {
      const r = await run(file);
      expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
      expect(columnReasons(r.rejected)).toEqual([['第 4 列（无表头）', 'unknown_column']]);
      expect(r.summaries[0]!.ignoredColumns).toEqual(['第 4 列（无表头）']);
    });

  it('an empty column with no header says nothing', async () => {
    const r = await run({ 'r.csv': csv('县区,月份,网络零售额（万元）,', '东港市,2024-03,120,') });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
    expect(columnReasons(r.rejected)).toEqual([]);
  });
});

describe('a header in Traditional characters (a third probe)', () => {
  it('縣區 | 月份 | 網絡零售額（萬元） | 快遞業務量（萬件） is read as its Simplified form', async () => {
    const r = await run({
      'r.csv': csv('縣區,月份,網絡零售額（萬元）,快遞業務量（萬件）', '東港市,2024-03,12.5,3'),
    });
    expect(r.files).toEqual([]);
    // 12.5 万元, 3 万件
    expect(r.monthly.map((a) => [a.county_code, a.month, a.metric, a.value])).toEqual([
      ['210681', '2024-03', 'express_parcels', '30000'],
      ['210681', '2024-03', 'online_retail_sales_yuan', '125000'],
    ]);
  });
});

describe('figures beside the month’s that are not imported, as reports write them (a third probe)', () => {
  for (const sub of ['环比增长%', '占比(%)', '排名', '比重'])
    it(`a second header row 本月 | ${sub}: the month's figure is read, ${sub} reported as not imported`, async () => {
      const r = await run({
        'r.csv': csv('县区,月份,网络零售额（万元）,', `,,本月,${sub}`, '东港市,2024-03,120,3.1'),
      });
      expect(r.files).toEqual([]);
      expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
      expect(columnReasons(r.rejected).map(([, reason]) => reason)).toEqual(['not_imported']);
    });

  it('网络零售额（同比） and 快递业务量（上年同期）: columns not imported, not values of a unit nothing knows', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）,网络零售额（同比）,快递业务量（上年同期）,1-3月培训人次',
        '东港市,2024-03,120,8.5,10,300',
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '1200000']]);
    expect(r.values).toEqual([]);
    expect(new Map(columnReasons(r.rejected) as [string, string][])).toEqual(
      new Map([
        ['网络零售额(同比)', 'not_imported'],
        ['快递业务量(上年同期)', 'not_imported'],
        ['1-3月培训人次', 'not_imported'],
      ]),
    );
  });
});

describe('rows and columns a workbook hides (a third probe)', () => {
  /** The sheet as SheetJS writes it, with rows (Excel's numbers) and columns (indexes) hidden. */
  function hiding(
    rows: (string | number)[][],
    hidden: { rows?: number[]; cols?: number[] },
    bookType: 'xlsx' | 'biff8',
  ) {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!rows'] = [];
    for (const r of hidden.rows ?? []) sheet['!rows'][r - 1] = { hidden: true };
    sheet['!cols'] = [];
    for (const c of hidden.cols ?? []) sheet['!cols'][c] = { hidden: true };
    const b = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(b, sheet, 'Sheet1');
    return XLSX.write(b, { type: 'buffer', bookType });
  }
  const table = [
    ['县区', '月份', '网络零售额（万元）', '网络零售额（元）'],
    ['东港市', '2024-03', 120, 1200000],
    ['东港市', '2024-03', 999, 9990000],
    ['凤城市', '2024-03', 80, 800000],
    ['岫岩满族自治县', '2024-03', 555, 5550000],
  ];

  it('values in hidden rows and a hidden column are rejected as hidden_cell, naming the row or column; the sheet as shown is read', async () => {
    const r = await run({ 'r.xlsx': hiding(table, { rows: [3, 5], cols: [3] }, 'xlsx') });
    // what Excel shows: 东港市 120 万元 and 凤城市 80 万元
    expect(r.monthly.map((a) => [a.county_code, a.value])).toEqual([
      ['210681', '1200000'],
      ['210682', '800000'],
    ]);
    expect(
      r.rejected
        .filter((x) => x.reason === 'hidden_cell')
        .map((x) => [x.cell, (x.reason_zh ?? '').replace(/^.*（/, '（')]),
    ).toEqual([
      ['Sheet1!D2', '（D 列被隐藏）'],
      ['Sheet1!C3', '（第 3 行被隐藏）'],
      ['Sheet1!D3', '（第 3 行被隐藏）'],
      ['Sheet1!D4', '（D 列被隐藏）'],
      ['Sheet1!C5', '（第 5 行被隐藏）'],
      ['Sheet1!D5', '（第 5 行被隐藏）'],
    ]);
  });

  it('an .xls workbook (read by SheetJS): a hidden column is rejected as hidden_cell', async () => {
    const r = await run({ 'r.xls': hiding(table.slice(0, 2), { cols: [3] }, 'biff8') });
    expect(r.monthly.map((a) => [a.county_code, a.value])).toEqual([['210681', '1200000']]);
    expect(r.values).toEqual([['1200000', 'hidden_cell']]);
  });
});

describe('a number with more digits than a value keeps exactly (a third probe)', () => {
  const header = '县区,月份,网络零售额（元）,快递业务量（件）';
  const lines = [
    '凤城市,2024-03,123456789012345678,9007199254740993',
    '东港市,2024-03,1234567890.12,100000000000000000000',
  ];
  for (const [label, files] of [
    ['its rows checked in DuckDB', { 'r.csv': csv(header, ...lines) }],
    [
      'read in JavaScript (a quoted line break in a note)',
      { 'r.csv': csv(`${header},备注`, ...lines.map((l) => `${l},"a\nb"`)) },
    ],
  ] as const)
    it(`more than 15 significant digits are rejected (too_many_digits), not rounded to another number (${label})`, async () => {
      const r = await run(files);
      // 1234567890.12 has 12 significant digits, 100000000000000000000 one
      expect(r.accepted).toEqual([
        ['2024-03', 'express_parcels', '100000000000000000000'],
        ['2024-03', 'online_retail_sales_yuan', '1234567890.12'],
      ]);
      expect(r.values).toEqual([
        ['9007199254740993', 'too_many_digits'],
        ['123456789012345678', 'too_many_digits'],
      ]);
    });
});

describe('whole values of 10^15 and more in the CSV (a review of the third probe’s fix)', () => {
  it('1234567890123450000 元 and 12345678901234.5 万元 are written as their digits, not the doubles’ own', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（元）,农产品网络零售额（万元）',
        '东港市,2023-01,1234567890123450000,12345678901234.5',
      ),
    });
    expect(r.accepted).toEqual([
      ['2023-01', 'agri_online_retail_sales_yuan', '123456789012345000'],
      ['2023-01', 'online_retail_sales_yuan', '1234567890123450000'],
    ]);
  });
});

describe('cells a system wrote as Excel text formulas (="210681") (a third probe)', () => {
  it('="210681", ="2024-03" and ="12" are read as the text they keep', async () => {
    const r = await run({
      'r.csv': csv('县区代码,月份,网络零售额（万元）', '="210681",="2024-03",="12"', '="210682",2024-03,13'),
    });
    expect(r.monthly.map((a) => [a.county_code, a.month, a.value])).toEqual([
      ['210681', '2024-03', '120000'],
      ['210682', '2024-03', '130000'],
    ]);
  });
});

describe('metrics under a label spanning them (a third probe)', () => {
  const rows = [
    ['县区', '月份', '电子商务主要指标', ''],
    ['', '', '网络零售额（万元）', '快递业务量（万件）'],
    ['东港市', '2024-03', '120', '12'],
  ];
  for (const [label, files] of [
    ['a CSV', { 'r.csv': csv(...rows.map((r) => r.join(','))) }],
    ['a workbook, the label merged across', { 'r.xlsx': book(rows, ['C1:D1']) }],
  ] as const)
    it(`电子商务主要指标 over 网络零售额（万元） | 快递业务量（万件）: the metrics are read (${label})`, async () => {
      const r = await run(files);
      expect(r.files).toEqual([]);
      // 120 万元, 12 万件
      expect(r.accepted).toEqual([
        ['2024-03', 'express_parcels', '120000'],
        ['2024-03', 'online_retail_sales_yuan', '1200000'],
      ]);
    });
});

describe('headers a review of the third probe’s fixes found misread', () => {
  it('乾安县 in a title stays 乾安县 (Simplified text is not simplified again: 乾 is no 干)', async () => {
    const r = await run({
      'r.csv': csv('乾安县2023年电子商务统计月报', '月份,网络零售额（万元）', '2023-03,12'),
    });
    expect(r.monthly.map((a) => [a.county_code, a.month, a.value])).toEqual([
      ['220723', '2023-03', '120000'],
    ]);
  });

  it('express parcels, active village stations, 培训 人次: names with a space, not a name and a unit', async () => {
    const r = await run({
      'r.csv': csv(
        'county,month,express parcels,active village stations,培训 人次',
        '东港市,2023-03,12,3,40',
      ),
    });
    expect(r.accepted).toEqual([
      ['2023-03', 'active_village_stations', '3'],
      ['2023-03', 'express_parcels', '12'],
      ['2023-03', 'training_person_times', '40'],
    ]);
  });
});

describe('a long file’s metric and unit cells in Traditional characters (a third probe)', () => {
  it('指標名稱 | 數值 | 單位 with 網絡零售額 | 120 | 萬元: 1,200,000 yuan', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,指標名稱,數值,單位',
        '東港市,2024-03,網絡零售額,120,萬元',
        '東港市,2024-03,快遞業務量,12,萬件',
      ),
    });
    expect(r.values).toEqual([]);
    expect(r.accepted).toEqual([
      ['2024-03', 'express_parcels', '120000'],
      ['2024-03', 'online_retail_sales_yuan', '1200000'],
    ]);
  });
});

describe('a statistic that is not the metric its name resembles (a fourth probe)', () => {
  it('培训人数 (persons trained) is not 培训人次 (person-times): not recognised, never published as person-times', async () => {
    const r = await run({
      'r.csv': csv('县区,月份,培训人数,培训人次', '东港市,2024-03,80,300'),
    });
    expect(r.accepted).toEqual([['2024-03', 'training_person_times', '300']]);
    expect(columnReasons(r.rejected)).toEqual([['培训人数', 'unknown_column']]);
  });
});

describe('a word in brackets after a metric that is no unit (a fourth probe)', () => {
  it('快递业务量（出港） and 网络零售额（实物型） are parts of the metric, not recognised; 快递业务量（合计） is the metric', async () => {
    const r = await run({
      'r.csv': csv(
        '县区,月份,快递业务量（出港）,网络零售额（实物型）,快递业务量（合计）',
        '东港市,2024-03,12,80,30',
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'express_parcels', '30']]);
    expect(r.values).toEqual([]);
    expect(columnReasons(r.rejected)).toEqual([
      ['快递业务量(出港)', 'unknown_column'],
      ['网络零售额(实物型)', 'unknown_column'],
    ]);
  });

  it('a unit the vocabulary lacks is still a unit: 网络零售额（万美元） is bad_unit, never read as yuan', async () => {
    const r = await run({ 'r.csv': csv('县区,月份,网络零售额（万美元）', '东港市,2024-03,12') });
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([['万美元', 'bad_unit']]);
  });
});

describe('a value written with its unit in the cell (a fourth probe)', () => {
  // 120万元 under 网络零售额（万元）: 1,200,000 yuan; 12万件 under 快递业务量 (no unit): 120,000 parcels; 80元 under
  // 网络零售额（万元）: two units, bad_unit; 12% is no number; 3件: 3 parcels
  const lines = [
    '县区,月份,网络零售额（万元）,快递业务量',
    '东港市,2024-03,120万元,12万件',
    '凤城市,2024-03,80元,5',
    '岫岩满族自治县,2024-03,12%,3件',
  ];
  const expected = {
    accepted: [
      ['2024-03', 'express_parcels', '120000'],
      ['2024-03', 'express_parcels', '3'],
      ['2024-03', 'express_parcels', '5'],
      ['2024-03', 'online_retail_sales_yuan', '1200000'],
    ],
    values: [
      ['12%', 'not_a_number'],
      ['万元 / 元', 'bad_unit'],
    ],
  };
  it.each([
    ['a CSV', () => ({ 'r.csv': csv(...lines) })],
    ['a workbook', () => ({ 'r.xlsx': book(lines.map((l) => l.split(','))) })],
  ])('%s: each value in the unit its cell gives, joined with its column’s', async (_, files) => {
    const r = await run(files());
    expect({ accepted: r.accepted.sort(), values: r.values.sort() }).toEqual(expected);
  });

  it('a text after a number that is no unit (12%, 8成) leaves a CSV to DuckDB; a unit after it (12\u3000万件) is read in JavaScript', async () => {
    const percent = await run({
      'r.csv': csv(
        '县区,月份,网络零售额（万元）',
        '东港市,2024-03,12%',
        '凤城市,2024-03,8成',
        '宽甸满族自治县,2024-03,60',
      ),
    });
    expect(percent.summaries[0]!.readBy).toBe('duckdb');
    expect(percent.values.sort()).toEqual([
      ['12%', 'not_a_number'],
      ['8成', 'not_a_number'],
    ]);
    const united = await run({ 'r.csv': csv('县区,月份,快递业务量', '东港市,2024-03,12\u3000万件') });
    expect(united.summaries[0]!.readBy).toBeUndefined();
    expect(united.accepted).toEqual([['2024-03', 'express_parcels', '120000']]);
  });
});

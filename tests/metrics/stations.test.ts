/**
 * Stations named without 运营 in a file that names its metric on each row (a long file, a row per metric with a
 * column per month or per county), beside rows of the active stations or of those not in operation: those are
 * the stations built, a figure of their own, and are not the active ones. Headers are tested in probe.test.ts.
 * Expected values are read from the files as written here.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { asCsvAndWorkbook, csv, reconciledImport } from './files.ts';

const run = reconciledImport();

/** Each file as a CSV read by DuckDB, as one read in JavaScript (a note over two lines below) and as a workbook. */
const everyWay = (lines: string[]) => [
  ...asCsvAndWorkbook(lines),
  { 'r.csv': csv(...lines, '"注：两行', '说明"') },
];
// (a file read in JavaScript is not marked)
const readBy = (r: Awaited<ReturnType<typeof run>>) => r.summaries.map((s) => s.readBy ?? 'javascript');

describe('a long file: 村级服务站 rows beside 未运营村级服务站 rows', () => {
  // 120 stations built, 20 of them idle: the active ones (100) are not stated, so none is published as active
  for (const order of ['plain first', 'idle first']) {
    const rows = ['210681,2024-03,村级服务站,120', '210681,2024-03,未运营村级服务站,20'];
    const lines = [
      '县区代码,月份,指标,数值',
      ...(order === 'plain first' ? rows : rows.reverse()),
      '210681,2024-03,网络零售额（万元）,12.5',
    ];
    it(`${order}: 120 is not published as the active stations, and said why`, async () => {
      const ways = new Set<string | undefined>();
      for (const files of everyWay(lines)) {
        const r = await run(files);
        for (const by of readBy(r)) ways.add(by);
        expect(r.files).toEqual([]);
        expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '125000']]);
        expect(r.rejected.map((x) => [x.field, x.raw_value, x.reason]).sort()).toEqual(
          [
            ['metric', '村级服务站', 'stations_built'],
            ['metric', '未运营村级服务站', 'unknown_metric'],
          ].sort(),
        );
      }
      // the CSV read by DuckDB, then in JavaScript (and the workbook)
      expect([...ways].sort()).toEqual(['duckdb', 'javascript']);
    });
  }
});

describe('a long file: 村级服务站 rows beside 运营村级服务站 rows', () => {
  it('the active stations (100) are published; the built ones (120) not imported, not a conflict losing both', async () => {
    const lines = [
      '县区代码,月份,指标,数值',
      '210681,2024-03,村级服务站,120',
      '210681,2024-03,运营村级服务站,100',
      '210681,2024-04,村级服务站,125',
      '210681,2024-04,运营村级服务站,101',
    ];
    for (const files of everyWay(lines)) {
      const r = await run(files);
      expect(r.accepted.sort()).toEqual([
        ['2024-03', 'active_village_stations', '100'],
        ['2024-04', 'active_village_stations', '101'],
      ]);
      expect(r.rejected.map((x) => [x.line, x.raw_value, x.reason])).toEqual([
        ['2', '村级服务站', 'stations_built'],
        ['4', '村级服务站', 'stations_built'],
      ]);
      expect(r.rejected[0]!.reason_zh).toContain('建成站点数');
    }
  });
});

describe('a long file in Traditional characters', () => {
  it('村級服務站 beside 運營村級服務站: 80 active published, 120 rejected as stations_built', async () => {
    const lines = [
      '縣區代碼,月份,指標,數值',
      '210681,2024-01,村級服務站,120',
      '210681,2024-01,運營村級服務站,80',
    ];
    for (const files of everyWay(lines)) {
      const r = await run(files);
      expect(r.accepted).toEqual([['2024-01', 'active_village_stations', '80']]);
      expect(r.values).toEqual([['村級服務站', 'stations_built']]);
    }
  });
});

describe('a row per metric with a column per month', () => {
  it('村级服务站 beside 运营村级服务站: each month of the built ones not imported', async () => {
    const lines = [
      '县区代码,指标,2024年1月,2024年2月',
      '210681,村级服务站,120,121',
      '210681,运营村级服务站,100,102',
    ];
    for (const files of asCsvAndWorkbook(lines)) {
      const r = await run(files);
      expect(r.accepted.sort()).toEqual([
        ['2024-01', 'active_village_stations', '100'],
        ['2024-02', 'active_village_stations', '102'],
      ]);
      expect(r.values).toEqual([
        ['村级服务站', 'stations_built'],
        ['村级服务站', 'stations_built'],
      ]);
    }
  });
});

describe('stations not beside another figure of theirs', () => {
  it('村级服务站 alone is the active ones', async () => {
    for (const files of everyWay(['县区代码,月份,指标,数值', '210681,2024-03,村级服务站,120'])) {
      const r = await run(files);
      expect(r.accepted).toEqual([['2024-03', 'active_village_stations', '120']]);
      expect(r.values).toEqual([]);
    }
  });

  it('乡镇服务站 beside idle village stations is the active township ones', async () => {
    const lines = [
      '县区代码,月份,指标,数值',
      '210682,2024-03,乡镇服务站,9',
      '210682,2024-03,未运营村级服务站,20',
    ];
    for (const files of everyWay(lines)) {
      const r = await run(files);
      expect(r.accepted).toEqual([['2024-03', 'active_township_stations', '9']]);
      expect(r.values).toEqual([['未运营村级服务站', 'unknown_metric']]);
    }
  });

  it('a file of built stations beside another file of active ones: each file alone, so a conflict', async () => {
    const r = await run({
      'a.csv': csv('县区代码,月份,指标,数值', '210681,2024-03,村级服务站,120'),
      'b.csv': csv('县区代码,月份,指标,数值', '210681,2024-03,运营村级服务站,100'),
    });
    expect(r.accepted).toEqual([]);
    expect(r.values.map((v) => v[1])).toEqual(['duplicate_conflict', 'duplicate_conflict']);
  });
});

describe('a workbook: stations named on one sheet beside another figure of theirs on another (a fifth probe)', () => {
  // one workbook is one report: 村级服务站 on Sheet1 beside 未运营村级服务站 (or 运营村级服务站) on Sheet2 is the
  // stations built there as it would be on one sheet, not the active ones
  const book = (sheets: [string, string[]][]) => {
    const b = XLSX.utils.book_new();
    for (const [name, lines] of sheets)
      XLSX.utils.book_append_sheet(b, XLSX.utils.aoa_to_sheet(lines.map((l) => l.split(','))), name);
    return XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  };

  it('a column per metric: 120 on 村级 is not published as active beside 未运营村级服务站 on 停运', async () => {
    const r = await run({
      'r.xlsx': book([
        ['村级', ['县区代码,月份,村级服务站,网络零售额（万元）', '210681,2024-03,120,12.5']],
        ['停运', ['县区代码,月份,未运营村级服务站', '210681,2024-03,20']],
      ]),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '125000']]);
    const column = r.rejected.find((x) => x.scope === 'column' && x.raw_value === '村级服务站')!;
    expect(column.file).toMatch(/!村级$/);
    expect(column.reason).toBe('not_imported');
    // (the wording names the sheet that shows it)
    expect(column.reason_zh).toContain('停运');
    expect(column.reason_en).toContain('停运');
  });

  it('a row per metric: 村级服务站 on one sheet beside 运营村级服务站 on another: 100 active, 120 stations_built', async () => {
    const r = await run({
      'r.xlsx': book([
        ['建成', ['县区代码,月份,指标,数值', '210681,2024-03,村级服务站,120']],
        ['运营', ['县区代码,月份,指标,数值', '210681,2024-03,运营村级服务站,100']],
      ]),
    });
    expect(r.accepted).toEqual([['2024-03', 'active_village_stations', '100']]);
    expect(r.values).toEqual([['村级服务站', 'stations_built']]);
    expect(r.rejected[0]!.reason_zh).toContain('运营');
    expect(r.rejected[0]!.reason_zh).toContain('工作表');
  });

  it('村级服务站 on every sheet and no other figure of theirs is the active ones', async () => {
    const r = await run({
      'r.xlsx': book([
        ['1月', ['县区代码,月份,村级服务站', '210681,2024-01,120']],
        ['2月', ['县区代码,月份,村级服务站', '210681,2024-02,121']],
        ['说明', ['注：未运营站点不计入本表', '填表人：张三']],
      ]),
    });
    expect(r.accepted.sort()).toEqual([
      ['2024-01', 'active_village_stations', '120'],
      ['2024-02', 'active_village_stations', '121'],
    ]);
  });

  it('a note on another sheet (注：村级服务站不含未运营站点) names no figure: 120 is the active ones (a review)', async () => {
    const r = await run({
      'r.xlsx': book([
        ['3月', ['县区代码,月份,村级服务站', '210681,2024-03,120']],
        ['快递', ['县区代码,月份,快递业务量（件）', '210681,2024-03,5', '注：村级服务站不含未运营站点']],
      ]),
    });
    expect(r.accepted.sort()).toEqual([
      ['2024-03', 'active_village_stations', '120'],
      ['2024-03', 'express_parcels', '5'],
    ]);
  });

  it('运营村级服务站（个） with its unit on another sheet shows 村级服务站 to be the stations built (a review)', async () => {
    const r = await run({
      'r.xlsx': book([
        ['3月', ['县区代码,月份,村级服务站', '210681,2024-03,120']],
        ['4月', ['县区代码,月份,运营村级服务站（个）', '210681,2024-04,100']],
      ]),
    });
    expect(r.accepted).toEqual([['2024-04', 'active_village_stations', '100']]);
    expect(r.rejected.find((x) => x.raw_value === '村级服务站')?.reason).toBe('not_imported');
  });
});

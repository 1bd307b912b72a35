/**
 * What a workbook's number formats show, read as a reader of the sheet sees it (a fourth probe, issue 17): a number
 * whose format writes a unit after it (0"万", #,##0.00"万元", 0"万件": 980 shown as 980万) is not read as the bare
 * number in the header's unit, and a date whose format hides its year (m"月": 2024-01-01 shown as 1月) is the month
 * shown, its year from the title, not the year stored out of sight (Excel stores the year a month was typed in).
 * Expected values are read from the sheets as written here.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { reconciledImport } from './files.ts';

const run = reconciledImport();

/** A workbook of one sheet from `rows`, with the cells given (A1: a cell object) put over them, as .xlsx or .xls. */
function book(
  rows: (string | number)[][],
  cells: Record<string, XLSX.CellObject>,
  bookType: 'xlsx' | 'xls' = 'xlsx',
) {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  Object.assign(sheet, cells);
  const b = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(b, sheet, 'Sheet1');
  return XLSX.write(b, { type: 'buffer', bookType }) as Buffer;
}

/** Excel's serial of a day (1900 system). */
const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('a number format that writes a unit after the number', () => {
  // 凤城市: 980 shown as 980万 under （元）: 万 is no unit (万元? 万件?), so neither 980 yuan nor anything else;
  // 12 shown as 12万件 under 快递业务量 (no unit): 120,000 parcels, the unit the sheet shows. 东港市: 1250.5 shown as
  // 1,250.50万元 under （元）: two units, rejected as bad_unit; 3 shown as 3件 under 快递业务量: 3 parcels.
  // 岫岩: plain formats, read as stored. 宽甸: 0.0,"万" shows 12345 as 12.3万 (scaled): rejected
  const rows = [
    ['县区', '月份', '网络零售额（元）', '快递业务量'],
    ['凤城市', '2024-03', 0, 0],
    ['东港市', '2024-03', 0, 0],
    ['岫岩满族自治县', '2024-03', 0, 0],
    ['宽甸满族自治县', '2024-03', 0, 0],
  ];
  it.each(['xlsx', 'xls'] as const)(
    '%s: each value as the sheet shows it, or rejected; never 980 yuan or 12 parcels',
    async (bookType) => {
      const r = await run({
        [`r.${bookType}`]: book(
          rows,
          {
            C2: { t: 'n', v: 980, z: '0"万"' },
            D2: { t: 'n', v: 12, z: '0"万件"' },
            C3: { t: 'n', v: 1250.5, z: '#,##0.00"万元"' },
            D3: { t: 'n', v: 3, z: '0"件"' },
            C4: { t: 'n', v: 1250.5, z: '#,##0.00' },
            D4: { t: 'n', v: 7, z: '0' },
            C5: { t: 'n', v: 12345, z: '0.0,"万"' },
            D5: { t: 'n', v: 8, z: '0' },
          },
          bookType,
        ),
      });
      expect(r.monthly.map((m) => [m.county_code, m.metric, m.value]).sort()).toEqual(
        [
          ['210323', 'express_parcels', '7'],
          ['210323', 'online_retail_sales_yuan', '1250.5'],
          ['210624', 'express_parcels', '8'],
          ['210681', 'express_parcels', '3'],
          ['210682', 'express_parcels', '120000'],
        ].sort(),
      );
      expect(r.values.map(([raw, reason]) => [raw, reason]).sort()).toEqual(
        [
          ['12345（数字格式 0.0,"万"）', 'not_a_number'],
          ['980（数字格式 0"万"）', 'not_a_number'],
          ['元 / 万元', 'bad_unit'],
        ].sort(),
      );
    },
  );
});

describe('a General format or one of several sections writing a unit', () => {
  // G/通用格式 is Chinese Excel's General: G/通用格式"件" shows 3 as 3件, 0"件";-0"件" shows 5 as 5件 (and -5 as
  // -5件), General"万件" shows 2 as 2万件: each read in the unit shown. 0"件";0"件" shows -4 as 4件, no number stored
  const rows = [
    ['县区', '月份', '快递业务量'],
    ['东港市', '2024-03', 0],
    ['凤城市', '2024-03', 0],
    ['岫岩满族自治县', '2024-03', 0],
    ['宽甸满族自治县', '2024-03', 0],
  ];
  it.each(['xlsx', 'xls'] as const)(
    '%s: 3 parcels, 5 parcels, 20,000 parcels; 4件 stored -4 rejected',
    async (bookType) => {
      const r = await run({
        [`r.${bookType}`]: book(
          rows,
          {
            C2: { t: 'n', v: 3, z: 'G/通用格式"件"' },
            C3: { t: 'n', v: 5, z: '0"件";-0"件"' },
            C4: { t: 'n', v: 2, z: 'General"万件"' },
            C5: { t: 'n', v: -4, z: '0"件";0"件"' },
          },
          bookType,
        ),
      });
      expect(r.monthly.map((m) => [m.county_code, m.value]).sort()).toEqual(
        [
          ['210323', '20000'],
          ['210681', '3'],
          ['210682', '5'],
        ].sort(),
      );
      expect(r.values.map(([, reason]) => reason)).toEqual(['not_a_number']);
    },
  );
});

describe('a format’s negative and zero sections', () => {
  // 0"件";\-0"件" (Excel's escaped minus) shows -5 as -5件: a negative count, rejected as such; 0"件";-0"件";"-" shows
  // 0 as -, as accounting formats do: the number 0, in the unit of the other sections
  it('-5 under 0"件";\\-0"件" is negative_value; 0 under 0"件";-0"件";"-" is 0 parcels', async () => {
    const r = await run({
      'r.xlsx': book(
        [
          ['县区', '月份', '快递业务量'],
          ['东港市', '2024-03', 0],
          ['凤城市', '2024-03', 0],
        ],
        {
          C2: { t: 'n', v: -5, z: '0"件";\\-0"件"' },
          C3: { t: 'n', v: 0, z: '0"件";-0"件";"-"' },
        },
      ),
    });
    expect(r.monthly.map((m) => [m.county_code, m.value])).toEqual([['210682', '0']]);
    expect(r.values.map(([, reason]) => reason)).toEqual(['negative_value']);
  });
});

describe('a date whose format hides its year', () => {
  it.each(['xlsx', 'xls'] as const)(
    '%s: month headers 1月, 2月 (stored 2024-01-01, 2024-02-01) under a title naming 2023 are 2023-01 and 2023-02',
    async (bookType) => {
      const r = await run({
        [`r.${bookType}`]: book(
          [['东港市2023年电子商务统计月报'], ['指标', 0, 0], ['网络零售额（万元）', 100, 110]],
          {
            B2: { t: 'n', v: serial(2024, 1, 1), z: 'm"月"' },
            C2: { t: 'n', v: serial(2024, 2, 1), z: 'm"月"' },
          },
          bookType,
        ),
      });
      expect(r.accepted).toEqual([
        ['2023-01', 'online_retail_sales_yuan', '1000000'],
        ['2023-02', 'online_retail_sales_yuan', '1100000'],
      ]);
    },
  );

  it.each(['xlsx', 'xls'] as const)(
    '%s: a 月份 column stored 2023-12-01, 2024-01-01, 2024-02-01 shown 12月, 1月, 2月 under a title naming 2024: 12月 is rejected as bad_month, never 2024-12',
    async (bookType) => {
      // (the stored years differ from cell to cell, so they were typed with their years: 12月 is of 2023 as
      // stored, or of 2024 as the title says, which the sheet does not settle)
      const r = await run({
        [`r.${bookType}`]: book(
          [['东港市2024年电子商务统计月报'], ['月份', '快递业务量（件）'], [0, 5], [0, 6], [0, 7]],
          {
            A3: { t: 'n', v: serial(2023, 12, 1), z: 'm"月"' },
            A4: { t: 'n', v: serial(2024, 1, 1), z: 'm"月"' },
            A5: { t: 'n', v: serial(2024, 2, 1), z: 'm"月"' },
          },
          bookType,
        ),
      });
      expect(r.accepted).toEqual([
        ['2024-01', 'express_parcels', '6'],
        ['2024-02', 'express_parcels', '7'],
      ]);
      expect(r.values).toEqual([['12月', 'bad_month']]);
    },
  );

  it.each(['xlsx', 'xls'] as const)(
    '%s: month headers stored 2023-12-01, 2024-01-01 shown 12月, 1月 under a title naming 2024: both rejected as bad_month, never 2024-12 and 2025-01',
    async (bookType) => {
      const r = await run({
        [`r.${bookType}`]: book(
          [['东港市2024年电子商务统计月报'], ['指标', 0, 0], ['网络零售额（万元）', 100, 110]],
          {
            B2: { t: 'n', v: serial(2023, 12, 1), z: 'm"月"' },
            C2: { t: 'n', v: serial(2024, 1, 1), z: 'm"月"' },
          },
          bookType,
        ),
      });
      // (columns 12月, 1月 cross a year, so the title settles neither, and 12月's stored year is not the title's: the
      // sheet settles neither, never 2024-12 and 2025-01)
      expect(r.accepted).toEqual([]);
      expect(r.values.map(([, reason]) => reason)).toEqual(['bad_month', 'bad_month']);
    },
  );

  it.each(['xlsx', 'xls'] as const)(
    '%s: a merged 12月 (stored 2023-12-01) over two counties’ rows under a title naming 2024: both rows rejected',
    async (bookType) => {
      const sheet = XLSX.utils.aoa_to_sheet([
        ['丹东市2024年电子商务统计月报'],
        ['月份', '县区', '快递业务量（件）'],
        [0, '东港市', 5],
        ['', '凤城市', 6],
        [0, '东港市', 7],
        ['', '凤城市', 8],
      ]);
      sheet.A3 = { t: 'n', v: serial(2023, 12, 1), z: 'm"月"' };
      sheet.A5 = { t: 'n', v: serial(2024, 1, 1), z: 'm"月"' };
      sheet['!merges'] = [XLSX.utils.decode_range('A3:A4'), XLSX.utils.decode_range('A5:A6')];
      const b = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(b, sheet, 'Sheet1');
      const r = await run({ [`r.${bookType}`]: XLSX.write(b, { type: 'buffer', bookType }) as Buffer });
      expect(r.accepted).toEqual([
        ['2024-01', 'express_parcels', '7'],
        ['2024-01', 'express_parcels', '8'],
      ]);
      expect(r.values).toEqual([
        ['12月', 'bad_month'],
        ['12月', 'bad_month'],
      ]);
    },
  );

  // months typed in another year than their own, which a title settles: 1月–11月 typed in 2023 and 12月 in January
  // 2024 (Excel takes the year of typing), or last year's template's 1月–6月 beside 7月–12月 typed in 2024: the
  // stored years jump a year where the months do not, so they are the years of typing, not the months' own
  it.each([
    ['2023', (m: number) => (m === 12 ? 2024 : 2023)],
    ['2024', (m: number) => (m <= 6 ? 2023 : 2024)],
  ])(
    'a 月份 column whose stored years jump a year between two months (title %s): each month of the title’s year',
    async (year, stored) => {
      const months = Array.from({ length: 12 }, (_, i) => i + 1);
      const r = await run({
        'r.xlsx': book(
          [[`东港市${year}年电子商务统计月报`], ['月份', '快递业务量（件）'], ...months.map((m) => [0, m])],
          Object.fromEntries(
            months.map((m) => [
              `A${m + 2}`,
              { t: 'n', v: serial(stored(m), m, 1), z: 'm"月"' } as XLSX.CellObject,
            ]),
          ),
        ),
      });
      expect(r.values).toEqual([]);
      expect(r.accepted.map((a) => a[0])).toEqual(months.map((m) => `${year}-${String(m).padStart(2, '0')}`));
    },
  );

  it('two counties’ lists of 2023-01 to 2024-03 in one 月份 column under a title naming 2024: 2024’s months read, 2023’s rejected, never as 2024’s', async () => {
    // (the second list starts 14 months back from where the first ends: a list starting again, not a year of typing)
    const days = Array.from({ length: 15 }, (_, i) => [2023 + Math.floor(i / 12), (i % 12) + 1] as const);
    const rows = ['东港市', '凤城市'].flatMap((county) => days.map(([, m]) => [0, county, m]));
    const cells = Object.fromEntries(
      rows.map((_, i) => {
        const [y, m] = days[i % 15]!;
        return [`A${i + 3}`, { t: 'n', v: serial(y, m, 1), z: 'm"月"' } as XLSX.CellObject];
      }),
    );
    const r = await run({
      'r.xlsx': book(
        [['东港市、凤城市2024年电子商务统计月报'], ['月份', '县区', '快递业务量（件）'], ...rows],
        cells,
      ),
    });
    expect(r.accepted.map((a) => [a[0], a[2]]).sort()).toEqual(
      [
        ['2024-01', '1'],
        ['2024-02', '2'],
        ['2024-03', '3'],
        ['2024-01', '1'],
        ['2024-02', '2'],
        ['2024-03', '3'],
      ].sort(),
    );
    expect(r.values.map(([, reason]) => reason)).toEqual(Array(24).fill('bad_month'));
  });

  it('in a 月份 column without a title naming a year, such a date names no year: rejected as bad_month, not read as 2024-03', async () => {
    const r = await run({
      'r.xlsx': book(
        [
          ['县区', '月份', '网络零售额（万元）'],
          ['东港市', 0, 80],
        ],
        { B2: { t: 'n', v: serial(2024, 3, 1), z: 'm"月"' } },
      ),
    });
    expect(r.accepted).toEqual([]);
    expect(r.values).toEqual([['3月', 'bad_month']]);
  });

  it('a format showing the year (yyyy"年"m"月") is read as stored', async () => {
    const r = await run({
      'r.xlsx': book(
        [
          ['县区', '月份', '网络零售额（万元）'],
          ['东港市', 0, 80],
        ],
        { B2: { t: 'n', v: serial(2024, 3, 1), z: 'yyyy"年"m"月"' } },
      ),
    });
    expect(r.accepted).toEqual([['2024-03', 'online_retail_sales_yuan', '800000']]);
  });
});

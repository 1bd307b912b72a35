/**
 * Columns a report holds beside its month's figures and that are not imported (issue 17): a running sum (累计), a
 * growth rate (同比增长（%）), last year's figure (上年同期), a share or a rank. They are told apart from a column
 * nothing recognises: the reader is told why each is not imported, not that it was not understood. Expected values
 * are read from the files as written here.
 */
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

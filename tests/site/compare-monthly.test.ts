/** The monthly query of /compare/: literals from closed lists only, one equality per county. */
import { describe, expect, it } from 'vitest';
import { monthlyPoints, monthlySql } from '../../src/client/compare/monthly-query.ts';

const METRICS = { online_retail_sales_yuan: '网络零售额', express_parcels: '快递业务量' };

describe('monthlySql', () => {
  it('monthlySql(["469001", "440232"], "express_parcels") unions one equality per county', () => {
    const sql = monthlySql(['469001', '440232'], 'express_parcels', METRICS);
    expect(sql.split(' UNION ALL ')).toHaveLength(2);
    expect(sql).toContain("county_code = '469001' AND metric = 'express_parcels'");
    expect(sql).toContain("county_code = '440232' AND metric = 'express_parcels'");
    expect(sql.endsWith('ORDER BY county_code, month')).toBe(true);
  });

  it('monthlySql refuses a code that is not six digits and a metric not in the list', () => {
    expect(() => monthlySql(["469001' OR 1=1 --"], 'express_parcels', METRICS)).toThrow('invalid selection');
    expect(() => monthlySql(['469001'], "x' OR 1=1", METRICS)).toThrow('invalid selection');
    expect(() => monthlySql(['469001'], 'constructor', METRICS)).toThrow('invalid selection');
  });
});

describe('monthlyPoints', () => {
  it('monthlyPoints names each series by county and gives money in 万元', () => {
    const names = new Map([['469001', '五指山市']]);
    const rows = [{ county_code: '469001', month: '2020-03', value: 125000 }];
    expect(monthlyPoints(rows, names, 'online_retail_sales_yuan', 1e4)).toEqual([
      { series: '五指山市', date: new Date(Date.UTC(2020, 2, 1)), value: 12.5 },
    ]);
    expect(monthlyPoints(rows, names, 'express_parcels', 1e4)[0]!.value).toBe(125000);
  });
});

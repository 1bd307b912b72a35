/** One data row into staged values: its values, each value's checks in order, and the row's accounting. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSummary } from '../../pipelines/metrics/accounting.ts';
import { type Plan, planColumns } from '../../pipelines/metrics/columns.ts';
import type { CountyLookup } from '../../pipelines/metrics/lookups.ts';
import { checkValue, type RowContext, rowKey, stageRow, valuesOf } from '../../pipelines/metrics/rows.ts';
import { ACCEPTED_COLUMNS, REJECTED_COLUMNS, StagingFile } from '../../pipelines/metrics/staging.ts';
import { readStaging, tempDir } from './files.ts';

/** Only 五指山市 is a county here (469001), so that these tests do not depend on the reference data. */
const county: CountyLookup = (raw) =>
  raw === '五指山市' ? { code: '469001' } : { reason: 'unknown_county' };

const WIDE = ['县', '月份', '网络零售额（万元）', '快递业务量（件）'];
const LONG = ['county_code', 'month', 'metric', 'value', 'unit'];
const plan = (header: string[]) => planColumns(header) as Plan;

/** A row context writing to new staging files; `staged()` closes them and reads them back. */
function context(header: string[]) {
  const dir = tempDir();
  const ctx: RowContext = {
    file: 'in/a.csv',
    summary: newSummary('in/a.csv'),
    accepted: new StagingFile(join(dir, 'a.csv'), ACCEPTED_COLUMNS),
    rejected: new StagingFile(join(dir, 'r.csv'), REJECTED_COLUMNS),
    county,
    header,
    plan: plan(header),
  };
  const staged = () => {
    ctx.accepted.close();
    ctx.rejected.close();
    return { accepted: readStaging(join(dir, 'a.csv')), rejected: readStaging(join(dir, 'r.csv')) };
  };
  return { ctx, staged };
}

describe('valuesOf(row, plan, header, everyColumn)', () => {
  it('valuesOf(row, plan, header) gives one value per non-empty metric cell of a wide row, with the header’s unit', () => {
    expect(valuesOf(['五指山市', '2020-03', ' 12.5 ', ''], plan(WIDE), WIDE)).toEqual([
      { column: '网络零售额（万元）', name: '网络零售额', raw: '12.5', unit: '万元' },
    ]);
  });

  it('valuesOf(row, plan, header, true) gives every metric column of a wide row, empty or missing', () => {
    expect(
      valuesOf(['五指山市', '2020-03', '12'], plan(WIDE), WIDE, true).map((v) => [v.column, v.raw]),
    ).toEqual([
      ['网络零售额（万元）', '12'],
      ['快递业务量（件）', ''],
    ]);
  });

  it('valuesOf(row, plan, header) gives the one value of a long row, its unit cell joined with the unit row’s', () => {
    const p = plan(LONG);
    p.valueUnit = '万件';
    expect(valuesOf(['469001', '2020-03', 'express_parcels', '5', ''], p, LONG)).toEqual([
      { column: 'value', name: 'express_parcels', raw: '5', unit: '万件' },
    ]);
    expect(valuesOf(['469001', '2020-03', 'express_parcels', '5', '件'], p, LONG)[0]!.unit).toBe('件 / 万件');
  });
});

describe('checkValue(v)', () => {
  const v = (name: string, raw: string, unit: string) => ({ column: 'c', name, raw, unit });

  it('checkValue(v) converts 12.5 万元 to 125,000 yuan, 1.25 万件 to 12,500 parcels, and keeps 0.5 元', () => {
    expect(checkValue(v('网络零售额', '12.5', '万元'))).toEqual({
      metric: 'online_retail_sales_yuan',
      value: 125_000,
    });
    expect(checkValue(v('快递业务量', '1.25', '万件'))).toEqual({ metric: 'express_parcels', value: 12_500 });
    expect(checkValue(v('网络零售额', '0.5', '元'))).toEqual({
      metric: 'online_retail_sales_yuan',
      value: 0.5,
    });
  });

  it.each([
    ['happiness', '', '', 'metric', 'happiness', 'unknown_metric'],
    ['快递业务量', '', 'kg', 'value', '', 'missing_value'],
    ['快递业务量', 'many', 'kg', 'value', 'many', 'not_a_number'],
    ['快递业务量', '-2', 'kg', 'value', '-2', 'negative_value'],
    ['网络零售额', '5', 'kg', 'unit', 'kg', 'bad_unit'],
    ['网络零售额', '5', '', 'unit', '', 'missing_unit'],
    ['快递业务量', '1.5', '件', 'value', '1.5', 'not_whole'],
  ])('checkValue(%s “%s” %s) fails first on its %s “%s”: %s', (name, raw, unit, field, faultRaw, reason) => {
    expect(checkValue(v(name, raw, unit))).toEqual({ field, raw: faultRaw, reason });
  });
});

describe('rowKey(county, rawCounty, rawMonth)', () => {
  it('rowKey(county, "五指山市", "2020年3月") is the county code and month', () => {
    expect(rowKey(county, '五指山市', '2020年3月')).toEqual({ code: '469001', month: '2020-03' });
  });

  it('rowKey(county, rawCounty, rawMonth) names the county before the month, and 2020.1 as ambiguous_month', () => {
    expect(rowKey(county, '无此县', '2020-13')).toEqual({
      field: 'county',
      raw: '无此县',
      reason: 'unknown_county',
    });
    expect(rowKey(county, '五指山市', '2020-13')).toEqual({
      field: 'month',
      raw: '2020-13',
      reason: 'bad_month',
    });
    expect(rowKey(county, '五指山市', '2020.1')).toEqual({
      field: 'month',
      raw: '2020.1',
      reason: 'ambiguous_month',
    });
  });
});

describe('stageRow(ctx, row, at, terminated)', () => {
  it('stageRow(ctx, “五指山市,2020-03,12.5,3,估算,统计局,是”, 2, true) stages 125,000 yuan and 3 parcels, synthetic, with source and note', () => {
    const header = [...WIDE, '备注', '来源', '示例数据'];
    const { ctx, staged } = context(header);
    stageRow(ctx, ['五指山市', '2020-03', '12.5', '3', '估算', '统计局', '是'], 2, true);
    const { accepted, rejected } = staged();
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      {
        file: 'in/a.csv',
        line: '2',
        column: '网络零售额（万元）',
        county_code: '469001',
        month: '2020-03',
        metric: 'online_retail_sales_yuan',
        value: '125000',
        unit: 'yuan',
        synthetic: 'true',
        note: '统计局 · 估算',
        raw_value: '12.5',
        cell: '',
      },
      expect.objectContaining({
        column: '快递业务量（件）',
        metric: 'express_parcels',
        value: '3',
        unit: 'parcels',
      }),
    ]);
    expect(ctx.summary).toMatchObject({
      values: 2,
      accepted: 2,
      rejected: 0,
      rowsAccepted: 1,
      rowsRejected: 0,
    });
  });

  it('stageRow(ctx, “五指山市,2020-03,12”, 2, true) under four columns rejects both metric columns as cell_count, the row as read', () => {
    const { ctx, staged } = context(WIDE);
    stageRow(ctx, ['五指山市', '2020-03', '12'], 2, true);
    const { accepted, rejected } = staged();
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => [r.line, r.column, r.field, r.raw_value, r.reason])).toEqual([
      ['2', '网络零售额（万元）', 'line', '五指山市,2020-03,12', 'cell_count'],
      ['2', '快递业务量（件）', 'line', '五指山市,2020-03,12', 'cell_count'],
    ]);
    expect(rejected[0]!.reason_zh).toContain('该行有 3 格，表头有 4 格');
    expect(ctx.summary).toMatchObject({
      values: 2,
      accepted: 0,
      rejected: 2,
      rowsAccepted: 0,
      rowsRejected: 1,
    });
  });

  it('stageRow(ctx, row, at, false) rejects every value of a last line without a line break, each with its cell', () => {
    const { ctx, staged } = context(WIDE);
    stageRow(ctx, ['五指山市', '2020-04', '7', '8'], 5, false);
    expect(staged().rejected.map((r) => [r.line, r.field, r.raw_value, r.reason])).toEqual([
      ['5', 'line', '7', 'unterminated_last_line'],
      ['5', 'line', '8', 'unterminated_last_line'],
    ]);
    expect(ctx.summary).toMatchObject({ values: 2, rejected: 2, rowsRejected: 1 });
  });

  it('stageRow(ctx, a row of an unknown county, …) rejects each value for its county', () => {
    const { ctx, staged } = context(WIDE);
    stageRow(ctx, ['无此县', '2020-03', '1', '2'], 3, true);
    expect(staged().rejected.map((r) => [r.column, r.field, r.raw_value, r.reason])).toEqual([
      ['网络零售额（万元）', 'county', '无此县', 'unknown_county'],
      ['快递业务量（件）', 'county', '无此县', 'unknown_county'],
    ]);
  });

  it('stageRow(ctx, a wide row whose metric cells are empty, …) counts it accepted and without values', () => {
    const { ctx, staged } = context(WIDE);
    stageRow(ctx, ['五指山市', '2020-05', '', ''], 2, true);
    expect(staged()).toEqual({ accepted: [], rejected: [] });
    expect(ctx.summary).toMatchObject({ values: 0, rowsAccepted: 1, rowsRejected: 0, rowsWithoutValues: 1 });
  });

  it('stageRow(ctx, a row with one value accepted and one rejected, …) counts it as a rejected row', () => {
    const { ctx, staged } = context(WIDE);
    stageRow(ctx, ['五指山市', '2020-03', '12.5', '1.5'], 2, true);
    const { accepted, rejected } = staged();
    expect(accepted.map((r) => r.value)).toEqual(['125000']);
    expect(rejected.map((r) => r.reason)).toEqual(['not_whole']);
    expect(ctx.summary).toMatchObject({
      values: 2,
      accepted: 1,
      rejected: 1,
      rowsAccepted: 0,
      rowsRejected: 1,
    });
  });
});

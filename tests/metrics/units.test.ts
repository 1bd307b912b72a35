/** Unit rows: told from data, applied to the columns below them, or refusing the file. */
import { describe, expect, it } from 'vitest';
import { type Plan, planColumns } from '../../pipelines/metrics/columns.ts';
import {
  applyUnits,
  joinUnits,
  refuseUnitRow,
  takeUnitRow,
  unitRow,
  unitRowCandidate,
} from '../../pipelines/metrics/units.ts';

const WIDE = ['县区', '月份', '网络零售额', '快递业务量'];
const LONG = ['county_code', 'month', 'metric', 'value', 'unit'];
const plan = (header: string[]) => planColumns(header) as Plan;

describe('unitRow(row)', () => {
  it('unitRow(["", "", "万元", "万件"]) is the units by column', () => {
    expect(unitRow(['', '', '万元', '万件'])).toEqual(['', '', '万元', '万件']);
  });

  it('unitRow(row) takes 单位： as a label, and a unit in brackets or full-width brackets as the unit', () => {
    expect(unitRow(['单位：', ' ', '（万元）', '(件)'])).toEqual(['', '', '万元', '件']);
  });

  it('unitRow(row) is null when a cell is not a unit (合计) or when no cell is one', () => {
    expect(unitRow(['', '', '万元', '合计'])).toBeNull();
    expect(unitRow(['单位', '', '', ''])).toBeNull();
    expect(unitRow(['五指山市', '2020-03', '12.5', '3'])).toBeNull();
  });
});

describe('unitRowCandidate(row, plan)', () => {
  it('unitRowCandidate(row, plan) is true when the county and month cells hold no county and no month', () => {
    expect(unitRowCandidate(['', '', '万元', '合计'], plan(WIDE))).toBe(true);
    expect(unitRowCandidate(['单位：', '', '万元', '合计'], plan(WIDE))).toBe(true);
  });

  it('unitRowCandidate(row, plan) is false for a row with a county or a month, and for a blank row', () => {
    expect(unitRowCandidate(['五指山市', '', '', ''], plan(WIDE))).toBe(false);
    expect(unitRowCandidate(['', '2020-03', '万元', ''], plan(WIDE))).toBe(false);
    expect(unitRowCandidate(['', ' ', '', ''], plan(WIDE))).toBe(false);
  });
});

describe('refuseUnitRow(row, at, header)', () => {
  it('refuseUnitRow(",万元,万件", 2, four columns) is cell_count, naming the line and both counts', () => {
    expect(refuseUnitRow(['', '万元', '万件'], 2, WIDE)).toEqual({
      reason: 'cell_count',
      detail: 'the unit row (line 2) has 3 cells and the header 4',
    });
  });

  it('refuseUnitRow(",,万件,万人", 2, header) is unknown_unit, naming the cell and its column in both languages', () => {
    expect(refuseUnitRow(['', '', '万件', '万人'], 2, ['县区', '月份', '快递业务量', '培训人次'])).toEqual({
      reason: 'unknown_unit',
      detail: 'line 2: “万人” (column 培训人次)',
      wording: [
        '第 2 行像是单位行，但“万人”（列：培训人次）不是可识别的单位',
        'row 2 looks like a row of units, but “万人” (column 培训人次) is not a unit the importer knows',
      ],
    });
  });

  it('refuseUnitRow(row, at, header) names a column without a header by its position, and says “are not units” for two', () => {
    const r = refuseUnitRow(['', '', '合计', 'x'], 3, ['县区', '月份', '网络零售额', '']);
    expect(r?.detail).toBe('line 3: “合计” (column 网络零售额), “x” (column #4)');
    expect(r?.wording?.[1]).toContain('are not units the importer knows');
  });

  it('refuseUnitRow(row, at, header) is null for a row of units and labels as long as the header', () => {
    expect(refuseUnitRow(['单位', '', '万元', '万件'], 2, WIDE)).toBeNull();
  });
});

describe('joinUnits(a, b) and applyUnits(plan, units)', () => {
  it('joinUnits(a, b) keeps one unit when both agree (spaces aside) or one is empty, and names both when they differ', () => {
    expect(joinUnits('', '万件')).toBe('万件');
    expect(joinUnits('万件', '')).toBe('万件');
    expect(joinUnits('万 件', '万件')).toBe('万 件');
    expect(joinUnits('件', '万件')).toBe('件 / 万件');
  });

  it('applyUnits(plan, units) gives each metric column of a wide file its unit, joined with the header’s', () => {
    const p = plan(['县', '月份', '快递量（件）', '网络零售额']);
    applyUnits(p, ['', '', '万件', '万元']);
    expect(p.metrics.map((m) => m.unit)).toEqual(['件 / 万件', '万元']);
  });

  it('applyUnits(plan, units) gives the value column of a long file the unit under it', () => {
    const p = plan(LONG);
    applyUnits(p, ['', '', '', '万元', '']);
    expect(p.valueUnit).toBe('万元');
  });
});

describe('takeUnitRow(row, at, header, plan)', () => {
  it('takeUnitRow(",,万元,万件", …) is "units" and the plan’s metric columns get 万元 and 万件', () => {
    const p = plan(WIDE);
    expect(takeUnitRow(['', '', '万元', '万件'], 2, WIDE, p)).toBe('units');
    expect(p.metrics.map((m) => m.unit)).toEqual(['万元', '万件']);
  });

  it('takeUnitRow("单位：,,,", …) is "units" without units: a label alone', () => {
    const p = plan(WIDE);
    expect(takeUnitRow(['单位：', '', '', ''], 2, WIDE, p)).toBe('units');
    expect(p.metrics.map((m) => m.unit)).toEqual(['', '']);
  });

  it('takeUnitRow(a data row, …) is "data" and leaves the plan as it was', () => {
    const p = plan(WIDE);
    expect(takeUnitRow(['五指山市', '2020-03', '12.5', '3'], 2, WIDE, p)).toBe('data');
    expect(p.metrics.map((m) => m.unit)).toEqual(['', '']);
  });

  it('takeUnitRow(",,万元,合计", …) is the unknown_unit refusal', () => {
    expect(takeUnitRow(['', '', '万元', '合计'], 2, WIDE, plan(WIDE))).toMatchObject({
      reason: 'unknown_unit',
      detail: 'line 2: “合计” (column 快递业务量)',
    });
  });
});

/** Header recognition: which column holds the county, the month, and the metrics (wide) or metric and value (long). */
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../pipelines/metrics/columns.ts';

describe('planColumns(header), wide form', () => {
  it('planColumns(header) finds 区县代码 as the county column and 网络零售额（万元） as a metric with its unit', () => {
    const plan = planColumns(['区县代码', '月份', '网络零售额（万元）', '快递业务量']);
    expect(plan).toMatchObject({
      form: 'wide',
      county: 0,
      month: 1,
      metric: null,
      value: null,
      unit: null,
      metrics: [
        { index: 2, name: '网络零售额', unit: '万元' },
        { index: 3, name: '快递业务量', unit: '' },
      ],
      unknown: [],
    });
  });

  it('planColumns(header) reads the code column, not the name column beside it, as the county', () => {
    expect(planColumns(['县区', '代码', '月份', '培训人次'])).toMatchObject({ county: 1, month: 2 });
    expect(planColumns(['县区', '月份', '培训人次'])).toMatchObject({ county: 0, month: 1 });
  });

  it('planColumns(header) finds the note, source and synthetic columns, and lists the others as unknown once each', () => {
    const plan = planColumns(['县', '月份', '快递量(件)', '满意度', '备注', '数据来源', '示例数据', '']);
    expect(plan).toMatchObject({ note: 4, source: 5, synthetic: 6, unknown: ['满意度'] });
    expect(!('error' in plan) && plan.metrics.map((m) => m.index)).toEqual([2]);
  });

  it('planColumns(header) matches header cells without their spaces (“月 份”, “county code”)', () => {
    expect(planColumns(['county code', '月 份', '快递量'])).toMatchObject({ county: 0, month: 1 });
  });
});

describe('planColumns(header), long form', () => {
  it('planColumns(header) reads county_code,month,metric,value,unit as long form, the unit row’s unit not yet known', () => {
    expect(planColumns(['county_code', 'month', 'metric', 'value', 'unit'])).toEqual({
      form: 'long',
      county: 0,
      month: 1,
      months: [],
      metric: 2,
      value: 3,
      unit: 4,
      valueUnit: '',
      yearColumn: null,
      note: null,
      synthetic: null,
      source: null,
      metrics: [],
      unknown: [],
    });
  });

  it('planColumns(header) lists a long file’s other columns as unknown, whether or not they name a metric', () => {
    expect(planColumns(['county_code', 'month', 'metric', 'value', '快递量', 'x'])).toMatchObject({
      form: 'long',
      unknown: ['快递量', 'x'],
    });
  });
});

describe('planColumns(header) without a county or a month column', () => {
  it('planColumns(["name", "score"]) is an error naming the header cells and the columns it needs', () => {
    const plan = planColumns(['name', 'score']);
    expect(plan).toHaveProperty('error');
    const { error } = plan as { error: string };
    expect(error).toContain('found “name”, “score”');
    expect(error).toContain('need a county column');
  });

  it('planColumns(header) with a county and no month column is an error too', () => {
    expect(planColumns(['county_code', 'metric', 'value'])).toHaveProperty('error');
  });

  it('the error says which of the two is missing, and its sidecar example maps a column not yet read, not the county column', () => {
    const mapping = { columns: {}, name: 'r.yaml' };
    const noMonth = planColumns(['县区', '序号', '网络零售额（万元）'], mapping) as { error: string };
    expect(noMonth.error).toContain('a county column (县区), but no month column');
    expect(noMonth.error).toContain('{“序号”: month}');
    const noCounty = planColumns(['月份', '单位名', '网络零售额（万元）'], mapping) as { error: string };
    expect(noCounty.error).toContain('a month column (月份), but no county column');
    expect(noCounty.error).toContain('{“单位名”: county}');
    // a county the rows above name is said to be found there
    const above = planColumns(['序号', '网络零售额（万元）'], mapping, {
      county: { raw: '东港市', line: 1 },
    }) as {
      error: string;
    };
    expect(above.error).toContain('the rows above name the county (东港市, line 1), but no month');
  });
});

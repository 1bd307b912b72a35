/** Progress against plan targets: the actual on each basis, the expected share, the status, and the rows. */
import { describe, expect, it } from 'vitest';
import type { Row } from '../../pipelines/contract/schema.ts';
import {
  cumulativeActual,
  expectedShare,
  latestActual,
  type MetricValue,
  progressRows,
  progressStatus,
  yoyActual,
} from '../../pipelines/metrics/progress.ts';

/** Monthly values of one metric of 469001 from `from` (YYYY-MM) on, one per value given. */
function series(metric: string, from: string, values: number[], synthetic = false): MetricValue[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return values.map((value, k) => {
    const i = y * 12 + m - 1 + k;
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return { county_code: '469001', month, metric, value, synthetic };
  });
}

const twelve = (v: number) => Array.from({ length: 12 }, () => v);

describe('the actual on each basis', () => {
  it('latestActual(upTo) is the value of the last month given', () => {
    const upTo = series('active_village_stations', '2020-01', [10, 20, 30]);
    expect(latestActual(upTo)).toEqual({ actual: 30, used: [upTo[2]] });
  });
  it('latestActual(upTo) is null when no month is given', () => {
    expect(latestActual([])).toEqual({ actual: null, used: [] });
  });
  it('cumulativeActual(upTo, start) sums the months from the period’s start, not those before it', () => {
    const upTo = series('training_person_times', '2019-11', [500, 500, 10, 20, 30]);
    expect(cumulativeActual(upTo, '2020-01')).toEqual({ actual: 60, used: upTo.slice(2) });
  });
  it('cumulativeActual(upTo, null) is no_period: without a start there is nothing to count from', () => {
    expect(cumulativeActual(series('training_person_times', '2020-01', [10]), null)).toEqual({
      status: 'no_period',
    });
  });
  it('yoyActual(upTo, asOf) is the growth in % of the 12 months to asOf over the 12 before (1,200 → 1,800: 50)', () => {
    const upTo = series('online_retail_sales_yuan', '2019-01', [...twelve(100), ...twelve(150)]);
    expect(yoyActual(upTo, '2020-12')).toEqual({ actual: 50, used: upTo });
  });
  it('yoyActual(upTo, asOf) rounds the growth to one decimal (1,200 → 1,214.76: 1.2)', () => {
    const upTo = series('online_retail_sales_yuan', '2019-01', [...twelve(100), ...twelve(101.23)]);
    expect(yoyActual(upTo, '2020-12')).toMatchObject({ actual: 1.2 });
  });
  it('yoyActual(upTo, asOf) uses only the 24 months to asOf, not earlier ones', () => {
    const upTo = series('online_retail_sales_yuan', '2018-01', [
      ...twelve(1),
      ...twelve(100),
      ...twelve(120),
    ]);
    expect(yoyActual(upTo, '2020-12')).toEqual({ actual: 20, used: upTo.slice(12) });
  });
  it('yoyActual(upTo, asOf) is no_data when a month of the 24 is missing', () => {
    const upTo = series('online_retail_sales_yuan', '2019-02', [...twelve(100).slice(1), ...twelve(150)]);
    expect(yoyActual(upTo, '2020-12')).toEqual({ status: 'no_data' });
  });
  it('yoyActual(upTo, asOf) is null when the earlier 12 months sum to nothing (no growth from 0)', () => {
    const upTo = series('online_retail_sales_yuan', '2019-01', [...twelve(0), ...twelve(150)]);
    expect(yoyActual(upTo, '2020-12')).toMatchObject({ actual: null });
  });
});

describe('expectedShare(basis, start, end, asOf) and progressStatus(share, expected)', () => {
  it('expectedShare(…) is the share of the period’s months elapsed by asOf, to three decimals', () => {
    expect(expectedShare('cumulative', '2020-01', '2020-12', '2020-06')).toBe(0.5);
    expect(expectedShare('latest', '2020-01', '2020-03', '2020-01')).toBe(0.333);
  });
  it('expectedShare(…) is at most 1, after the period’s end', () => {
    expect(expectedShare('cumulative', '2020-01', '2020-12', '2021-06')).toBe(1);
  });
  it('expectedShare(…) is null without both ends of the period', () => {
    expect(expectedShare('cumulative', null, '2020-12', '2020-06')).toBeNull();
    expect(expectedShare('latest', '2020-01', null, '2020-06')).toBeNull();
  });
  it('expectedShare("yoy_12_months", …) is 1: a growth target is a rate over 12 months, met or not', () => {
    expect(expectedShare('yoy_12_months', '2020-01', '2020-12', '2020-06')).toBe(1);
    expect(expectedShare('yoy_12_months', null, null, '2020-06')).toBe(1);
  });
  it('progressStatus(share, expected) is met from a share of 1, with or without an expected share', () => {
    expect(progressStatus(1, 0.5)).toBe('met');
    expect(progressStatus(1.5, null)).toBe('met');
  });
  it('progressStatus(share, expected) is on_track at or above the expected share, behind below it', () => {
    expect(progressStatus(0.5, 0.5)).toBe('on_track');
    expect(progressStatus(0.49, 0.5)).toBe('behind');
  });
  it('progressStatus(share, null) is no_period below 1: nothing to compare with', () => {
    expect(progressStatus(0.4, null)).toBe('no_period');
  });
});

describe('progressRows(documents, targets, fields, metrics)', () => {
  const doc: Row = {
    doc_id: 'd',
    status: 'ok',
    doc_type: 'plan',
    county_code: '469001',
    division_level: 'county',
    period_start: '2020-01',
    period_end: '2020-12',
  };
  const target = (metric: string, value: number, id = 't001'): Row => ({
    doc_id: 'd',
    target_id: id,
    metric,
    value,
    comparator: '>=',
    span_start: 10,
    span_end: 20,
    // a target read from a PDF carries its page, and its progress row cites the same page
    page: 3,
    quote: `${metric} ${value}`,
  });
  const training = series('training_person_times', '2020-01', [100, 100, 100, 100, 100, 100], true);

  it('progressRows(…) gives one row per target a metric measures, with the target’s citation', () => {
    expect(progressRows([doc], [target('training_person_times', 1200)], [], training)).toEqual([
      {
        doc_id: 'd',
        county_code: '469001',
        measure: 'training_person_times',
        target_id: 't001',
        target_value: 1200,
        comparator: '>=',
        metric: 'training_person_times',
        basis: 'cumulative',
        actual: 600,
        actual_month: '2020-06',
        share_of_target: 0.5,
        expected_share: 0.5,
        status: 'on_track',
        synthetic: true,
        period_start: '2020-01',
        period_end: '2020-12',
        span_start: 10,
        span_end: 20,
        page: 3,
        quote: 'training_person_times 1200',
      },
    ]);
  });
  it('progressRows(…) reads only county plans and revisions read without error', () => {
    const targets = [target('training_person_times', 1200)];
    const rows = (d: Row) => progressRows([d], targets, [], training).length;
    expect(rows({ ...doc, doc_type: 'revision' })).toBe(1);
    expect(rows({ ...doc, doc_type: 'news' })).toBe(0);
    expect(rows({ ...doc, status: 'failed' })).toBe(0);
    expect(rows({ ...doc, division_level: 'prefecture' })).toBe(0);
    expect(rows({ ...doc, county_code: null })).toBe(0);
  });
  it('progressRows(…) leaves out a target of zero and targets no metric measures', () => {
    expect(progressRows([doc], [target('training_person_times', 0)], [], training)).toEqual([]);
    expect(progressRows([doc], [target('express_parcels', 5000)], [], training)).toEqual([]);
  });
  it('progressRows(…) measures stations against the stated total before new + upgraded', () => {
    const targets = [
      target('village_station_count_new', 15, 't001'),
      target('village_station_count', 40, 't002'),
      target('village_station_count_upgraded', 22, 't003'),
    ];
    const stations = series('active_village_stations', '2020-01', [10, 20]);
    expect(progressRows([doc], targets, [], stations)).toMatchObject([
      { measure: 'village_station_count', target_id: 't002', target_value: 40, actual: 20 },
    ]);
    expect(progressRows([doc], [targets[0]!, targets[2]!], [], stations)).toMatchObject([
      { target_id: 't001', target_value: 37, share_of_target: 0.541 },
    ]);
  });
  it('progressRows(…) measures disbursed funds against the fund field, compared with =', () => {
    const field: Row = {
      doc_id: 'd',
      field: 'funds_central_yuan',
      value: '20000000',
      span_start: 3,
      span_end: 9,
      quote: '中央财政资金2000万元',
    };
    const paid = series('funds_disbursed_central_yuan', '2020-01', [1_000_000, 2_000_000, 3_000_000]);
    expect(progressRows([doc], [], [field], paid)).toMatchObject([
      {
        measure: 'funds_central_yuan',
        target_id: null,
        target_value: 20_000_000,
        comparator: '=',
        actual: 6_000_000,
        share_of_target: 0.3,
        expected_share: 0.25,
        status: 'on_track',
        quote: '中央财政资金2000万元',
      },
    ]);
  });
  it('progressRows(…) says not_started when the data ends before the period starts', () => {
    const later = { ...doc, period_start: '2021-01', period_end: '2021-12' };
    expect(progressRows([later], [target('training_person_times', 1200)], [], training)).toMatchObject([
      { status: 'not_started', actual: null, actual_month: '2020-06', synthetic: true },
    ]);
  });
  it('progressRows(…) takes the actual as of the period’s end when the data goes on after it', () => {
    const short = { ...doc, period_end: '2020-03' };
    expect(progressRows([short], [target('training_person_times', 300)], [], training)).toMatchObject([
      { actual: 300, actual_month: '2020-03', share_of_target: 1, expected_share: 1, status: 'met' },
    ]);
  });
  it('progressRows(…) marks a row synthetic by the months it used, not the months before the period', () => {
    const before = series('training_person_times', '2019-12', [500], true);
    const real = series('training_person_times', '2020-01', [100, 100]);
    expect(
      progressRows([doc], [target('training_person_times', 1200)], [], [...before, ...real]),
    ).toMatchObject([{ actual: 200, synthetic: false }]);
  });
  it('progressRows(…) reads the metrics in any order', () => {
    const shuffled = [training[3]!, training[0]!, training[5]!, training[1]!, training[4]!, training[2]!];
    expect(progressRows([doc], [target('training_person_times', 1200)], [], shuffled)).toMatchObject([
      { actual: 600, actual_month: '2020-06' },
    ]);
  });
});

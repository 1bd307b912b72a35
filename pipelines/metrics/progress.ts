import type { Row } from '../contract/schema.ts';
import type { Metric } from './vocabulary.ts';

/**
 * Progress of each plan against its targets, from the monthly metrics. One implementation for the site and the
 * data: what a target is measured by, on which basis, and the linear expectation over the plan's period.
 */

/** One monthly value of a county's metric, as read back from metrics_monthly. */
export interface MetricValue {
  county_code: string;
  month: string;
  metric: string;
  value: number;
  synthetic: boolean;
}

/** How a metric measures a target: summed over the period, its latest month, or growth over 12 months. */
export type Basis = 'cumulative' | 'latest' | 'yoy_12_months';

/** Which monthly metric measures which target, and how. */
const MEASURES: { measure: string; targets: string[]; metric: Metric; basis: Basis }[] = [
  {
    measure: 'training_person_times',
    targets: ['training_person_times'],
    metric: 'training_person_times',
    basis: 'cumulative',
  },
  {
    measure: 'new_online_shops',
    targets: ['new_online_shops'],
    metric: 'new_online_shops',
    basis: 'cumulative',
  },
  {
    measure: 'village_station_count',
    targets: ['village_station_count', 'village_station_count_new', 'village_station_count_upgraded'],
    metric: 'active_village_stations',
    basis: 'latest',
  },
  {
    measure: 'township_station_count',
    targets: ['township_station_count', 'township_station_count_new', 'township_station_count_upgraded'],
    metric: 'active_township_stations',
    basis: 'latest',
  },
  {
    measure: 'online_retail_growth_pct',
    targets: ['online_retail_growth_pct'],
    metric: 'online_retail_sales_yuan',
    basis: 'yoy_12_months',
  },
  {
    measure: 'agri_online_retail_growth_pct',
    targets: ['agri_online_retail_growth_pct'],
    metric: 'agri_online_retail_sales_yuan',
    basis: 'yoy_12_months',
  },
  { measure: 'funds_central_yuan', targets: [], metric: 'funds_disbursed_central_yuan', basis: 'cumulative' },
  { measure: 'funds_local_yuan', targets: [], metric: 'funds_disbursed_local_yuan', basis: 'cumulative' },
];

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** A share rounded to three decimals, as published (the status is decided on the rounded shares). */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const sum = (values: readonly MetricValue[]) => values.reduce((a, x) => a + x.value, 0);

/** Which monthly metric measures which target, and on which basis. */
type Measure = (typeof MEASURES)[number];

/** A target as progress reads it: its value, comparator and id, and the row that cites it. */
interface Target {
  value: number;
  comparator: string;
  id: string | null;
  span: Row;
}

/**
 * The actual of a measure on its basis, with the monthly values it was computed from; or, when it cannot be
 * computed, the status that says why.
 */
export type Actual =
  | { actual: number | null; used: readonly MetricValue[] }
  | { status: 'no_period' | 'no_data' };

/** Basis `latest`: the value of the last month up to the as-of month (stations in operation). */
export function latestActual(upTo: readonly MetricValue[]): Actual {
  const used = upTo.slice(-1);
  return { actual: used[0]?.value ?? null, used };
}

/** Basis `cumulative`: the sum of the months from the period's start; without a start, no_period. */
export function cumulativeActual(upTo: readonly MetricValue[], start: string | null): Actual {
  if (!start) return { status: 'no_period' };
  const used = upTo.filter((x) => x.month >= start);
  return { actual: sum(used), used };
}

/**
 * Basis `yoy_12_months`: the growth in % (one decimal) of the 12 months to the as-of month over the 12 before;
 * no_data unless all 24 months are given, and null when the earlier 12 sum to nothing.
 */
export function yoyActual(upTo: readonly MetricValue[], asOf: string): Actual {
  const i = monthIndex(asOf);
  const last = upTo.filter((x) => monthIndex(x.month) > i - 12);
  const before = upTo.filter((x) => monthIndex(x.month) <= i - 12 && monthIndex(x.month) > i - 24);
  if (last.length < 12 || before.length < 12) return { status: 'no_data' };
  const prev = sum(before);
  return {
    actual: prev > 0 ? Math.round((sum(last) / prev - 1) * 1000) / 10 : null,
    used: [...before, ...last],
  };
}

/** The actual of a measure on its basis, from the values up to the as-of month. */
function actualOn(basis: Basis, upTo: readonly MetricValue[], asOf: string, start: string | null): Actual {
  if (basis === 'latest') return latestActual(upTo);
  if (basis === 'cumulative') return cumulativeActual(upTo, start);
  return yoyActual(upTo, asOf);
}

/**
 * The share of a target expected by the as-of month: all of a growth target (it is a rate over 12 months), else
 * the months elapsed of the plan's period, linearly (null without both ends of the period).
 */
export function expectedShare(
  basis: Basis,
  start: string | null,
  end: string | null,
  asOf: string,
): number | null {
  if (basis === 'yoy_12_months') return 1;
  if (!start || !end) return null;
  const total = monthIndex(end) - monthIndex(start) + 1;
  const elapsed = monthIndex(asOf) - monthIndex(start) + 1;
  return round3(Math.min(1, elapsed / total));
}

/** The status of a target from its share and the share expected: met, on_track, behind, or no_period. */
export function progressStatus(share: number, expected: number | null): string {
  if (share >= 1) return 'met';
  if (expected === null) return 'no_period';
  return share >= expected ? 'on_track' : 'behind';
}

/** What the metrics say of a target: the actual as of a month, its shares, its status and whether it is synthetic. */
interface Measured {
  actual: number | null;
  actual_month: string | null;
  share_of_target: number | null;
  expected_share: number | null;
  status: string;
  synthetic: boolean;
}

/**
 * Measures a target on a county's monthly series (sorted by month). The actual is taken as of the latest month
 * with data, or the end of the plan's period if that is earlier.
 */
function measured(
  basis: Basis,
  targetValue: number,
  list: readonly MetricValue[],
  start: string | null,
  end: string | null,
): Measured {
  const none: Measured = {
    actual: null,
    actual_month: null,
    share_of_target: null,
    expected_share: null,
    status: 'no_data',
    synthetic: false,
  };
  if (list.length === 0) return none;
  const latest = list[list.length - 1]!.month;
  const asOf = end && end < latest ? end : latest;
  // until an actual is computed, synthetic says whether any of the series is
  const dated: Measured = { ...none, actual_month: asOf, synthetic: list.some((x) => x.synthetic) };
  if (start && asOf < start) return { ...dated, status: 'not_started' };
  const got = actualOn(
    basis,
    list.filter((x) => x.month <= asOf),
    asOf,
    start,
  );
  if ('status' in got) return { ...dated, status: got.status };
  const synthetic = got.used.some((x) => x.synthetic);
  if (got.actual === null) return { ...dated, synthetic };
  const share = round3(got.actual / targetValue);
  const expected = expectedShare(basis, start, end, asOf);
  return {
    actual: got.actual,
    actual_month: asOf,
    share_of_target: share,
    expected_share: expected,
    status: progressStatus(share, expected),
    synthetic,
  };
}

/**
 * The target a measure is compared with in one document: a fund field (funds_central_yuan…), else the stated
 * total, else the sum of its parts (new + upgraded stations, as the audit counts them). Null when there is none.
 */
function targetOf(
  m: Measure,
  docId: unknown,
  docTargets: readonly Row[],
  fields: readonly Row[],
): Target | null {
  if (m.targets.length === 0) {
    const f = fields.find((x) => x.doc_id === docId && x.field === m.measure);
    return f ? { value: Number(f.value), comparator: '=', id: null, span: f } : null;
  }
  const total = docTargets.find((t) => t.metric === m.targets[0]);
  const parts = docTargets.filter((t) => m.targets.slice(1).includes(t.metric as string));
  const first = total ?? parts[0];
  if (!first) return null;
  return {
    value: total ? Number(total.value) : parts.reduce((a, t) => a + Number(t.value), 0),
    comparator: String(first.comparator),
    id: String(first.target_id),
    span: first,
  };
}

/** The monthly series of each county and metric (key `county|metric`), sorted by month. */
function seriesOf(metrics: readonly MetricValue[]): Map<string, MetricValue[]> {
  const series = new Map<string, MetricValue[]>();
  for (const m of metrics) {
    const key = `${m.county_code}|${m.metric}`;
    const list = series.get(key);
    if (list) list.push(m);
    else series.set(key, [m]);
  }
  for (const s of series.values()) s.sort((a, b) => (a.month < b.month ? -1 : 1));
  return series;
}

/** Whether a document is a county's plan (or its revision), read without error: the documents progress is for. */
function isCountyPlan(d: Row): boolean {
  if (d.status !== 'ok' || !d.county_code || d.division_level !== 'county') return false;
  return d.doc_type === 'plan' || d.doc_type === 'revision';
}

/** The progress row of one target of one document. */
function progressRow(d: Row, m: Measure, target: Target, series: Map<string, MetricValue[]>): Row {
  const start = (d.period_start as string | null) ?? null;
  const end = (d.period_end as string | null) ?? null;
  const got = measured(m.basis, target.value, series.get(`${d.county_code}|${m.metric}`) ?? [], start, end);
  return {
    doc_id: d.doc_id!,
    county_code: d.county_code!,
    measure: m.measure,
    target_id: target.id,
    target_value: target.value,
    comparator: target.comparator,
    metric: m.metric,
    basis: m.basis,
    actual: got.actual,
    actual_month: got.actual_month,
    share_of_target: got.share_of_target,
    expected_share: got.expected_share,
    status: got.status,
    synthetic: got.synthetic,
    period_start: start,
    period_end: end,
    span_start: target.span.span_start!,
    span_end: target.span.span_end!,
    page: target.span.page ?? null,
    quote: target.span.quote!,
  };
}

/**
 * Progress rows for every plan (documents with a county code) and every target a metric measures. The actual is
 * taken as of the latest month with data, or the end of the plan's period if that is earlier. Stations: the
 * stated total, else new + upgraded (as the audit counts them).
 */
export function progressRows(
  documents: readonly Row[],
  targets: readonly Row[],
  fields: readonly Row[],
  metrics: readonly MetricValue[],
): Row[] {
  const series = seriesOf(metrics);
  const out: Row[] = [];
  for (const d of documents.filter(isCountyPlan)) {
    const docTargets = targets.filter((t) => t.doc_id === d.doc_id);
    for (const m of MEASURES) {
      const target = targetOf(m, d.doc_id, docTargets, fields);
      if (!target || target.value <= 0) continue;
      out.push(progressRow(d, m, target, series));
    }
  }
  return out;
}

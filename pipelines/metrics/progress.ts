import type { Row } from '../contract/schema.ts';
import type { Metric } from './vocabulary.ts';

/**
 * Progress of each plan against its targets, from the monthly metrics. One implementation for the site and the
 * data: what a target is measured by, on which basis, and the linear expectation over the plan's period.
 */

export interface MetricValue {
  county_code: string;
  month: string;
  metric: string;
  value: number;
  synthetic: boolean;
}

type Basis = 'cumulative' | 'latest' | 'yoy_12_months';

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
  const out: Row[] = [];
  const series = new Map<string, MetricValue[]>();
  for (const m of metrics) {
    const key = `${m.county_code}|${m.metric}`;
    series.set(key, [...(series.get(key) ?? []), m]);
  }
  for (const s of series.values()) s.sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const d of documents) {
    if (d.status !== 'ok' || !d.county_code || d.division_level !== 'county') continue;
    if (d.doc_type !== 'plan' && d.doc_type !== 'revision') continue;
    const docTargets = targets.filter((t) => t.doc_id === d.doc_id);
    const start = (d.period_start as string | null) ?? null;
    const end = (d.period_end as string | null) ?? null;
    for (const m of MEASURES) {
      let target: { value: number; comparator: string; id: string | null; span: Row } | null = null;
      if (m.targets.length === 0) {
        const f = fields.find((x) => x.doc_id === d.doc_id && x.field === m.measure);
        if (f) target = { value: Number(f.value), comparator: '=', id: null, span: f };
      } else {
        const total = docTargets.find((t) => t.metric === m.targets[0]);
        const parts = docTargets.filter((t) => m.targets.slice(1).includes(t.metric as string));
        const first = total ?? parts[0];
        if (first)
          target = {
            value: total ? Number(total.value) : parts.reduce((a, t) => a + Number(t.value), 0),
            comparator: String(first.comparator),
            id: String(first.target_id),
            span: first,
          };
      }
      if (!target || target.value <= 0) continue;
      const list = series.get(`${d.county_code}|${m.metric}`) ?? [];
      const row: Row = {
        doc_id: d.doc_id!,
        county_code: d.county_code,
        measure: m.measure,
        target_id: target.id,
        target_value: target.value,
        comparator: target.comparator,
        metric: m.metric,
        basis: m.basis,
        actual: null,
        actual_month: null,
        share_of_target: null,
        expected_share: null,
        status: 'no_data',
        synthetic: false,
        period_start: start,
        period_end: end,
        span_start: target.span.span_start!,
        span_end: target.span.span_end!,
        quote: target.span.quote!,
      };
      out.push(row);
      if (list.length === 0) continue;
      row.synthetic = list.some((x) => x.synthetic);
      const latest = list[list.length - 1]!.month;
      const asOf = end && end < latest ? end : latest;
      row.actual_month = asOf;
      if (start && asOf < start) {
        row.status = 'not_started';
        continue;
      }
      const upTo = list.filter((x) => x.month <= asOf);
      let used: MetricValue[];
      if (m.basis === 'latest') {
        used = upTo.slice(-1);
        row.actual = used[0]?.value ?? null;
      } else if (m.basis === 'cumulative') {
        if (!start) {
          row.status = 'no_period';
          continue;
        }
        used = upTo.filter((x) => x.month >= start);
        row.actual = used.reduce((a, x) => a + x.value, 0);
      } else {
        const i = monthIndex(asOf);
        const last = upTo.filter((x) => monthIndex(x.month) > i - 12);
        const before = upTo.filter((x) => monthIndex(x.month) <= i - 12 && monthIndex(x.month) > i - 24);
        used = [...before, ...last];
        if (last.length < 12 || before.length < 12) {
          row.status = 'no_data';
          continue;
        }
        const prev = before.reduce((a, x) => a + x.value, 0);
        row.actual =
          prev > 0 ? Math.round((last.reduce((a, x) => a + x.value, 0) / prev - 1) * 1000) / 10 : null;
      }
      row.synthetic = used.some((x) => x.synthetic);
      if (row.actual === null) continue;
      // shares to three decimals, and the status from the shares as published
      const share = Math.round(((row.actual as number) / target.value) * 1000) / 1000;
      row.share_of_target = share;
      if (m.basis === 'yoy_12_months') row.expected_share = 1;
      else if (start && end) {
        const total = monthIndex(end) - monthIndex(start) + 1;
        const elapsed = monthIndex(asOf) - monthIndex(start) + 1;
        row.expected_share = Math.round(Math.min(1, elapsed / total) * 1000) / 1000;
      }
      row.status =
        share >= 1
          ? 'met'
          : row.expected_share === null
            ? 'no_period'
            : share >= (row.expected_share as number)
              ? 'on_track'
              : 'behind';
    }
  }
  return out;
}

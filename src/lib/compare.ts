/**
 * What the compare page needs about each county whose plan is published, computed at build time from the
 * published tables: a picker index (names, short name, pinyin, code) and each main plan's summary (funds by
 * category and source, stations, coverage, targets, phases), each figure with its source span.
 */
import { pinyin } from 'pinyin-pro';
import { stationTargets } from '../../pipelines/contract/stations.ts';
import {
  allocations,
  counties,
  type DocumentRow,
  documentFields,
  documents,
  findings,
  phases,
  targets,
} from './data.ts';

export interface PickerEntry {
  code: string;
  name: string;
  short: string;
  province: string;
  /** full pinyin without tones and initials: wuzhishanshi wzss */
  pinyin: string;
}

export interface PlanSummary {
  code: string;
  name: string;
  doc_id: string;
  title: string | null;
  program_year: number | null;
  funds: Record<string, { value: number; span: [number, number] } | null>;
  /** leaf items summed per category: amount and central funds, yuan */
  categories: { category: string; amount: number; central: number | null }[];
  targets: {
    metric: string;
    value: number;
    unit: string;
    comparator: string;
    span: [number, number];
    quote: string;
  }[];
  coverage: { stations: number; villages: number } | null;
  phases: { name: string; start: string | null; end: string | null }[];
  period: [string | null, string | null];
}

/** The main plan of each county: the latest plan or revision by programme year, then date of issue. */
export async function mainPlans(): Promise<DocumentRow[]> {
  const plans = (await documents()).filter(
    (d) => d.status === 'ok' && d.county_code && (d.doc_type === 'plan' || d.doc_type === 'revision'),
  );
  const byCounty = new Map<string, DocumentRow>();
  for (const d of plans.sort(
    (a, b) =>
      (b.program_year ?? 0) - (a.program_year ?? 0) || (b.issued_on ?? '').localeCompare(a.issued_on ?? ''),
  ))
    if (!byCounty.has(d.county_code!)) byCounty.set(d.county_code!, d);
  return [...byCounty.values()].sort((a, b) => a.county_code!.localeCompare(b.county_code!));
}

export async function pickerIndex(): Promise<PickerEntry[]> {
  const countyRows = new Map((await counties()).map((c) => [c.county_code, c]));
  return (await mainPlans()).map((d) => {
    const c = countyRows.get(d.county_code!);
    const name = c?.name ?? d.county_name ?? d.county_code!;
    const full = pinyin(name, { toneType: 'none', type: 'array' }).join('');
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    return {
      code: d.county_code!,
      name,
      short: c?.short_name ?? name,
      province: d.province ?? '',
      pinyin: `${full} ${initials}`,
    };
  });
}

export async function planSummaries(): Promise<PlanSummary[]> {
  const [fields, items, goals, steps, checks, countyRows] = await Promise.all([
    documentFields(),
    allocations(),
    targets(),
    phases(),
    findings(),
    counties(),
  ]);
  const names = new Map(countyRows.map((c) => [c.county_code, c.name]));
  return (await mainPlans()).map((d) => {
    const mine = items.filter((a) => a.doc_id === d.doc_id);
    const parents = new Set(mine.map((a) => a.parent_item_id).filter(Boolean));
    const sums = new Map<string, { amount: number; central: number | null }>();
    for (const a of mine.filter((x) => !parents.has(x.item_id))) {
      const s = sums.get(a.category ?? 'other') ?? { amount: 0, central: 0 };
      s.amount += a.amount_yuan ?? 0;
      // an item paid wholly from other sources has no central funds (0), not unknown central funds
      const others = (a.provincial_yuan ?? 0) + (a.local_yuan ?? 0) + (a.other_yuan ?? 0);
      const central =
        a.central_yuan ?? (a.amount_yuan !== null && others > 0 && others === a.amount_yuan ? 0 : null);
      s.central = s.central === null || central === null ? null : s.central + central;
      sums.set(a.category ?? 'other', s);
    }
    const cov = checks.find((f) => f.doc_id === d.doc_id && f.check === 'village_coverage');
    const funds: PlanSummary['funds'] = {};
    for (const name of [
      'funds_total_yuan',
      'funds_central_yuan',
      'funds_provincial_yuan',
      'funds_local_yuan',
    ]) {
      const f = fields.find((x) => x.doc_id === d.doc_id && x.field === name);
      funds[name] = f ? { value: Number(f.value), span: [f.span_start, f.span_end] } : null;
    }
    return {
      code: d.county_code!,
      name: names.get(d.county_code!) ?? d.county_name ?? d.county_code!,
      doc_id: d.doc_id,
      title: d.title,
      program_year: d.program_year,
      funds,
      categories: [...sums].map(([category, s]) => ({ category, ...s })),
      targets: goals
        .filter((g) => g.doc_id === d.doc_id)
        .map((g) => ({
          metric: g.metric,
          value: g.value,
          unit: g.unit,
          comparator: g.comparator,
          span: [g.span_start, g.span_end] as [number, number],
          quote: g.quote,
        })),
      coverage:
        cov && cov.numerator !== null && cov.denominator
          ? { stations: cov.numerator, villages: cov.denominator }
          : null,
      phases: steps
        .filter((p) => p.doc_id === d.doc_id)
        .map((p) => ({ name: p.name, start: p.start_month, end: p.end_month })),
      period: [d.period_start, d.period_end],
    };
  });
}

/** One county's value of a comparable measure, with the span it rests on (for plan measures). */
export interface MeasureValue {
  code: string;
  name: string;
  value: number;
  doc_id: string;
  span: [number, number] | null;
}

/**
 * The comparable plan measures, per county (main plan): central funds, the share of central funds to 农产品上行
 * (upstream and logistics), central funds per village station, training target per administrative village,
 * stated and computed village coverage, and the delivery-hours target to villages. A county whose plan lacks a
 * measure has no value (absent, not zero).
 */
export async function planMeasures(): Promise<Record<string, MeasureValue[]>> {
  const plans = await planSummaries();
  const villages = new Map((await counties()).map((c) => [c.county_code, c.village_committees]));
  const out: Record<string, MeasureValue[]> = {
    central_funds: [],
    upstream_share: [],
    central_per_village_station: [],
    training_per_village: [],
    coverage_stated: [],
    coverage_computed: [],
    delivery_hours_to_village: [],
  };
  const push = (key: string, p: PlanSummary, value: number | null, span: [number, number] | null) => {
    if (value !== null && Number.isFinite(value))
      out[key]!.push({ code: p.code, name: p.name, value, doc_id: p.doc_id, span });
  };
  for (const p of plans) {
    const central = p.funds.funds_central_yuan;
    const target = (m: string) => p.targets.find((t) => t.metric === m);
    push('central_funds', p, central?.value ?? null, central?.span ?? null);
    const splits =
      p.categories.every((c) => c.central !== null) && p.categories.some((c) => (c.central ?? 0) > 0);
    if (central && splits) {
      const up = p.categories
        .filter((c) => c.category === 'upstream' || c.category === 'logistics')
        .reduce((a, c) => a + (c.central ?? 0), 0);
      push('upstream_share', p, up / central.value, central.span);
    }
    const stations = stationTargets(p.targets, 'village')?.value ?? null;
    if (central && stations) push('central_per_village_station', p, central.value / stations, central.span);
    const training = target('training_person_times');
    const v = villages.get(p.code);
    if (training && v) push('training_per_village', p, training.value / v, training.span);
    const cov = target('village_coverage_pct');
    if (cov) push('coverage_stated', p, cov.value / 100, cov.span);
    if (p.coverage) push('coverage_computed', p, p.coverage.stations / p.coverage.villages, null);
    const hours = target('delivery_hours_to_village');
    if (hours) push('delivery_hours_to_village', p, hours.value, hours.span);
  }
  return out;
}

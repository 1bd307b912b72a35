/**
 * What the compare page needs about each county whose plan is published, computed at build time from the
 * published tables: a picker index (names, short name, pinyin, code) and each main plan's summary (funds by
 * category and source, stations, coverage, targets, phases), each figure with its source span.
 */
import { pinyin } from 'pinyin-pro';
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
async function mainPlans(): Promise<DocumentRow[]> {
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

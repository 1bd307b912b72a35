/**
 * What the compare page needs about each county whose plan is published, computed at build time from the
 * published tables: a picker index (names, short name, pinyin, code) and each main plan's summary (funds by
 * category and source, stations, coverage, targets, phases), each figure with its source span. Funds by category
 * and the share of central funds to 农产品上行 follow the contract's fund rules (pipelines/contract/funds.ts), as
 * the audit does, so a share reads the same on /audit/, /compare/ and /benchmarks/.
 */
import { pinyin } from 'pinyin-pro';
import { categoryFunds, type FundItem, type FundTotals } from '../../pipelines/contract/funds.ts';
import { stationTargets } from '../../pipelines/contract/stations.ts';
import {
  type AllocationRow,
  allocations,
  commitments,
  counties,
  type DocumentFieldRow,
  type DocumentRow,
  documentFields,
  documents,
  type FindingRow,
  findings,
  type PhaseRow,
  phases,
  type TargetRow,
  targets,
} from './data.ts';

/** A county in the compare page's picker. */
export interface PickerEntry {
  code: string;
  name: string;
  short: string;
  province: string;
  /** pinyin without tones of the name and the short name, and the initials: wuzhishanshi wuzhishan wzss */
  pinyin: string;
}

/** A plan's central funds to 农产品上行 (upstream and logistics items) and its stated central funds, in yuan. */
export interface UpstreamShare {
  numerator: number;
  denominator: number;
}

/** What /compare/ shows of one county's main plan. */
export interface PlanSummary {
  code: string;
  name: string;
  doc_id: string;
  title: string | null;
  program_year: number | null;
  funds: Record<string, { value: number; span: [number, number] } | null>;
  /** leaf items summed per category (categoryFunds): amount and central funds, yuan */
  categories: { category: string; amount: number; central: number | null }[];
  /** the share of central funds to 农产品上行, as the audit's rule computes it; null when it cannot be */
  upstream: UpstreamShare | null;
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
  /** the ledger's measures (ledgerMeasures), each with the span of its first commitment; absent without commitments */
  ledger?: Record<string, [number | null, [number, number] | null]>;
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

/** The picker index: each county with a main plan, its names, province and pinyin. */
export async function pickerIndex(): Promise<PickerEntry[]> {
  const countyRows = new Map((await counties()).map((c) => [c.county_code, c]));
  return (await mainPlans()).map((d) => {
    const c = countyRows.get(d.county_code!);
    const name = c?.name ?? d.county_name ?? d.county_code!;
    const short = c?.short_name ?? name;
    const spelt = (s: string) => pinyin(s, { toneType: 'none', type: 'array' }).join('');
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    return {
      code: d.county_code!,
      name,
      short,
      province: d.province ?? '',
      pinyin: [...new Set([spelt(name), spelt(short), initials])].join(' '),
    };
  });
}

/** An allocation row as the contract's fund rules take it. */
const fundItem = (a: AllocationRow): FundItem => ({
  id: a.item_id,
  parent: a.parent_item_id,
  category: a.category,
  amount: a.amount_yuan,
  central: a.central_yuan,
  provincial: a.provincial_yuan,
  local: a.local_yuan,
  other: a.other_yuan,
});

/** A document's stated totals as the contract's fund rules take them. */
const fundTotals = (d: DocumentRow): FundTotals => ({
  total: d.funds_total_yuan,
  central: d.funds_central_yuan,
  provincial: d.funds_provincial_yuan,
  local: d.funds_local_yuan,
  other: d.funds_other_yuan,
});

/** The categories whose central funds count as 农产品上行 in the 2019 rule (logistics included). */
const UPSTREAM = new Set(['upstream', 'logistics']);

/**
 * The share of central funds to 农产品上行 as the audit's rule reads it: the central funds of the upstream and
 * logistics categories over the stated central funds; null without stated central funds, without fund items, or
 * when an upstream or logistics item's central funds are not known.
 */
export function upstreamShare(
  categories: PlanSummary['categories'],
  central: number | null,
): UpstreamShare | null {
  if (!central || categories.length === 0) return null;
  const counted = categories.filter((c) => UPSTREAM.has(c.category));
  if (counted.some((c) => c.central === null)) return null;
  return { numerator: counted.reduce((a, c) => a + c.central!, 0), denominator: central };
}

/** The published tables a plan summary is read from. */
interface Tables {
  fields: DocumentFieldRow[];
  items: AllocationRow[];
  goals: TargetRow[];
  steps: PhaseRow[];
  checks: FindingRow[];
  names: Map<string, string>;
}

const FUND_FIELDS = ['funds_total_yuan', 'funds_central_yuan', 'funds_provincial_yuan', 'funds_local_yuan'];

/** A plan's stated funds by field, each with the span it was read from. */
function fundsOf(d: DocumentRow, fields: DocumentFieldRow[]): PlanSummary['funds'] {
  const funds: PlanSummary['funds'] = {};
  for (const name of FUND_FIELDS) {
    const f = fields.find((x) => x.doc_id === d.doc_id && x.field === name);
    funds[name] = f ? { value: Number(f.value), span: [f.span_start, f.span_end] } : null;
  }
  return funds;
}

/** A plan's targets with their spans as pairs; not those outside the vocabulary (other), which no two plans share. */
const targetsOf = (d: DocumentRow, goals: TargetRow[]): PlanSummary['targets'] =>
  goals
    .filter((g) => g.doc_id === d.doc_id && g.metric !== 'other')
    .map((g) => ({
      metric: g.metric,
      value: g.value,
      unit: g.unit,
      comparator: g.comparator,
      span: [g.span_start, g.span_end] as [number, number],
      quote: g.quote,
    }));

/** The computed village coverage of a plan (village stations ÷ village committees), if the audit computed it. */
function coverageOf(d: DocumentRow, checks: FindingRow[]): PlanSummary['coverage'] {
  const cov = checks.find((f) => f.doc_id === d.doc_id && f.check === 'village_coverage');
  return cov && cov.numerator !== null && cov.denominator
    ? { stations: cov.numerator, villages: cov.denominator }
    : null;
}

/** One main plan's summary. */
function summaryOf(d: DocumentRow, t: Tables): PlanSummary {
  const categories = categoryFunds(t.items.filter((a) => a.doc_id === d.doc_id).map(fundItem), fundTotals(d));
  const funds = fundsOf(d, t.fields);
  return {
    code: d.county_code!,
    name: t.names.get(d.county_code!) ?? d.county_name ?? d.county_code!,
    doc_id: d.doc_id,
    title: d.title,
    program_year: d.program_year,
    funds,
    categories,
    upstream: upstreamShare(categories, funds.funds_central_yuan?.value ?? null),
    targets: targetsOf(d, t.goals),
    coverage: coverageOf(d, t.checks),
    phases: t.steps
      .filter((p) => p.doc_id === d.doc_id)
      .map((p) => ({ name: p.name, start: p.start_month, end: p.end_month })),
    period: [d.period_start, d.period_end],
  };
}

/** Each county's main plan summarised for /compare/. */
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
  const tables: Tables = { fields, items, goals, steps, checks, names };
  const ledger = await ledgerMeasures();
  return (await mainPlans()).map((d) => ({ ...summaryOf(d, tables), ledger: ledger.get(d.doc_id) }));
}

/** One county's value of a comparable measure, with the span it rests on (for plan measures). */
export interface MeasureValue {
  code: string;
  name: string;
  value: number;
  doc_id: string;
  span: [number, number] | null;
  /** a monthly measure summed from sample data (plan measures are read from the plans) */
  synthetic?: boolean;
}

type Span2 = [number, number] | null;

/** One plan's value of each comparable measure (null where the plan lacks it), with its span. */
function measuresOf(p: PlanSummary, villages: number | undefined): Record<string, [number | null, Span2]> {
  const central = p.funds.funds_central_yuan;
  const target = (m: string) => p.targets.find((t) => t.metric === m);
  const stations = stationTargets(p.targets, 'village')?.value ?? null;
  const training = target('training_person_times');
  const cov = target('village_coverage_pct');
  const hours = target('delivery_hours_to_village');
  const span = central?.span ?? null;
  return {
    central_funds: [central?.value ?? null, span],
    upstream_share: [p.upstream ? p.upstream.numerator / p.upstream.denominator : null, span],
    central_per_village_station: [central && stations ? central.value / stations : null, span],
    training_per_village: [training && villages ? training.value / villages : null, training?.span ?? null],
    coverage_stated: [cov ? cov.value / 100 : null, cov?.span ?? null],
    coverage_computed: [p.coverage ? p.coverage.stations / p.coverage.villages : null, null],
    delivery_hours_to_village: [hours?.value ?? null, hours?.span ?? null],
  };
}

/** Months from one YYYY-MM to another. */
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));

/**
 * The months from a plan's issue to a deadline it sets (a month's deadline is its last day); none for a deadline
 * before the issue, which /audit/ lists as due_before_issue: a negative count would rank as the quickest tender.
 */
export function monthsToTender(
  issuedOn: string,
  due: { due_month: string | null; due_date: string | null },
): number | null {
  const when = due.due_date ?? (due.due_month ? `${due.due_month}-31` : null);
  if (!when || when < issuedOn) return null;
  return monthsBetween(issuedOn.slice(0, 7), when.slice(0, 7));
}

/**
 * The ledger's measures of each plan: the share of its commitments that name who is responsible, how many
 * reporting duties it states, and the months from its issue to the first procurement deadline it sets.
 */
async function ledgerMeasures(): Promise<Map<string, Record<string, [number | null, Span2]>>> {
  const [rows, docs] = await Promise.all([commitments(), documents()]);
  const issued = new Map(docs.map((d) => [d.doc_id, d.issued_on]));
  const out = new Map<string, Record<string, [number | null, Span2]>>();
  for (const docId of new Set(rows.map((r) => r.doc_id))) {
    const of = rows.filter((r) => r.doc_id === docId);
    const reporting = of.filter((r) => r.kind === 'reporting');
    const tender = of.find((r) => r.kind === 'procurement' && (r.due_month ?? r.due_date));
    const on = issued.get(docId);
    const spanOf = (r: (typeof of)[number] | undefined): Span2 => (r ? [r.span_start, r.span_end] : null);
    out.set(docId, {
      commitments_owned_share: [of.filter((r) => r.responsible).length / of.length, null],
      reporting_duties: [reporting.length, spanOf(reporting[0])],
      months_to_tender: [tender && on ? monthsToTender(on, tender) : null, spanOf(tender)],
    });
  }
  return out;
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
  const out: Record<string, MeasureValue[]> = {};
  const ledger = await ledgerMeasures();
  for (const p of plans)
    for (const [key, [value, span]] of Object.entries({
      ...measuresOf(p, villages.get(p.code)),
      ...(ledger.get(p.doc_id) ?? {}),
    })) {
      out[key] ??= [];
      if (value !== null && Number.isFinite(value))
        out[key].push({ code: p.code, name: p.name, value, doc_id: p.doc_id, span });
    }
  return out;
}

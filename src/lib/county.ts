/**
 * What a county page shows, prepared at build time from the published tables (components/CountyPage.astro is
 * its markup): the county's documents, and for its main plan the funds by source and by canonical category, the
 * plan's own grouping, the station network, targets, phases, products, audit findings and monthly progress. Every
 * figure comes with the link to its sentence in the document; charts come as functions that draw them at a width.
 */
import { dateLabel, group, money, monthLabel, percent } from '../../pipelines/contract/format.ts';
import { stationTargets } from '../../pipelines/contract/stations.ts';
import { CHECK, type Check, FUND_FIELDS } from '../../pipelines/contract/vocab.ts';
import {
  categoryName,
  fieldName,
  href,
  type Lang,
  levelName,
  metricName,
  otherLang,
  t,
} from '../i18n/index.ts';
import { mainPlans } from './compare.ts';
import { fundsChart, phasesChart, progressView } from './county-charts.ts';
import { countySummary } from './county-summary.ts';
import {
  type AllocationRow,
  allocations,
  type CountyRow,
  counties,
  type DocumentFieldRow,
  type DocumentRow,
  documentFields,
  documents,
  type FindingRow,
  findings,
  type MetricRow,
  metricsFor,
  type PhaseRow,
  type ProductRow,
  type ProgressRow,
  phases,
  products,
  progress,
  type Span,
  type TargetRow,
  targets,
} from './data.ts';
import { checkLabel, computation, statusLabel } from './findings.ts';
import { spanId } from './marks.ts';
import { docName, inLanguage, targetName, targetText, withUnit } from './wording.ts';

/** A figure as shown, with the link to the sentence it was read from. */
export interface Cited {
  text: string;
  href: string;
  /** what the figure is, when its place on the page does not say it (a part of a sum) */
  title?: string;
  /** the page of the PDF it was read from; empty for other documents */
  page?: number | null;
}

/** The page a span was read from, in a PDF. */
const pageOf = (s: Span) => s.page ?? null;

/** A station figure: one cited value, or a sum ("7个") with a link to each target it adds up. */
export type { ChartView } from './county-charts.ts';
export type StationFigure = Cited | { text: string; parts: Cited[] };

/** The main plan's rows of the published tables. */
interface PlanRows {
  main: DocumentRow;
  fields: DocumentFieldRow[];
  items: AllocationRow[];
  goals: TargetRow[];
  steps: PhaseRow[];
  goods: ProductRow[];
  checks: FindingRow[];
  progress: ProgressRow[];
  metrics: MetricRow[];
}

/** Builds the links of one language to a document and to a span of it. */
const linker = (lang: Lang) => {
  const reader = (docId: string) => href(lang, `/documents/${docId}/`);
  return { reader, cite: (docId: string, s: Span) => `${reader(docId)}#${spanId(s.span_start, s.span_end)}` };
};

const TIERS = ['township', 'village'] as const;

/**
 * A plan's stations of a tier as the overview counts them (stationTargets: the stated total, else new +
 * upgraded), with the targets it rests on in the order the plan states them.
 */
export function stationFigure<T extends TargetRow>(
  goals: readonly T[],
  tier: 'township' | 'village',
): { value: number; parts: T[] } | null {
  const s = stationTargets(goals, tier);
  return s ? { value: s.value, parts: [...s.from].sort((a, b) => a.span_start - b.span_start) } : null;
}

/** A station figure cited: one link, or the sum ("7个") with a link per target it adds up. */
function citedStations(
  lang: Lang,
  goals: TargetRow[],
  tier: 'township' | 'village',
  cite: (s: Span) => string,
) {
  const s = stationFigure(goals, tier);
  if (!s) return null;
  if (s.parts.length === 1)
    return { text: targetText(lang, s.parts[0]!), href: cite(s.parts[0]!), page: pageOf(s.parts[0]!) };
  return {
    text: withUnit(lang, group(String(s.value)), s.parts[0]!.unit),
    parts: s.parts.map((g) => ({
      text: group(String(g.value)),
      href: cite(g),
      page: pageOf(g),
      title: metricName(lang, g.metric),
    })),
  };
}

/** The main plan's stations per tier: new, upgraded and the total the overview shows. */
function stationsView(lang: Lang, goals: TargetRow[], cite: (s: Span) => string) {
  const goal = (m: string) => {
    const g = goals.find((x) => x.metric === m);
    return g ? { text: targetText(lang, g), href: cite(g), page: pageOf(g) } : null;
  };
  return TIERS.map((tier) => ({
    label: metricName(lang, `${tier}_station_count`),
    new: goal(`${tier}_station_count_new`),
    upgraded: goal(`${tier}_station_count_upgraded`),
    total: citedStations(lang, goals, tier, cite),
  }));
}

/** The plan's own grouping of its items, each indented by its depth. */
function grouping(lang: Lang, items: AllocationRow[], cite: (s: Span) => string) {
  const depth = (id: string | null): number => {
    const p = items.find((a) => a.item_id === id);
    return p ? 1 + depth(p.parent_item_id) : 0;
  };
  return items.map((a) => ({
    label: a.label,
    href: cite(a),
    page: pageOf(a),
    amount: a.amount_yuan !== null ? money(lang, a.amount_yuan) : null,
    category: a.category ? categoryName(lang, a.category) : '',
    responsible:
      a.responsible && a.responsible_start !== null && a.responsible_end !== null
        ? {
            text: a.responsible,
            href: cite({
              span_start: a.responsible_start,
              span_end: a.responsible_end,
              quote: a.responsible,
            }),
          }
        : null,
    indent: depth(a.parent_item_id) * 1.2,
  }));
}

/** The audit's findings on the plan that apply to it, with outcome and computation in words. */
const findingsView = (lang: Lang, checks: FindingRow[]) =>
  checks
    .filter((f) => f.status !== 'not_applicable')
    .map((f) => {
      const s = statusLabel(f.status);
      return {
        status: f.status,
        /** a check of our reading of the plan (amounts accounted for…), not of the plan */
        ours: CHECK[f.check as Check]?.of === 'reading',
        check: checkLabel(f.check)[lang],
        outcome: `${s.symbol} ${s[lang]}`,
        computation: computation(f, lang) || '—',
        message: inLanguage(lang, f, 'message'),
      };
    });

/** The computed village coverage (village stations ÷ village committees), when the audit computed it. */
function coverageComputed(checks: FindingRow[]) {
  const f = checks.find((x) => x.check === 'village_coverage');
  return f && f.numerator !== null && f.denominator
    ? { percent: percent(f.numerator / f.denominator), numerator: f.numerator, denominator: f.denominator }
    : null;
}

/** The plan's funds as stated, with what it sets out: stations, centres, coverage and targets. */
function fundsAndTargets(lang: Lang, r: PlanRows, cite: (s: Span) => string) {
  const field = (name: string) => r.fields.find((f) => f.field === name);
  const goal = (m: string) => r.goals.find((g) => g.metric === m);
  const cited = (g: TargetRow | undefined) =>
    g ? { text: targetText(lang, g), href: cite(g), page: pageOf(g) } : null;
  return {
    funds: FUND_FIELDS.map((f) => {
      const c = field(f);
      return {
        label: fieldName(lang, f),
        value: c ? { text: money(lang, Number(c.value)), href: cite(c), page: pageOf(c) } : null,
      };
    }),
    fundsChart: fundsChart(lang, r.items),
    grouping: grouping(lang, r.items, cite),
    stations: stationsView(lang, r.goals, cite),
    centre: cited(goal('county_service_center_count')),
    logistics: cited(goal('logistics_center_count')),
    coverageStated: cited(goal('village_coverage_pct')),
    coverageComputed: coverageComputed(r.checks),
    targets: r.goals.map((g) => ({ label: targetName(lang, g), value: cited(g)!, quote: g.quote })),
  };
}

/** When a phase runs, as the plan states it: 2019年10月 – 2020年6月, 到2022年6月 (only its end), or not stated. */
function phaseWhen(lang: Lang, p: PhaseRow): string {
  const [start, end] = [p.start_month, p.end_month].map((m) => (m ? monthLabel(lang, m) : null));
  if (start && end) return `${start} – ${end}`;
  if (end) return t(lang, 'phase_by', { end });
  if (start) return t(lang, 'phase_from', { start });
  return t(lang, 'not_stated');
}

/** The view of the main plan. */
function planView(lang: Lang, r: PlanRows) {
  const { cite: citeIn } = linker(lang);
  const cite = (s: Span) => citeIn(r.main.doc_id, s);
  return {
    docId: r.main.doc_id,
    source: r.main.title
      ? t(lang, 'chart_source_plan', { doc_id: r.main.doc_id, title: r.main.title })
      : r.main.doc_id,
    ...fundsAndTargets(lang, r, cite),
    phasesChart: phasesChart(lang, r.steps),
    phases: r.steps.map((p) => ({
      name: p.name,
      href: cite(p),
      page: pageOf(p),
      when: phaseWhen(lang, p),
    })),
    products: r.goods.map((p) => ({ text: p.name, href: cite(p), page: pageOf(p) })),
    findings: findingsView(lang, r.checks),
    summary: countySummary(lang, r),
    progress: progressView(lang, r),
    goals: r.goals,
  };
}

/** The main plan's rows of each published table (the audit's unaccounted amounts left out). */
async function planRows(main: DocumentRow, county: CountyRow | null): Promise<PlanRows> {
  const of = <T extends { doc_id: string }>(rows: T[]) => rows.filter((x) => x.doc_id === main.doc_id);
  return {
    main,
    fields: of(await documentFields()),
    items: of(await allocations()),
    goals: of(await targets()),
    steps: of(await phases()),
    goods: of(await products()),
    checks: of(await findings()).filter((f) => f.check !== 'unaccounted_amount'),
    progress: of(await progress()),
    metrics: county ? await metricsFor(main.county_code!) : [],
  };
}

/** A document in the county's list: its title, link, number (Chinese) and the rest that identifies it. */
function documentItem(lang: Lang, d: DocumentRow) {
  const name = docName(lang, d);
  return {
    title: name.text,
    /** the name is made by this site: the document has no title */
    made: name.made,
    href: linker(lang).reader(d.doc_id),
    number: d.doc_number,
    about: [
      dateLabel(lang, d.issued_on),
      d.program_year && `${d.program_year}`,
      levelName(lang, d.program_level),
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

/** What the page of a county shows in a language: its documents, and the figures of its main plan. */
export async function countyView(code: string, lang: Lang) {
  const docs = (await documents()).filter((d) => d.status === 'ok' && d.county_code === code);
  const county = (await counties()).find((c) => c.county_code === code) ?? null;
  const first = docs[0];
  if (!first) throw new Error(`no published document for county ${code}`);
  const name = county?.name ?? first.county_name ?? code;
  // the main plan: the latest plan (or revision) by programme year, then date of issue
  const main = (await mainPlans()).find((d) => d.county_code === code);
  return {
    code,
    name,
    county,
    province: county?.province ?? first.province ?? '',
    title: t(lang, 'county_page_title', { name, code, site: t(lang, 'site') }),
    /** the page's path without the language, and the same page in the other language */
    path: `/counties/${code}/`,
    alternate: href(otherLang(lang), `/counties/${code}/`),
    description: t(lang, 'county_description', { name }),
    documents: docs.map((d) => documentItem(lang, d)),
    plan: main ? planView(lang, await planRows(main, county)) : null,
  };
}

/** What the page of a county shows in one language (countyView's result). */
export type CountyView = Awaited<ReturnType<typeof countyView>>;
/** What the county page shows of its main plan. */
export type PlanView = NonNullable<CountyView['plan']>;

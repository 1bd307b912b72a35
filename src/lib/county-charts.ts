/**
 * The county page's charts, drawn at build time (each a function of width and document, as Plot draws), with
 * their data as tables: funds by category and source, the phases' timeline, progress against targets, monthly
 * sales.
 */
import { group, money, monthLabel, percent } from '../../pipelines/contract/format.ts';
import { categoryName, type Lang, metricName, progressStatusName, t } from '../i18n/index.ts';
import { line, shares, stackedBars, timeline } from './charts.ts';
import type { AllocationRow, MetricRow, PhaseRow, ProgressRow } from './data.ts';

/** A chart drawn at build time, with its data as a table. */
export interface ChartView {
  draw: (width: number, document: Document) => string;
  columns: string[];
  rows: (string | number)[][];
}

const SOURCES = [
  ['central_yuan', 'central'],
  ['provincial_yuan', 'provincial'],
  ['local_yuan', 'local'],
  ['other_yuan', 'other_source'],
] as const;
const scaleOf = (lang: Lang) => (lang === 'zh' ? 1e4 : 1e6);
const unitOf = (lang: Lang) => t(lang, 'chart_money_unit');
const round2 = (v: number) => Math.round(v * 100) / 100;
const monthDate = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1));
const monthAfter = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 1));

/** The leaf items' funds per category and source (an item with no source stated counts as unattributed). */
function fundsBySource(lang: Lang, items: AllocationRow[]) {
  const parents = new Set(items.map((a) => a.parent_item_id).filter(Boolean));
  const scale = scaleOf(lang);
  const bars = items
    .filter((a) => !parents.has(a.item_id))
    .flatMap((a) => {
      const label = categoryName(lang, a.category ?? 'other');
      const bySource = SOURCES.filter(([k]) => a[k] !== null && a[k]! > 0).map(([k, key]) => ({
        label,
        series: t(lang, key),
        value: a[k]! / scale,
      }));
      if (bySource.length) return bySource;
      return a.amount_yuan ? [{ label, series: t(lang, 'unattributed'), value: a.amount_yuan / scale }] : [];
    });
  const byCategory = new Map<string, Map<string, number>>();
  for (const b of bars) {
    const m = byCategory.get(b.label) ?? new Map<string, number>();
    m.set(b.series, (m.get(b.series) ?? 0) + b.value);
    byCategory.set(b.label, m);
  }
  return { bars, byCategory };
}

/** The chart of funds by category and source (one segment per category and source), or null without items. */
export function fundsChart(lang: Lang, items: AllocationRow[]): ChartView | null {
  const { bars, byCategory } = fundsBySource(lang, items);
  if (!bars.length) return null;
  const unit = unitOf(lang);
  const series = [...SOURCES.map(([, key]) => t(lang, key)), t(lang, 'unattributed')].filter((s) =>
    bars.some((b) => b.series === s),
  );
  return {
    draw: (width, document) =>
      stackedBars(
        [...byCategory].flatMap(([label, m]) => [...m].map(([s, value]) => ({ label, series: s, value }))),
        { alt: t(lang, 'funds_by_category_alt'), unit, series, width, document },
      ),
    columns: [t(lang, 'category'), ...series.map((s) => `${s} (${unit})`)],
    rows: [...byCategory].map(([label, m]) => [
      label,
      ...series.map((s) => (m.has(s) ? round2(m.get(s)!) : '—')),
    ]),
  };
}

/** The timeline of the dated phases (each bar to the end of its last month), or null when none is dated. */
export function phasesChart(lang: Lang, steps: PhaseRow[]): ChartView | null {
  // a phase with only its end stated is drawn as a mark at its end, its start left empty
  const dated = steps.filter((p) => p.end_month);
  if (!dated.length) return null;
  return {
    draw: (width, document) =>
      timeline(
        dated.map((p) => ({
          label: p.name,
          start: p.start_month ? monthDate(p.start_month) : null,
          end: monthAfter(p.end_month!),
        })),
        { alt: t(lang, 'phases_alt'), width, document },
      ),
    columns: [t(lang, 'phase'), t(lang, 'start'), t(lang, 'end')],
    rows: dated.map((p) => [p.name, monthLabel(lang, p.start_month), monthLabel(lang, p.end_month)]),
  };
}

/** A progress value as read: 12% for a year-on-year growth, money for an amount, else the number (1,500). */
const progressValue = (lang: Lang, p: ProgressRow, v: number | null, isMoney: boolean) =>
  v === null ? '—' : p.basis === 'yoy_12_months' ? `${v}%` : isMoney ? money(lang, v) : group(String(v));

const PROGRESS_COLUMNS = [
  'metric',
  'progress_target',
  'progress_actual',
  'progress_share',
  'progress_expected',
  'progress_status',
] as const;

/** The chart of each target's share reached against the linear expectation, or null when none is measured. */
function progressChart(lang: Lang, rows: ProgressRow[]): ChartView | null {
  const measured = rows.filter((p) => p.share_of_target !== null);
  if (!measured.length) return null;
  return {
    draw: (width, document) =>
      shares(
        measured.map((p) => ({
          label: metricName(lang, p.measure),
          share: p.share_of_target!,
          expected: p.expected_share,
        })),
        { alt: t(lang, 'progress_alt'), width, document },
      ),
    columns: PROGRESS_COLUMNS.map((k) => t(lang, k)),
    rows: rows.map((p) => [
      metricName(lang, p.measure),
      progressValue(lang, p, p.target_value, p.measure.endsWith('_yuan')),
      `${progressValue(lang, p, p.actual, p.metric.endsWith('_yuan'))}${p.actual_month ? ` (${monthLabel(lang, p.actual_month)})` : ''}`,
      p.share_of_target === null ? '—' : percent(p.share_of_target),
      p.expected_share === null ? '—' : percent(p.expected_share),
      progressStatusName(lang, p.status),
    ]),
  };
}

/** The monthly online retail sales chart, or null when there are none. */
function salesChart(lang: Lang, metrics: MetricRow[]): (ChartView & { synthetic: boolean }) | null {
  const sales = metrics.filter((m) => m.metric === 'online_retail_sales_yuan');
  if (!sales.length) return null;
  const [scale, unit] = [scaleOf(lang), unitOf(lang)];
  return {
    draw: (width, document) =>
      line(
        sales.map((m) => ({ date: monthDate(m.month), value: m.value / scale })),
        { alt: t(lang, 'monthly_sales_alt'), unit, width, document },
      ),
    columns: [t(lang, 'month'), `${t(lang, 'value')} (${unit})`],
    rows: sales.map((m) => [monthLabel(lang, m.month), round2(m.value / scale)]),
    synthetic: sales.some((m) => m.synthetic),
  };
}

/** The progress part: the progress and sales charts, and whether any of the data is synthetic. */
export function progressView(lang: Lang, r: { progress: ProgressRow[]; metrics: MetricRow[] }) {
  const sales = salesChart(lang, r.metrics);
  return {
    empty: r.progress.length === 0 && sales === null,
    synthetic: r.progress.some((p) => p.synthetic) || r.metrics.some((m) => m.synthetic),
    chart: progressChart(lang, r.progress),
    sales,
  };
}

/**
 * Funds by category on /compare/: all funds per category (stacked bars), and the share of central funds per
 * category (normalised bars labelled with their shares, with the 2019 rule's 50% line) for the plans whose central
 * funds are known in every category. A county a chart leaves out is named inside its figure, with the reason. The
 * per-category sums are the contract's categoryFunds, computed with the site (lib/compare.ts).
 */
import { CATEGORIES as CATEGORY_ORDER } from '../../../pipelines/contract/vocab.ts';
import { normalizedBars, stackedBars } from '../../lib/charts.ts';
import type { PlanSummary } from '../../lib/compare.ts';
import { headed, scaled } from '../figure/downloads.ts';
import type { Context, Selection } from './context.ts';
import { compareFigure, section } from './figures.ts';

/** A bar segment: a county, a category's name and a value. */
export interface Segment {
  label: string;
  series: string;
  value: number;
}

/** Each segment's share of its bar (its county's total), 0–1. */
export function sharesOf(bars: Segment[]): (Segment & { share: number })[] {
  const total = new Map<string, number>();
  for (const d of bars) total.set(d.label, (total.get(d.label) ?? 0) + d.value);
  return bars.map((d) => ({ ...d, share: total.get(d.label)! > 0 ? d.value / total.get(d.label)! : 0 }));
}

/** The counties of `plans` missing from a chart's bars, named in a sentence ({names}), or undefined. */
function absentText(ctx: Context, plans: PlanSummary[], bars: Segment[], sentence: string) {
  const missing = plans.filter((p) => !bars.some((d) => d.label === p.name)).map((p) => p.name);
  return missing.length
    ? sentence.replace('{names}', missing.join(ctx.lang === 'zh' ? '、' : ', '))
    : undefined;
}

/** Each plan's funds per category with an amount, in units of `scale` yuan. */
export const fundsBars = (plans: PlanSummary[], name: (c: string) => string, scale: number): Segment[] =>
  plans.flatMap((p) =>
    p.categories
      .filter((c) => c.amount > 0)
      .map((c) => ({ label: p.name, series: name(c.category), value: c.amount / scale })),
  );

/** The category names the bars use, in the vocabulary's order. */
const seriesOf = (bars: Segment[], name: (c: string) => string): string[] =>
  CATEGORY_ORDER.map(name).filter((s) => bars.some((d) => d.series === s));

/** Whether a plan's central funds are known in every category (and some are stated), so shares can be drawn. */
export const centralKnown = (p: PlanSummary): boolean =>
  p.categories.every((c) => c.central !== null) && p.categories.some((c) => (c.central ?? 0) > 0);

/** The central funds per category (yuan) of the plans whose central funds are known in every category. */
export const centralBars = (plans: PlanSummary[], name: (c: string) => string): Segment[] =>
  plans.flatMap((p) =>
    centralKnown(p)
      ? p.categories.map((c) => ({ label: p.name, series: name(c.category), value: c.central ?? 0 }))
      : [],
  );

/** What a funds chart is drawn from: the plans asked for, their bars and the categories in the vocabulary's order. */
interface Bars {
  plans: PlanSummary[];
  bars: Segment[];
  series: string[];
}

/** The stacked bars of all funds by category, or null when no plan has an amount. */
function fundsFigure(ctx: Context, sel: Selection, b: Bars, width: number) {
  if (!b.bars.length) return null;
  const { L, unit } = ctx;
  return compareFigure(ctx, sel, 'funds', {
    title: L.funds_by_category!,
    svg: stackedBars(b.bars, { alt: L.funds_by_category!, unit, series: b.series, width, document }),
    columns: [L.county!, L.category!, headed(L.funds!, unit)],
    rows: b.bars.map((d) => [d.label, d.series, +d.value.toFixed(2)]),
    absent: absentText(ctx, b.plans, b.bars, L.no_amounts_split!),
  });
}

/** The normalised bars of central funds by category, each share labelled, or null when no plan has them. */
function centralFigure(ctx: Context, sel: Selection, b: Bars, width: number) {
  if (!b.bars.length) return null;
  const { L, unit, scale } = ctx;
  const shares = sharesOf(b.bars);
  return compareFigure(ctx, sel, 'central', {
    title: L.share_central!,
    svg: normalizedBars(shares, {
      alt: L.share_central!,
      series: b.series,
      rule: 0.5,
      ruleLabel: L.rule_50,
      width,
      document,
    }),
    columns: [L.county!, L.category!, headed(L.central!, unit), headed(L.share!, '%')],
    rows: shares.map((d) => [d.label, d.series, scaled(d.value, scale), +(d.share * 100).toFixed(1)]),
    absent: absentText(ctx, b.plans, b.bars, L.no_central_split!),
  });
}

/** A paragraph with a link to the upstream share's ranking on /benchmarks/. */
function benchmarkLink(ctx: Context) {
  const p = document.createElement('p');
  const a = document.createElement('a');
  a.href = `${ctx.root.dataset.benchmarks}?m=upstream_share`;
  a.textContent = ctx.L.upstream_ranked!;
  p.append(a);
  return p;
}

/** The funds section: funds by category, the share of central funds by category, and what could not be drawn. */
export function fundsSection(ctx: Context, plans: PlanSummary[], sel: Selection, width: () => number) {
  const out = section('funds', ctx.L.funds!);
  const name = (c: string) => ctx.categories[c] ?? c;
  const bars = fundsBars(plans, name, ctx.scale);
  const series = seriesOf(bars, name);
  const abs = fundsFigure(ctx, sel, { plans, bars, series }, width());
  const central = centralFigure(ctx, sel, { plans, bars: centralBars(plans, name), series }, width());
  for (const fig of [abs, central]) if (fig) out.append(fig);
  // with no chart to carry it, the reason stands alone
  if (!central)
    out.append(
      Object.assign(document.createElement('p'), {
        className: 'note',
        textContent: absentText(ctx, plans, [], ctx.L.no_central_split!),
      }),
    );
  out.append(benchmarkLink(ctx));
  return out;
}

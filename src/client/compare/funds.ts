/**
 * Funds by category on /compare/: all funds per category (stacked bars), and the share of central funds per
 * category (normalised bars, with the 2019 rule's 50% line) for the plans whose central funds are known in every
 * category. The per-category sums are the contract's categoryFunds, computed with the site (lib/compare.ts).
 */
import { CATEGORIES as CATEGORY_ORDER } from '../../../pipelines/contract/vocab.ts';
import { normalizedBars, stackedBars } from '../../lib/charts.ts';
import type { PlanSummary } from '../../lib/compare.ts';
import type { Context, Selection } from './context.ts';
import { compareFigure, section } from './figures.ts';

/** A bar segment: a county, a category's name and a value. */
export interface Segment {
  label: string;
  series: string;
  value: number;
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

/** The stacked bars of all funds by category, or null when no plan has an amount. */
function fundsFigure(ctx: Context, sel: Selection, bars: Segment[], series: string[], width: number) {
  if (!bars.length) return null;
  const { L, unit } = ctx;
  return compareFigure(ctx, sel, 'funds', {
    title: L.funds_by_category!,
    svg: stackedBars(bars, { alt: L.funds_by_category!, unit, series, width, document }),
    columns: [L.county!, L.category!, unit],
    rows: bars.map((d) => [d.label, d.series, +d.value.toFixed(2)]),
  });
}

/** The normalised bars of central funds by category, or null when no plan has them. */
function centralFigure(ctx: Context, sel: Selection, bars: Segment[], series: string[], width: number) {
  if (!bars.length) return null;
  const { L, unit, scale } = ctx;
  return compareFigure(ctx, sel, 'central', {
    title: L.share_central!,
    svg: normalizedBars(bars, {
      alt: L.share_central!,
      series,
      rule: 0.5,
      ruleLabel: L.rule_50,
      width,
      document,
    }),
    columns: [L.county!, L.category!, `${L.central} (${unit})`],
    rows: bars.map((d) => [d.label, d.series, +(d.value / scale).toFixed(2)]),
  });
}

/** The note naming the plans whose central funds are not known by category, or null when there are none. */
function missingNote(ctx: Context, plans: PlanSummary[], central: Segment[]) {
  const missing = plans.filter((p) => !central.some((d) => d.label === p.name)).map((p) => p.name);
  if (!missing.length) return null;
  const p = document.createElement('p');
  p.className = 'note';
  p.textContent = `${ctx.L.no_central_split}${missing.join(ctx.lang === 'zh' ? '、' : ', ')}`;
  return p;
}

/** The funds section: funds by category, the share of central funds by category, and what could not be drawn. */
export function fundsSection(ctx: Context, plans: PlanSummary[], sel: Selection, width: () => number) {
  const out = section('funds', ctx.L.funds!);
  const name = (c: string) => ctx.categories[c] ?? c;
  const bars = fundsBars(plans, name, ctx.scale);
  const series = seriesOf(bars, name);
  const abs = fundsFigure(ctx, sel, bars, series, width());
  if (abs) out.append(abs);
  const central = centralBars(plans, name);
  const shares = centralFigure(ctx, sel, central, series, width());
  if (shares) out.append(shares);
  const note = missingNote(ctx, plans, central);
  if (note) out.append(note);
  return out;
}

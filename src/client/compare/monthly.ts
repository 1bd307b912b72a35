/**
 * The monthly section of /compare/: the series of the selected counties for one metric, queried with DuckDB-WASM
 * over metrics_monthly (opened in a worker the first time), marked when the data is synthetic.
 */
import { lines } from '../../lib/charts.ts';
import { openDuck } from '../duck.ts';
import { headed, scaled } from '../figure/downloads.ts';
import { chartWidth } from '../figure.ts';
import { type Context, type Selection, setState } from './context.ts';
import { compareFigure } from './figures.ts';
import { type MonthlyRow, monthlyPoints, monthlySql } from './monthly-query.ts';

/** The chart of the rows, or a paragraph saying there are none. */
function monthlyChart(
  ctx: Context,
  sel: Selection,
  rows: MonthlyRow[],
  names: Map<string, string>,
  width: number,
) {
  const { L, metrics, units } = ctx;
  const unit = units[sel.metric]!;
  const scale = sel.metric.endsWith('_yuan') ? ctx.scale : 1;
  const data = monthlyPoints(rows, names, sel.metric, ctx.scale);
  if (data.length === 0) {
    const p = document.createElement('p');
    p.textContent = L.no_metrics!;
    return p;
  }
  return compareFigure(ctx, sel, 'monthly', {
    title: metrics[sel.metric]!,
    svg: lines(data, {
      alt: metrics[sel.metric]!,
      unit,
      series: [...new Set(data.map((d) => d.series))],
      width,
      document,
    }),
    // the values in the chart's unit, said in the header, and whether each is sample data
    columns: [L.county!, L.month!, headed(L.value!, unit), 'synthetic'],
    rows: rows.map((r) => [
      names.get(String(r.county_code)) ?? '',
      String(r.month),
      scaled(Number(r.value), scale),
      String(r.synthetic === true),
    ]),
    note: rows.some((r) => r.synthetic === true) ? L.chart_synthetic : undefined,
  });
}

/**
 * Draws the monthly series of the selection. `current` says whether this draw is still the latest: a reader who
 * changes the metric while a query runs gets the newer chart only. Returns false for a superseded draw.
 */
export async function drawMonthly(
  ctx: Context,
  sel: Selection,
  names: Map<string, string>,
  out: HTMLElement,
  current: () => boolean,
): Promise<boolean> {
  setState(out, 'loading');
  const chart = out.querySelector('.monthly-chart') as HTMLElement;
  chart.replaceChildren();
  const duck = await openDuck(['metrics_monthly']);
  const rows = await duck.query(monthlySql(sel.codes, sel.metric, ctx.metrics));
  if (!current()) return false;
  (out.querySelector('.synthetic') as HTMLElement).hidden = !rows.some((r) => r.synthetic === true);
  chart.append(monthlyChart(ctx, sel, rows, names, chartWidth(out)));
  setState(out, 'ready');
  return true;
}

/** Shows why the monthly series is missing: the engine's error, or that the browser has no WebAssembly. */
export function monthlyFailed(ctx: Context, out: HTMLElement, e: unknown) {
  const p = document.createElement('p');
  p.textContent = typeof WebAssembly === 'object' ? `${ctx.L.error} ${(e as Error).message}` : ctx.L.no_wasm!;
  out.querySelector('.monthly-chart')!.replaceChildren(p);
  setState(out, 'error');
}

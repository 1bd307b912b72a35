/**
 * The compare page in the browser. State lives in the URL (?c=469001,440232&m=online_retail_sales_yuan): reloading
 * or sharing the URL restores it. County codes and the metric are checked against closed lists (the picker index,
 * the metric vocabulary) before they are used, and reach SQL only as literals from those lists (see
 * compare/monthly-query.ts). On /embed/compare/, ?chart=… shows one chart alone.
 *
 * The plan comparison is drawn first, from /compare/plans.json (small, built with the site); DuckDB-WASM is then
 * opened in a worker for the monthly series, so the first chart never waits for it. The parts are in compare/.
 */

import { oneCounty } from '../../pipelines/contract/names.ts';
import type { PickerEntry, PlanSummary } from '../lib/compare.ts';
import { type Context, MAX, readContext, type Selection, setState } from './compare/context.ts';
import { drawMonthly, monthlyFailed } from './compare/monthly.ts';
import { chosenItems, defaultCodes, fillOptions } from './compare/picker.ts';
import { drawPlans } from './compare/plans.ts';
import { parseState, writeUrl } from './compare/state.ts';
import { embedFor, iframe, showOnly } from './embed.ts';

/** The page's elements the comparison reads and writes. */
interface Elements {
  picker: HTMLInputElement;
  chosen: HTMLElement;
  message: HTMLElement;
  metric: HTMLSelectElement;
  plans: HTMLElement;
  monthly: HTMLElement;
  snippet: HTMLElement | null;
}

/** The comparison: what it draws from and the counties and metric chosen. */
interface Compare {
  ctx: Context;
  el: Elements;
  counties: PickerEntry[];
  plans: PlanSummary[];
  names: Map<string, string>;
  valid: Set<string>;
  codes: string[];
  metric: string;
  /** counts draws, so that a superseded draw stops */
  generation: number;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The page's elements. */
const elements = (): Elements => ({
  picker: byId('county-picker'),
  chosen: byId('chosen'),
  message: byId('compare-message'),
  metric: byId('metric'),
  plans: byId('compare-plans'),
  monthly: byId('compare-monthly'),
  snippet: document.getElementById('embed-snippet'),
});

/** The state the address asks for, checked against the counties with a plan and the metrics. */
const stateOf = (c: Compare) => parseState(location.href, c.valid, new Set(Object.keys(c.ctx.metrics)));

/** Appends a sentence to the page's message line. */
const say = (c: Compare, text: string) => {
  c.el.message.textContent = [c.el.message.textContent, text].filter(Boolean).join(' ');
};

/** Shows the chosen counties, the embed snippet of the whole comparison, and the plan comparison. */
function drawSelection(c: Compare, sel: Selection) {
  const whole = embedFor(c.ctx.root, `c=${sel.codes.join(',')}&m=${sel.metric}`, '');
  if (c.el.snippet && whole) c.el.snippet.textContent = iframe(whole.src, 1200, document.title);
  c.el.chosen.replaceChildren(
    // an embed shows what was chosen, and nothing to change it with
    ...chosenItems(
      sel.codes,
      c.names,
      c.ctx.L.remove!,
      c.ctx.root.dataset.embed === 'true' ? null : (code) => removeCounty(c, code),
    ),
  );
  const plans = sel.codes.map((code) => c.plans.find((p) => p.code === code));
  drawPlans(
    c.ctx,
    plans.filter((p): p is PlanSummary => p !== undefined),
    sel,
    c.el.plans,
  );
  if (performance.getEntriesByName('first-chart').length === 0) performance.mark('first-chart');
}

/**
 * On an embed page asking for one plan chart: shows it alone and reports true (DuckDB is not needed at all); if
 * the chart is not there (e.g. no plan states central funds per item), says so and shows everything.
 */
function soloPlanChart(c: Compare): boolean {
  const { solo, root } = c.ctx;
  if (!solo || solo === 'monthly') return false;
  if (showOnly(root, solo)) {
    setState(c.el.monthly, 'idle');
    setState(root, 'ready');
    return true;
  }
  say(c, c.ctx.L.chart_absent!);
  return false;
}

/** Draws the monthly series; the page is ready once it is (or in error when it cannot be). */
async function monthlyPart(c: Compare, sel: Selection, current: () => boolean) {
  const { root, solo } = c.ctx;
  try {
    if (!(await drawMonthly(c.ctx, sel, c.names, c.el.monthly, current))) return;
    if (solo === 'monthly' && !showOnly(root, solo)) say(c, c.ctx.L.chart_absent!);
    setState(root, 'ready');
  } catch (e) {
    if (!current()) return;
    monthlyFailed(c.ctx, c.el.monthly, e);
    setState(root, 'error');
  }
}

/** Writes the state into the URL (a history entry when `push`) and draws it. */
async function redraw(c: Compare, push = true) {
  writeUrl(c.codes, c.metric, c.ctx.solo, push);
  const sel: Selection = { codes: c.codes, metric: c.metric };
  const mine = ++c.generation;
  setState(c.ctx.root, 'loading');
  drawSelection(c, sel);
  if (soloPlanChart(c)) return;
  await monthlyPart(c, sel, () => mine === c.generation);
}

/** A sentence of the page's strings with the county's name in it. */
const named = (c: Compare, key: string, code: string) =>
  c.ctx.L[key]!.replace('{name}', c.names.get(code) ?? code);

/** Adds the county the picker names, or says why it cannot; the message line says what happened. */
function addCounty(c: Compare) {
  const { L } = c.ctx;
  const county = oneCounty(c.counties, c.el.picker.value);
  if (!county) c.el.message.textContent = L.not_found!;
  else if (c.codes.includes(county.code)) c.el.message.textContent = named(c, 'already', county.code);
  else if (c.codes.length >= MAX) c.el.message.textContent = L.too_many!;
  else {
    c.el.message.textContent = named(c, 'added', county.code);
    c.codes = [...c.codes, county.code];
    c.el.picker.value = '';
    redraw(c);
  }
}

/**
 * Removes a county, says so, and keeps the reader's place: focus goes to the remove button now where the removed
 * one was (or the last one), or to the list when the one county left cannot be removed.
 */
function removeCounty(c: Compare, code: string) {
  const at = c.codes.indexOf(code);
  c.codes = c.codes.filter((x) => x !== code);
  c.el.message.textContent = named(c, 'removed', code);
  redraw(c);
  const buttons = [...c.el.chosen.querySelectorAll('button')];
  const next = buttons[Math.min(at, buttons.length - 1)];
  (next && !next.disabled ? next : c.el.chosen).focus();
}

/** Listens to the picker, the metric and the browser's back and forward buttons. */
function listen(c: Compare) {
  document.getElementById('add-county')!.addEventListener('submit', (e) => {
    e.preventDefault();
    addCounty(c);
  });
  c.el.metric.addEventListener('change', () => {
    c.metric = c.el.metric.value;
    redraw(c);
  });
  // back and forward: the state is read again from the URL
  addEventListener('popstate', () => {
    const again = stateOf(c);
    c.codes = again.codes.length ? again.codes : c.codes;
    c.metric = again.metric;
    c.el.metric.value = c.metric;
    redraw(c, false);
  });
}

/** Loads the plan summaries, restores the state from the URL and draws it. */
async function main(ctx: Context) {
  setState(ctx.root, 'loading');
  const { counties, plans } = (await (await fetch('/compare/plans.json')).json()) as {
    counties: PickerEntry[];
    plans: PlanSummary[];
  };
  const el = elements();
  const c: Compare = {
    ctx,
    el,
    counties,
    plans,
    names: new Map(counties.map((x) => [x.code, x.name])),
    valid: new Set(counties.map((x) => x.code)),
    codes: [],
    metric: '',
    generation: 0,
  };
  const { codes, unknown, metric } = stateOf(c);
  c.codes = codes.length ? codes : defaultCodes(plans);
  c.metric = metric;
  fillOptions(byId<HTMLDataListElement>('county-options'), counties);
  el.metric.value = metric;
  if (unknown.length)
    el.message.textContent = `${ctx.L.unknown_codes}${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` … (${unknown.length})` : ''}`;
  listen(c);
  await redraw(c, false);
}

const root = document.getElementById('compare') as HTMLElement;
main(readContext(root)).catch((e) => {
  setState(root, 'error');
  (document.getElementById('compare-message') as HTMLElement).textContent = String((e as Error).message);
});

/**
 * The compare page in the browser. State lives in the URL (?c=469001,440232&m=online_retail_sales_yuan): reloading
 * or sharing the URL restores it. County codes and the metric are checked against closed lists (the picker index,
 * the metric vocabulary) before they are used, and reach SQL only as literals from those lists (see drawMonthly).
 * On /embed/compare/, ?chart=… shows one chart alone.
 *
 * The plan comparison is drawn first, from /compare/plans.json (small, built with the site); DuckDB-WASM is then
 * opened in a worker for the monthly series, so the first chart never waits for it.
 */

import { money } from '../../pipelines/contract/format.ts';
import { CATEGORIES as CATEGORY_ORDER } from '../../pipelines/contract/vocab.ts';
import { lines, normalizedBars, stackedBars, timeline } from '../lib/charts.ts';
import type { PickerEntry, PlanSummary } from '../lib/compare.ts';
import { openDuck } from './duck.ts';
import { askedChart, embedFor, iframe, showOnly } from './embed.ts';
import { chartWidth, figure as makeFigure } from './figure.ts';

const root = document.getElementById('compare') as HTMLElement;
const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
const zh = root.dataset.lang === 'zh';
const METRICS = JSON.parse(root.dataset.metrics!) as Record<string, string>;
const CATEGORIES = JSON.parse(root.dataset.categories!) as Record<string, string>;
const TARGETS = JSON.parse(root.dataset.targets!) as Record<string, string>;
const MAX = 6;
/** the charts an embed URL can ask for alone (?chart=…) */
const CHARTS = ['funds', 'central', 'phases', 'monthly'] as const;
type ChartId = (typeof CHARTS)[number];
/** on /embed/compare/, the one chart asked for (null: the whole comparison) */
const solo = root.dataset.embed === 'true' ? askedChart(CHARTS) : null;

const lang = zh ? 'zh' : 'en';
const scale = zh ? 1e4 : 1e6;
const unit = zh ? '万元' : '¥ million';

/** 'idle': a part not drawn because it was not asked for (an embed of one plan chart) */
function state(s: 'idle' | 'loading' | 'ready' | 'error', part: HTMLElement = root) {
  part.dataset.state = s;
}

function readUrl(valid: Set<string>, metrics: Set<string>) {
  const url = new URL(location.href);
  const asked = (url.searchParams.get('c') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const known = [...new Set(asked.filter((c) => valid.has(c)))];
  const codes = known.slice(0, MAX);
  // shown as text only, and cut short: a URL can carry anything
  const unknown = asked.filter((c) => !valid.has(c)).map((c) => (c.length > 24 ? `${c.slice(0, 24)}…` : c));
  if (known.length > MAX) unknown.unshift(`(${known.length - MAX} > ${MAX})`);
  const m = url.searchParams.get('m') ?? 'online_retail_sales_yuan';
  return { codes, unknown, metric: metrics.has(m) ? m : 'online_retail_sales_yuan' };
}

/** Writes the state into the URL: a new history entry for a reader's change (so back and forward work). */
function writeUrl(codes: string[], metric: string, push: boolean) {
  const url = new URL(location.href);
  // written by hand so that the commas stay commas (URLSearchParams would write %2C); all values are checked
  const chart = solo ? `&chart=${solo}` : '';
  url.search = `?c=${codes.join(',')}&m=${metric}${chart}`;
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** the counties and metric being drawn (checked against the closed lists) */
interface Selection {
  codes: string[];
  metric: string;
}
const figure = (
  sel: Selection,
  chart: ChartId,
  title: string,
  svg: string,
  columns: string[],
  rows: (string | number)[][],
  note?: string,
) =>
  makeFigure({
    chart,
    title,
    svg,
    columns,
    rows,
    note,
    cite: L.cite!,
    dataTable: L.data_table!,
    embed: embedFor(root, `c=${sel.codes.join(',')}&m=${sel.metric}&chart=${chart}`, L.embed_chart!),
  });

const section = (id: string, title: string) => {
  const s = document.createElement('section');
  s.id = id;
  const h = document.createElement('h2');
  h.textContent = title;
  s.append(h);
  return s;
};

function drawPlans(plans: PlanSummary[], sel: Selection, out: HTMLElement) {
  out.replaceChildren();
  const catLabel = (c: string) => CATEGORIES[c] ?? c;

  // funds by category: absolute (all funds) and share of central funds, with the 50% line
  const funds = section('funds', L.funds!);
  const abs = plans.flatMap((p) =>
    p.categories
      .filter((c) => c.amount > 0)
      .map((c) => ({ label: p.name, series: catLabel(c.category), value: c.amount / scale })),
  );
  const series = CATEGORY_ORDER.map(catLabel).filter((s) => abs.some((d) => d.series === s));
  if (abs.length)
    funds.append(
      figure(
        sel,
        'funds',
        L.funds_by_category!,
        stackedBars(abs, { alt: L.funds_by_category!, unit, series, width: chartWidth(out) }),
        [L.county!, L.category!, unit],
        abs.map((d) => [d.label, d.series, +d.value.toFixed(2)]),
      ),
    );
  const central = plans.flatMap((p) =>
    p.categories.every((c) => c.central !== null) && p.categories.some((c) => (c.central ?? 0) > 0)
      ? p.categories.map((c) => ({ label: p.name, series: catLabel(c.category), value: c.central ?? 0 }))
      : [],
  );
  if (central.length)
    funds.append(
      figure(
        sel,
        'central',
        L.share_central!,
        normalizedBars(central, {
          alt: L.share_central!,
          series,
          rule: 0.5,
          ruleLabel: L.rule_50,
          width: chartWidth(out),
        }),
        [L.county!, L.category!, `${L.central} (${unit})`],
        central.map((d) => [d.label, d.series, +(d.value / scale).toFixed(2)]),
      ),
    );
  const missing = plans.filter((p) => !central.some((d) => d.label === p.name)).map((p) => p.name);
  if (missing.length) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = `${L.no_central_split}${missing.join(zh ? '、' : ', ')}`;
    funds.append(p);
  }
  out.append(funds);

  // stations and coverage; targets aligned by metric (absent is absent, not zero)
  const tgt = section('targets', L.targets!);
  const metrics = [...new Set(plans.flatMap((p) => p.targets.map((t) => t.metric)))].sort(
    (a, b) => Object.keys(TARGETS).indexOf(a) - Object.keys(TARGETS).indexOf(b),
  );
  const table = document.createElement('table');
  table.className = 'aligned';
  const head = table.createTHead().insertRow();
  for (const c of ['', ...plans.map((p) => p.name)]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  const row = (label: string, cells: (HTMLElement | string)[]) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    tr.append(th);
    for (const c of cells) tr.insertCell().append(c);
  };
  const link = (p: PlanSummary, span: [number, number], text: string) => {
    const a = document.createElement('a');
    a.href = `${root.dataset.docs}${p.doc_id}/#span-${span[0]}-${span[1]}`;
    a.textContent = text;
    return a;
  };
  const absent = () => {
    const s = document.createElement('span');
    s.className = 'na';
    s.textContent = `— ${L.not_stated}`;
    return s;
  };
  for (const f of ['funds_total_yuan', 'funds_central_yuan', 'funds_local_yuan'])
    row(
      L[f]!,
      plans.map((p) => (p.funds[f] ? link(p, p.funds[f]!.span, money(lang, p.funds[f]!.value)) : absent())),
    );
  for (const m of metrics)
    row(
      TARGETS[m] ?? m,
      plans.map((p) => {
        const t = p.targets.find((x) => x.metric === m);
        const cmp = t?.comparator === '>=' ? '≥ ' : t?.comparator === '<=' ? '≤ ' : '';
        return t ? link(p, t.span, `${cmp}${t.value.toLocaleString('en-US')}${t.unit}`) : absent();
      }),
    );
  row(
    L.coverage_computed!,
    plans.map((p) =>
      p.coverage
        ? `${((100 * p.coverage.stations) / p.coverage.villages).toFixed(1)}% (${p.coverage.stations} ÷ ${p.coverage.villages})`
        : '—',
    ),
  );
  const wrap = document.createElement('div');
  wrap.className = 'scroll';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', L.targets!);
  wrap.append(table);
  tgt.append(wrap);
  out.append(tgt);

  // phases on one timeline
  const ph = section('phases', L.phases!);
  const toDate = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7) - 1, 1));
  const endOf = (ym: string) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 1));
  const spans = plans.flatMap((p) =>
    p.phases
      .filter((x) => x.start && x.end)
      .map((x) => ({ label: `${p.name} · ${x.name}`, start: toDate(x.start!), end: endOf(x.end!) })),
  );
  if (spans.length)
    ph.append(
      figure(
        sel,
        'phases',
        L.phases!,
        timeline(spans, { alt: L.phases!, width: chartWidth(out) }),
        [L.phase!, L.start!, L.end!],
        spans.map((s) => [s.label, s.start.toISOString().slice(0, 7), s.end.toISOString().slice(0, 7)]),
      ),
    );
  out.append(ph);
}

/**
 * Draws the monthly series of the selection. `current` says whether this draw is still the latest: a reader who
 * changes the metric while a query runs gets the newer chart only. Returns false for a superseded draw.
 */
async function drawMonthly(
  sel: Selection,
  names: Map<string, string>,
  out: HTMLElement,
  current: () => boolean,
) {
  const { codes, metric } = sel;
  state('loading', out);
  const chart = out.querySelector('.monthly-chart') as HTMLElement;
  chart.replaceChildren();
  const duck = await openDuck(['metrics_monthly']);
  // The codes come from the picker index and the metric from the vocabulary (closed lists, checked in readUrl
  // and again here). They are written into the statement as literals rather than bound, because with bound
  // parameters DuckDB 0.9 cannot prune Parquet row groups, and a one-county query would read the whole file.
  if (!codes.every((c) => /^\d{6}$/.test(c)) || !Object.hasOwn(METRICS, metric))
    throw new Error('invalid selection');
  // one equality per county (UNION ALL): DuckDB 0.9 pushes `=` into the Parquet scan, not IN lists
  const rows = await duck.query(
    `${codes
      .map(
        (c) =>
          `SELECT county_code, month, value, synthetic FROM metrics_monthly WHERE county_code = '${c}' AND metric = '${metric}'`,
      )
      .join(' UNION ALL ')} ORDER BY county_code, month`,
  );
  if (!current()) return false;
  const data = rows.map((r) => ({
    series: names.get(String(r.county_code)) ?? String(r.county_code),
    date: new Date(Date.UTC(+String(r.month).slice(0, 4), +String(r.month).slice(5, 7) - 1, 1)),
    value: Number(r.value) / (metric.endsWith('_yuan') ? scale : 1),
  }));
  const synthetic = rows.some((r) => r.synthetic === true);
  (out.querySelector('.synthetic') as HTMLElement).hidden = !synthetic;
  if (data.length === 0) {
    const p = document.createElement('p');
    p.textContent = L.no_metrics!;
    chart.append(p);
  } else
    chart.append(
      figure(
        sel,
        'monthly',
        METRICS[metric]!,
        lines(data, {
          alt: METRICS[metric]!,
          unit: metric.endsWith('_yuan') ? unit : '',
          series: [...new Set(data.map((d) => d.series))],
          width: chartWidth(out),
        }),
        [L.county!, L.month!, L.value!],
        rows.map((r) => [names.get(String(r.county_code)) ?? '', String(r.month), Number(r.value)]),
        synthetic ? L.chart_synthetic : undefined,
      ),
    );
  state('ready', out);
  return true;
}

async function main() {
  state('loading');
  const { counties, plans } = (await (await fetch('/compare/plans.json')).json()) as {
    counties: PickerEntry[];
    plans: PlanSummary[];
  };
  const valid = new Set(counties.map((c) => c.code));
  const names = new Map(counties.map((c) => [c.code, c.name]));
  let { codes, unknown, metric } = readUrl(valid, new Set(Object.keys(METRICS)));
  if (codes.length === 0) codes = counties.slice(0, 2).map((c) => c.code);

  // picker: an input with a list of counties, matched on name, short name, pinyin and code
  const list = document.getElementById('county-options') as HTMLDataListElement;
  for (const c of counties) {
    const o = document.createElement('option');
    o.value = `${c.name} ${c.code}`;
    o.label = `${c.short} · ${c.province} · ${c.pinyin}`;
    list.append(o);
  }
  const picker = document.getElementById('county-picker') as HTMLInputElement;
  const chosen = document.getElementById('chosen') as HTMLElement;
  const message = document.getElementById('compare-message') as HTMLElement;
  const metricSelect = document.getElementById('metric') as HTMLSelectElement;
  metricSelect.value = metric;
  const plansOut = document.getElementById('compare-plans') as HTMLElement;
  const monthly = document.getElementById('compare-monthly') as HTMLElement;
  if (unknown.length)
    message.textContent = `${L.unknown_codes}${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` … (${unknown.length})` : ''}`;

  const find = (q: string) => {
    const s = q.trim().toLowerCase().replace(/\s+/g, '');
    if (!s) return null;
    const code = /\d{6}/.exec(s)?.[0];
    if (code) return counties.find((c) => c.code === code) ?? null;
    const hits = counties.filter(
      (c) =>
        c.name.includes(s) ||
        c.short.includes(s) ||
        c.pinyin
          .replace(/\s/g, ' ')
          .split(' ')
          .some((p) => p.startsWith(s)),
    );
    return hits.length === 1 ? hits[0]! : null;
  };

  const snippet = document.getElementById('embed-snippet');
  let generation = 0;
  const redraw = async (push = true) => {
    writeUrl(codes, metric, push);
    const sel: Selection = { codes, metric };
    const mine = ++generation;
    const current = () => mine === generation;
    state('loading');
    const whole = embedFor(root, `c=${codes.join(',')}&m=${metric}`, '');
    if (snippet && whole) snippet.textContent = iframe(whole.src, 1200, document.title);
    chosen.replaceChildren(
      ...codes.map((c) => {
        const li = document.createElement('li');
        li.textContent = `${names.get(c)} (${c}) `;
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = L.remove!;
        b.setAttribute('aria-label', `${L.remove} ${names.get(c)}`);
        b.disabled = codes.length <= 1;
        b.addEventListener('click', () => {
          codes = codes.filter((x) => x !== c);
          redraw();
        });
        li.append(b);
        return li;
      }),
    );
    drawPlans(
      codes.map((c) => plans.find((p) => p.code === c)).filter((p): p is PlanSummary => p !== undefined),
      sel,
      plansOut,
    );
    if (performance.getEntriesByName('first-chart').length === 0) performance.mark('first-chart');
    // the chart asked for is not there (e.g. no plan states central funds per item): say so, show everything
    const absent = () => {
      message.textContent = [message.textContent, L.chart_absent].filter(Boolean).join(' ');
    };
    // one plan chart alone: DuckDB is not needed at all
    if (solo && solo !== 'monthly') {
      if (showOnly(root, solo)) {
        state('idle', monthly);
        return state('ready');
      }
      absent();
    }
    try {
      if (!(await drawMonthly(sel, names, monthly, current))) return;
      if (solo === 'monthly' && !showOnly(root, solo)) absent();
      state('ready');
    } catch (e) {
      if (!current()) return;
      const p = document.createElement('p');
      p.textContent = typeof WebAssembly === 'object' ? `${L.error} ${(e as Error).message}` : L.no_wasm!;
      monthly.querySelector('.monthly-chart')!.replaceChildren(p);
      state('error', monthly);
      state('error');
    }
  };

  document.getElementById('add-county')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = find(picker.value);
    if (!c) {
      message.textContent = L.not_found!;
      return;
    }
    if (codes.includes(c.code)) return;
    if (codes.length >= MAX) {
      message.textContent = L.too_many!;
      return;
    }
    message.textContent = '';
    codes = [...codes, c.code];
    picker.value = '';
    redraw();
  });
  metricSelect.addEventListener('change', () => {
    metric = metricSelect.value;
    redraw();
  });
  // back and forward: the state is read again from the URL
  addEventListener('popstate', () => {
    const again = readUrl(valid, new Set(Object.keys(METRICS)));
    codes = again.codes.length ? again.codes : codes;
    metric = again.metric;
    metricSelect.value = metric;
    redraw(false);
  });
  await redraw(false);
}

main().catch((e) => {
  state('error');
  (document.getElementById('compare-message') as HTMLElement).textContent = String((e as Error).message);
});

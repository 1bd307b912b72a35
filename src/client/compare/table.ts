/**
 * The aligned table on /compare/: one column per county, one row per figure (stated funds, the share of central
 * funds to 农产品上行, each target, computed coverage). A figure a plan lacks is "not stated", never 0. Stations
 * are one row per tier, as on the overview: the stated total, else new + upgraded (stationTargets), with a link
 * to every target the figure rests on ("7个（6 + 1）").
 */
import { money, percent } from '../../../pipelines/contract/format.ts';
import { targetIn } from '../../../pipelines/contract/labels.ts';
import { stationTargets } from '../../../pipelines/contract/stations.ts';
import type { PlanSummary } from '../../lib/compare.ts';
import type { Context } from './context.ts';
import { section } from './figures.ts';

type Target = PlanSummary['targets'][number];
/** A link to a span of the plan's text, with the text shown. */
export interface Cited {
  text: string;
  span: [number, number];
  /** what the figure is, when the row's label does not say it (a part of a sum) */
  title?: string;
}
/** A cell of the aligned table. */
export type Cell =
  | ({ kind: 'link' } & Cited)
  | { kind: 'sum'; text: string; parts: Cited[] }
  | { kind: 'absent' }
  | { kind: 'text'; text: string };
/** A row of the aligned table: its key (a field, measure, target metric or station tier), label and cells. */
export interface Row {
  key: string;
  label: string;
  cells: Cell[];
}

const ABSENT: Cell = { kind: 'absent' };
const FUNDS = ['funds_total_yuan', 'funds_central_yuan', 'funds_local_yuan'];
const STATION = /^(township|village)_station_count(?:_new|_upgraded)?$/;

/** A target's value as the table shows it: ≥ 4,000人次 / ≥ 4,000 person-times. */
const targetText = (t: Pick<Target, 'value' | 'unit' | 'comparator'>, lang: 'zh' | 'en') => targetIn(lang, t);

/** The row a target metric is shown in: a station metric in its tier's row, any other in its own. */
export const rowKey = (metric: string): string => {
  const tier = STATION.exec(metric)?.[1];
  return tier ? `${tier}_station_count` : metric;
};

/** A plan's stations of a tier: the stated total, or the sum of new and upgraded with a link to each part. */
export function stationCell(
  p: PlanSummary,
  tier: 'township' | 'village',
  names: Record<string, string>,
  lang: 'zh' | 'en' = 'zh',
): Cell {
  const s = stationTargets(p.targets, tier);
  if (!s) return ABSENT;
  if (s.from.length === 1) return { kind: 'link', text: targetText(s.from[0]!, lang), span: s.from[0]!.span };
  // in the order the plan states them
  const parts = [...s.from].sort((a, b) => a.span[0] - b.span[0]);
  return {
    kind: 'sum',
    text: targetText({ value: s.value, unit: parts[0]!.unit, comparator: '=' }, lang),
    parts: parts.map((t) => ({
      text: t.value.toLocaleString('en-US'),
      span: t.span,
      title: names[t.metric],
    })),
  };
}

/** A plan's cell for a row key that is a target metric or a station tier. */
const targetCell = (p: PlanSummary, key: string, names: Record<string, string>, lang: 'zh' | 'en'): Cell => {
  const tier = STATION.exec(key)?.[1] as 'township' | 'village' | undefined;
  if (tier) return stationCell(p, tier, names, lang);
  const t = p.targets.find((x) => x.metric === key);
  return t ? { kind: 'link', text: targetText(t, lang), span: t.span } : ABSENT;
};

/** A plan's share of central funds to 农产品上行: 64% (320万元 ÷ 500万元), or — when it cannot be computed. */
const upstreamCell = (p: PlanSummary, lang: 'zh' | 'en'): Cell => {
  const u = p.upstream;
  if (!u) return { kind: 'text', text: '—' };
  const share = percent(u.numerator / u.denominator);
  return { kind: 'text', text: `${share} (${money(lang, u.numerator)} ÷ ${money(lang, u.denominator)})` };
};

/** A plan's computed village coverage, as the county page and /audit/ print it: 37% (37 ÷ 100), or —. */
const coverageCell = (p: PlanSummary): Cell =>
  p.coverage
    ? {
        kind: 'text',
        text: `${percent(p.coverage.stations / p.coverage.villages)} (${p.coverage.stations} ÷ ${p.coverage.villages})`,
      }
    : { kind: 'text', text: '—' };

/** The ledger's measures the table shows, after the plan's figures (src/lib/compare.ts ledgerMeasures). */
const LEDGER = ['commitments_owned_share', 'reporting_duties', 'months_to_tender'] as const;

/** A plan's cell for a ledger measure: a share as a percent, a count with its unit, linked to its first sentence. */
function ledgerCell(
  p: PlanSummary,
  key: (typeof LEDGER)[number],
  L: Record<string, string>,
  lang: 'zh' | 'en',
): Cell {
  const [value, span] = p.ledger?.[key] ?? [null, null];
  if (value === null) return ABSENT;
  const plural = key === 'reporting_duties' ? L.unit_items! : L.unit_months!;
  // 1 month, 1 duty: English units are plural otherwise
  const unit = lang === 'en' && value === 1 ? plural.replace(/ies$/, 'y').replace(/s$/, '') : plural;
  const text =
    key === 'commitments_owned_share' ? percent(value) : `${value}${lang === 'en' ? ' ' : ''}${unit}`;
  return span ? { kind: 'link', text, span } : { kind: 'text', text };
}

/** The target rows' keys: every metric some plan states (stations by tier), in the vocabulary's order. */
export function targetKeys(plans: PlanSummary[], names: Record<string, string>): string[] {
  const order = Object.keys(names);
  return [...new Set(plans.flatMap((p) => p.targets.map((t) => rowKey(t.metric))))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
}

/** The aligned table's rows for the plans, in their order. */
export function alignedRows(plans: PlanSummary[], ctx: Pick<Context, 'L' | 'lang' | 'targets'>): Row[] {
  const { L, lang, targets } = ctx;
  const funds = FUNDS.map((f) => ({
    key: f,
    label: L[f]!,
    cells: plans.map((p): Cell => {
      const v = p.funds[f];
      return v ? { kind: 'link', text: money(lang, v.value), span: v.span } : ABSENT;
    }),
  }));
  const goals = targetKeys(plans, targets).map((m) => ({
    key: m,
    label: targets[m] ?? m,
    cells: plans.map((p) => targetCell(p, m, targets, lang)),
  }));
  return [
    ...funds,
    { key: 'upstream_share', label: L.upstream_share!, cells: plans.map((p) => upstreamCell(p, lang)) },
    ...goals,
    { key: 'coverage_computed', label: L.coverage_computed!, cells: plans.map(coverageCell) },
    ...LEDGER.map((key) => ({ key, label: L[key]!, cells: plans.map((p) => ledgerCell(p, key, L, lang)) })),
  ];
}

/** A link to a span of a plan's document. */
function spanLink(ctx: Context, p: PlanSummary, c: Cited): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `${ctx.docs}${p.doc_id}/#span-${c.span[0]}-${c.span[1]}`;
  a.textContent = c.text;
  if (c.title) a.title = c.title;
  return a;
}

/** A cell's content: a link, a sum with a link per part, "— not stated", or plain text. */
function cellContent(ctx: Context, p: PlanSummary, c: Cell): (Node | string)[] {
  if (c.kind === 'link') return [spanLink(ctx, p, c)];
  if (c.kind === 'text') return [c.text];
  if (c.kind === 'absent') {
    const s = document.createElement('span');
    s.className = 'na';
    s.textContent = `— ${ctx.L.not_stated}`;
    return [s];
  }
  const [open, close] = ctx.lang === 'zh' ? ['（', '）'] : [' (', ')'];
  const parts = c.parts.flatMap((x, i) => [...(i ? [' + '] : []), spanLink(ctx, p, x)]);
  return [`${c.text}${open}`, ...parts, close];
}

/** The table: a header row of county names, then a row per figure. */
function alignedTable(ctx: Context, plans: PlanSummary[]): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'aligned';
  const head = table.createTHead().insertRow();
  for (const c of [ctx.L.metric!, ...plans.map((p) => p.name)]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of alignedRows(plans, ctx)) {
    const tr = body.insertRow();
    tr.dataset.measure = r.key;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = r.label;
    tr.append(th);
    r.cells.forEach((c, i) => {
      tr.insertCell().append(...cellContent(ctx, plans[i]!, c));
    });
  }
  return table;
}

/** The targets section: the aligned table in a scrolling region. */
export function targetsSection(ctx: Context, plans: PlanSummary[]): HTMLElement {
  const out = section('targets', ctx.L.targets!);
  const wrap = document.createElement('div');
  wrap.className = 'scroll';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', ctx.L.targets!);
  wrap.append(alignedTable(ctx, plans));
  out.append(wrap);
  return out;
}

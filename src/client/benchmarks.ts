/**
 * The benchmarks page in the browser: the distribution of one measure across all counties, the selected county
 * highlighted with its rank. Plan measures come from /benchmarks/measures.json (built with the site); monthly
 * measures are computed by DuckDB over metrics_monthly, so the page works the same with the five sample
 * counties or with the national-scale synthetic set. The county and the measure are read from the URL and
 * checked against closed lists.
 */
import { group, money, percent } from '../../pipelines/contract/format.ts';
import { type Place, places, type Spread, spread } from '../../pipelines/contract/rank.ts';
import type { Measure } from '../lib/benchmarks.ts';
import { strip } from '../lib/charts.ts';
import type { MeasureValue, PickerEntry } from '../lib/compare.ts';
import { openDuck } from './duck.ts';
import { embedFor } from './embed.ts';
import { headed } from './figure/downloads.ts';
import { chartWidth, figure } from './figure.ts';

const root = document.getElementById('benchmarks') as HTMLElement;
const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
const MEASURES = JSON.parse(root.dataset.measures!) as Record<string, Measure>;
const METRIC_SQL: Record<string, string> = {
  // sums over the latest full calendar year in the data; the year is read from the data, not from input
  online_retail_sales_latest_year: 'online_retail_sales_yuan',
  agri_online_retail_sales_latest_year: 'agri_online_retail_sales_yuan',
  express_parcels_latest_year: 'express_parcels',
};

/** A measure's values per county: a plan measure's from measures.json, a monthly one summed over its latest year. */
async function values(measure: string, plan: Record<string, MeasureValue[]>, names: Map<string, string>) {
  if (MEASURES[measure]!.kind === 'plan')
    return { rows: plan[measure] ?? [], year: null as string | null, synthetic: false };
  const duck = await openDuck(['metrics_monthly']);
  const metric = METRIC_SQL[measure]!;
  const latest = (await duck.query(
    `SELECT max(substr(month, 1, 4)) AS y FROM metrics_monthly WHERE metric = '${metric}' AND month LIKE '%-12'`,
  )) as { y: string }[];
  const y = latest[0]?.y ?? '';
  const rows = await duck.query(
    `SELECT county_code, sum(value) AS v, bool_or(synthetic) AS s FROM metrics_monthly WHERE metric = '${metric}' AND month BETWEEN ? AND ? GROUP BY county_code`,
    [`${y}-01`, `${y}-12`],
  );
  return {
    rows: rows.map((r) => ({
      code: String(r.county_code),
      name: names.get(String(r.county_code)) ?? String(r.county_code),
      value: Number(r.v),
      doc_id: '',
      span: null,
      synthetic: r.s === true,
    })) as MeasureValue[],
    year: y,
    synthetic: rows.some((r) => r.s === true),
  };
}

type Ranked = MeasureValue & { place: Place };

/** The measure and the county the URL asks for, each checked against its closed list (else the first). */
function chosen(url: URL, counties: PickerEntry[]) {
  const m = url.searchParams.get('m') ?? 'central_funds';
  const c = url.searchParams.get('c') ?? '';
  const known = counties.some((x) => x.code === c);
  return {
    m,
    measure: Object.hasOwn(MEASURES, m) ? m : 'central_funds',
    c,
    known,
    code: known ? c : (counties[0]?.code ?? ''),
  };
}
type Choice = ReturnType<typeof chosen>;

/** The rows with their places, best first (rank 1 is the best, whichever way is better; ties share a rank). */
function rankRows(rows: MeasureValue[], better: Measure['better']): Ranked[] {
  const ranked = places(
    rows.map((r) => r.value),
    better,
  );
  return rows
    .map((r, i) => ({ ...r, place: ranked[i]! }))
    .sort((a, b) => a.place.rank - b.place.rank || (a.code < b.code ? -1 : 1));
}

/** A paragraph with a class, and an id when it has one. */
function paragraph(className: string, text: string, id?: string): HTMLElement {
  const p = document.createElement('p');
  if (id) p.id = id;
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/**
 * The note saying which county or measure is shown instead of one the address names but the lists lack (a
 * county is not replaced silently), or null when both were known.
 */
function paramNote(ch: Choice, names: Map<string, string>, info: Measure): HTMLElement | null {
  const wrong = [
    ...(ch.c !== '' && !ch.known
      ? [L.unknown_county!.replace('{c}', ch.c.slice(0, 40)).replace('{name}', names.get(ch.code) ?? ch.code)]
      : []),
    ...(ch.m !== ch.measure
      ? [L.unknown_measure!.replace('{m}', ch.m.slice(0, 40)).replace('{label}', info.label)]
      : []),
  ];
  if (!wrong.length) return null;
  const note = paragraph('note', wrong.join(' '), 'benchmark-param');
  note.setAttribute('role', 'status');
  return note;
}

/** The county's rank in words ("3rd of 5", tied or not), or that it has no value among the n counties. */
function rankText(mine: Place | null, name: string, n: number): string {
  if (!mine) return L.absent!.replace('{name}', name).replace('{n}', String(n));
  return (mine.tied > 1 ? L.rank_tied! : L.rank!)
    .replace('{name}', name)
    .replace('{k}', String(mine.rank))
    .replace('{n}', String(mine.of))
    .replace('{t}', String(mine.tied));
}

const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';

/** A value of a measure as the county pages print it: money in 万元/亿元 (¥ million), a share in %, a count. */
function valueText(m: Measure, value: number): string {
  if (m.format === 'money') return money(lang, value);
  if (m.format === 'percent') return percent(value);
  return `${group(String(Math.round(value * 10) / 10))}${lang === 'zh' ? '' : ' '}${m.unit}`;
}

/** Where the middle of the counties lies, in words, or nothing for fewer than three counties. */
function spreadText(s: Spread | null, m: Measure): string {
  if (!s) return '';
  return L.spread!.replace('{n}', String(s.n))
    .replace('{median}', valueText(m, s.median))
    .replace('{low}', valueText(m, s.low))
    .replace('{high}', valueText(m, s.high));
}

/** What the distribution shows: the values as queried, the same ranked, and whether any is synthetic. */
interface Distribution {
  rows: MeasureValue[];
  sorted: Ranked[];
  synthetic: boolean;
}

/** The distribution as a figure: a strip of the counties' values, the chosen county highlighted. */
function distribution(ch: Choice, info: Measure, d: Distribution, rank: string, width: number) {
  const { rows, sorted, synthetic } = d;
  const { scale } = info;
  return figure({
    title: info.label,
    svg: strip(
      rows.map((r) => ({ label: r.name, value: r.value / scale, highlight: r.code === ch.code })),
      { alt: `${info.label}: ${rank}`, unit: info.unit, width, document },
    ),
    // a download keeps the sample-data label: a synthetic column wherever any value is summed from sample data
    columns: [
      '#',
      L.county!,
      'county_code',
      headed(info.label, info.unit),
      ...(synthetic ? ['synthetic'] : []),
    ],
    rows: sorted.map((r) => [
      r.place.rank,
      r.name,
      r.code,
      +(r.value / scale).toFixed(2),
      ...(synthetic ? [String(r.synthetic === true)] : []),
    ]),
    cite: L.cite!,
    dataTable: L.data_table!,
    note: synthetic ? L.chart_synthetic : undefined,
    chart: 'distribution',
    // the embed page shows this one chart, with the rank above it
    embed: embedFor(root, `m=${ch.measure}&c=${ch.code}`, L.embed_chart!),
  });
}

/** Draws the page for the measure and county in the URL: the notes, the county's rank and the distribution. */
async function main() {
  root.dataset.state = 'loading';
  const { counties, measures } = (await (await fetch('/benchmarks/measures.json')).json()) as {
    counties: PickerEntry[];
    measures: Record<string, MeasureValue[]>;
  };
  const ch = chosen(new URL(location.href), counties);
  const names = new Map(counties.map((x) => [x.code, x.name]));
  (document.getElementById('measure') as HTMLSelectElement).value = ch.measure;
  (document.getElementById('county') as HTMLSelectElement).value = ch.code;
  const { rows, year, synthetic } = await values(ch.measure, measures, names);
  const info = MEASURES[ch.measure]!;
  const sorted = rankRows(rows, info.better);
  const mine = sorted.find((r) => r.code === ch.code)?.place ?? null;
  const rank = rankText(mine, names.get(ch.code) ?? ch.code, sorted.length);
  const out = document.getElementById('benchmark-out') as HTMLElement;
  out.replaceChildren();
  const note = paramNote(ch, names, info);
  if (note) out.append(note);
  out.append(paragraph('', rank, 'benchmark-rank'));
  const middle = spreadText(spread(rows.map((r) => r.value)), info);
  // an embed keeps the chart and the rank line only (its iframe height is the chart's)
  if (middle && root.dataset.embed !== 'true') out.append(paragraph('', middle, 'benchmark-spread'));
  out.append(paragraph('note', info.better === 'lower' ? L.better_lower! : L.better_higher!));
  if (year) out.append(paragraph('note', L.year!.replace('{y}', year)));
  out.append(distribution(ch, info, { rows, sorted, synthetic }, rank, chartWidth(out)));
  root.dataset.state = 'ready';
}

for (const id of ['measure', 'county'])
  document.getElementById(id)!.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('m', (document.getElementById('measure') as HTMLSelectElement).value);
    url.searchParams.set('c', (document.getElementById('county') as HTMLSelectElement).value);
    history.replaceState(null, '', url);
    main().catch(fail);
  });
const fail = (e: unknown) => {
  root.dataset.state = 'error';
  (document.getElementById('benchmark-out') as HTMLElement).textContent =
    typeof WebAssembly === 'object' ? String((e as Error).message) : L.no_wasm!;
};
main().catch(fail);

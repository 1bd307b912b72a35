/**
 * The benchmarks page in the browser: the distribution of one measure across all counties, the selected county
 * highlighted with its rank. Plan measures come from /benchmarks/measures.json (built with the site); monthly
 * measures are computed by DuckDB over metrics_monthly, so the page works the same with the five sample
 * counties or with the national-scale synthetic set. The county and the measure are read from the URL and
 * checked against closed lists.
 */
import { places } from '../../pipelines/contract/rank.ts';
import { strip } from '../lib/charts.ts';
import type { MeasureValue, PickerEntry } from '../lib/compare.ts';
import { openDuck } from './duck.ts';
import { embedFor } from './embed.ts';
import { chartWidth, figure } from './figure.ts';

const root = document.getElementById('benchmarks') as HTMLElement;
const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
const MEASURES = JSON.parse(root.dataset.measures!) as Record<
  string,
  { label: string; unit: string; kind: 'plan' | 'metric'; better: 'higher' | 'lower' }
>;
const METRIC_SQL: Record<string, string> = {
  // sums over the latest full calendar year in the data; the year is read from the data, not from input
  online_retail_sales_latest_year: 'online_retail_sales_yuan',
  agri_online_retail_sales_latest_year: 'agri_online_retail_sales_yuan',
  express_parcels_latest_year: 'express_parcels',
};

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
    })) as MeasureValue[],
    year: y,
    synthetic: rows.some((r) => r.s === true),
  };
}

async function main() {
  root.dataset.state = 'loading';
  const { counties, measures } = (await (await fetch('/benchmarks/measures.json')).json()) as {
    counties: PickerEntry[];
    measures: Record<string, MeasureValue[]>;
  };
  const url = new URL(location.href);
  const m = url.searchParams.get('m') ?? 'central_funds';
  const measure = Object.hasOwn(MEASURES, m) ? m : 'central_funds';
  const c = url.searchParams.get('c') ?? '';
  const names = new Map(counties.map((x) => [x.code, x.name]));
  (document.getElementById('measure') as HTMLSelectElement).value = measure;
  const countySelect = document.getElementById('county') as HTMLSelectElement;
  // a county the address names but the list lacks is not replaced silently: the page says whom it shows instead
  const known = names.has(c);
  const code = known ? c : (counties[0]?.code ?? '');
  countySelect.value = code;
  const { rows, year, synthetic } = await values(measure, measures, names);
  const info = MEASURES[measure]!;
  const scale = info.unit === '万元' ? 1e4 : info.unit === '%' ? 0.01 : 1;
  // rank 1 is the best, whichever way is better for the measure; equal values share a rank
  const ranked = places(
    rows.map((r) => r.value),
    info.better,
  );
  const sorted = rows
    .map((r, i) => ({ ...r, place: ranked[i]! }))
    .sort((a, b) => a.place.rank - b.place.rank || (a.code < b.code ? -1 : 1));
  const mine = sorted.find((r) => r.code === code)?.place ?? null;
  const out = document.getElementById('benchmark-out') as HTMLElement;
  out.replaceChildren();
  const wrong = [
    ...(c !== '' && !known
      ? [L.unknown_county!.replace('{c}', c.slice(0, 40)).replace('{name}', names.get(code) ?? code)]
      : []),
    ...(m !== measure
      ? [L.unknown_measure!.replace('{m}', m.slice(0, 40)).replace('{label}', info.label)]
      : []),
  ];
  if (wrong.length) {
    const note = document.createElement('p');
    note.id = 'benchmark-param';
    note.className = 'note';
    note.setAttribute('role', 'status');
    note.textContent = wrong.join(' ');
    out.append(note);
  }
  const p = document.createElement('p');
  p.id = 'benchmark-rank';
  p.textContent = mine
    ? (mine.tied > 1 ? L.rank_tied! : L.rank!)
        .replace('{name}', names.get(code) ?? code)
        .replace('{k}', String(mine.rank))
        .replace('{n}', String(mine.of))
        .replace('{t}', String(mine.tied))
    : L.absent!.replace('{name}', names.get(code) ?? code).replace('{n}', String(sorted.length));
  out.append(p);
  const direction = document.createElement('p');
  direction.className = 'note';
  direction.textContent = info.better === 'lower' ? L.better_lower! : L.better_higher!;
  out.append(direction);
  if (year) {
    const y = document.createElement('p');
    y.className = 'note';
    y.textContent = L.year!.replace('{y}', year);
    out.append(y);
  }
  out.append(
    figure({
      title: info.label,
      svg: strip(
        rows.map((r) => ({ label: r.name, value: r.value / scale, highlight: r.code === code })),
        { alt: `${info.label}: ${p.textContent}`, unit: info.unit, width: chartWidth(out) },
      ),
      columns: ['#', L.county!, 'county_code', `${info.label} (${info.unit})`],
      rows: sorted.map((r) => [r.place.rank, r.name, r.code, +(r.value / scale).toFixed(2)]),
      cite: L.cite!,
      dataTable: L.data_table!,
      note: synthetic ? L.chart_synthetic : undefined,
      chart: 'distribution',
      // the embed page shows this one chart, with the rank above it
      embed: embedFor(root, `m=${measure}&c=${code}`, L.embed_chart!),
    }),
  );
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

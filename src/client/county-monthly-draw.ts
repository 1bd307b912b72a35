/** Draws the county page's interactive monthly series (loaded on request by county-monthly.ts). */
import { lines } from '../lib/charts.ts';
import { openDuck } from './duck.ts';
import { embedFor, showOnly } from './embed.ts';
import { headed, scaled } from './figure/downloads.ts';
import { chartWidth, figure } from './figure.ts';

type ChartId = 'series' | 'growth';
type Row = Record<string, unknown>;

/** A month (YYYY-MM), its value, and whether it is sample data (or, for growth, computed from any). */
interface Month {
  month: string;
  value: number;
  synthetic: boolean;
}

/** What the page says in its data attributes: its strings, its closed lists and the county. */
interface Page {
  root: HTMLElement;
  L: Record<string, string>;
  METRICS: Record<string, string>;
  UNITS: Record<string, string>;
  GROWTH: Record<string, number>;
  code: string;
  zh: boolean;
  out: HTMLElement;
}

/** The page's strings, metrics, growth targets and county, read from the root's data attributes. */
const pageOf = (root: HTMLElement): Page => ({
  root,
  L: JSON.parse(root.dataset.strings!) as Record<string, string>,
  METRICS: JSON.parse(root.dataset.metrics!) as Record<string, string>,
  UNITS: JSON.parse(root.dataset.units!) as Record<string, string>,
  GROWTH: JSON.parse(root.dataset.growth!) as Record<string, number>,
  code: root.dataset.code!,
  zh: root.dataset.lang === 'zh',
  out: root.querySelector('.out') as HTMLElement,
});

/** The first day of a month (YYYY-MM), UTC. */
const toDate = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1));

/** Year-on-year growth in % of the last 12 months against the 12 before, month by month. */
function yoyGrowth(values: Month[]): Month[] {
  const growth: Month[] = [];
  for (let i = 23; i < values.length; i++) {
    const window = values.slice(i - 23, i + 1);
    const last = window.slice(12).reduce((a, v) => a + v.value, 0);
    const before = window.slice(0, 12).reduce((a, v) => a + v.value, 0);
    const synthetic = window.some((v) => v.synthetic);
    if (before > 0) growth.push({ month: values[i]!.month, value: 100 * (last / before - 1), synthetic });
  }
  return growth;
}

/** The county's monthly rows of a metric from metrics_monthly (both already checked against closed lists). */
async function monthlyRows(code: string, metric: string): Promise<Row[]> {
  const duck = await openDuck(['metrics_monthly']);
  return duck.query(
    `SELECT month, value, synthetic FROM metrics_monthly WHERE county_code = '${code}' AND metric = '${metric}' ORDER BY month`,
  );
}

/** What a chart shows: its title, SVG and data table. */
interface Parts {
  title: string;
  svg: string;
  columns: string[];
  rows: (string | number)[][];
}

/** Adds a chart to the page as a figure, with its sample-data note and the snippet to embed it alone. */
function addFigure(page: Page, metric: string, chart: ChartId, parts: Parts, synthetic: boolean) {
  const { L, root, out } = page;
  out.append(
    figure({
      chart,
      ...parts,
      cite: L.cite!,
      dataTable: L.data_table!,
      note: synthetic ? L.chart_synthetic : undefined,
      embed: embedFor(root, `m=${metric}&chart=${chart}`, L.embed_chart!),
    }),
  );
}

/** The chart of the monthly values (万元 or ¥ million for money); its CSV in the same unit, said in the header. */
function seriesParts(page: Page, metric: string, values: Month[]): Parts {
  const { METRICS, UNITS, zh, out } = page;
  const name = METRICS[metric]!;
  const unit = UNITS[metric]!;
  const scale = metric.endsWith('_yuan') ? (zh ? 1e4 : 1e6) : 1;
  return {
    title: name,
    svg: lines(
      values.map((v) => ({ series: name, date: toDate(v.month), value: v.value / scale })),
      {
        alt: name,
        unit,
        series: [name],
        width: chartWidth(out),
        document,
      },
    ),
    columns: ['month', headed('value', unit), 'synthetic'],
    rows: values.map((v) => [v.month, scaled(v.value, scale), String(v.synthetic)]),
  };
}

/** The chart of the year-on-year growth, with the plan's growth target as a second line when it has one. */
function growthParts(page: Page, metric: string, growth: Month[]): Parts {
  const { L, METRICS, GROWTH, out } = page;
  const target = GROWTH[metric];
  const series = [L.growth!, ...(target !== undefined ? [L.growth_target!] : [])];
  const data = [
    ...growth.map((g) => ({ series: L.growth!, date: toDate(g.month), value: g.value })),
    ...(target !== undefined
      ? growth.map((g) => ({ series: L.growth_target!, date: toDate(g.month), value: target }))
      : []),
  ];
  return {
    title: `${METRICS[metric]} · ${L.growth}`,
    svg: lines(data, {
      alt: `${METRICS[metric]} ${L.growth}`,
      unit: '%',
      series,
      width: chartWidth(out),
      document,
    }),
    columns: ['month', 'yoy_growth_pct', ...(target !== undefined ? ['target_pct'] : []), 'synthetic'],
    rows: growth.map((g) => [
      g.month,
      +g.value.toFixed(1),
      ...(target !== undefined ? [target] : []),
      String(g.synthetic),
    ]),
  };
}

/** Draws the monthly values and their growth (when there are two years of months), or says there are none. */
function drawCharts(page: Page, metric: string, rows: Row[]) {
  const values = rows.map((r) => ({
    month: String(r.month),
    value: Number(r.value),
    synthetic: r.synthetic === true,
  }));
  const synthetic = rows.some((r) => r.synthetic === true);
  page.out.replaceChildren();
  if (values.length === 0) {
    page.out.append(page.L.no_metrics!);
    return;
  }
  addFigure(page, metric, 'series', seriesParts(page, metric, values), synthetic);
  const growth = yoyGrowth(values);
  if (growth.length) addFigure(page, metric, 'growth', growthParts(page, metric, growth), synthetic);
}

/**
 * Draws the series of `metric`; `solo` (an embed page's ?chart=…, already checked) shows one chart alone.
 * `current` says whether this draw is still the reader's latest choice; a superseded one draws nothing.
 */
export async function draw(root: HTMLElement, metric: string, solo: ChartId | null, current: () => boolean) {
  const page = pageOf(root);
  if (!/^\d{6}$/.test(page.code) || !Object.hasOwn(page.METRICS, metric))
    throw new Error(`invalid selection: ${page.code} ${metric}`);
  root.dataset.state = 'loading';
  const rows = await monthlyRows(page.code, metric);
  if (!current()) return;
  drawCharts(page, metric, rows);
  const message = root.querySelector('.message') as HTMLElement;
  message.textContent = solo && !showOnly(root, solo) ? page.L.chart_absent_county! : '';
  root.dataset.state = 'ready';
}

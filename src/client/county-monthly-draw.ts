/** Draws the county page's interactive monthly series (loaded on request by county-monthly.ts). */
import { lines } from '../lib/charts.ts';
import { openDuck } from './duck.ts';
import { embedFor, showOnly } from './embed.ts';
import { chartWidth, figure } from './figure.ts';

/**
 * Draws the series of `metric`; `solo` (an embed page's ?chart=…, already checked) shows one chart alone.
 * `current` says whether this draw is still the reader's latest choice; a superseded one draws nothing.
 */
export async function draw(
  root: HTMLElement,
  metric: string,
  solo: 'series' | 'growth' | null,
  current: () => boolean,
) {
  const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
  const METRICS = JSON.parse(root.dataset.metrics!) as Record<string, string>;
  const GROWTH = JSON.parse(root.dataset.growth!) as Record<string, number>;
  const code = root.dataset.code!;
  const zh = root.dataset.lang === 'zh';
  const out = root.querySelector('.out') as HTMLElement;
  if (!/^\d{6}$/.test(code) || !Object.hasOwn(METRICS, metric))
    throw new Error(`invalid selection: ${code} ${metric}`);
  root.dataset.state = 'loading';
  const duck = await openDuck(['metrics_monthly']);
  const rows = await duck.query(
    `SELECT month, value, synthetic FROM metrics_monthly WHERE county_code = '${code}' AND metric = '${metric}' ORDER BY month`,
  );
  if (!current()) return;
  const toDate = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 1));
  const money = metric.endsWith('_yuan');
  const scale = money ? (zh ? 1e4 : 1e6) : 1;
  const values = rows.map((r) => ({ month: String(r.month), value: Number(r.value) }));
  // year-on-year growth of the last 12 months against the 12 before, month by month
  const growth: { month: string; value: number }[] = [];
  for (let i = 23; i < values.length; i++) {
    const last = values.slice(i - 11, i + 1).reduce((a, v) => a + v.value, 0);
    const before = values.slice(i - 23, i - 11).reduce((a, v) => a + v.value, 0);
    if (before > 0) growth.push({ month: values[i]!.month, value: 100 * (last / before - 1) });
  }
  out.replaceChildren();
  const synthetic = rows.some((r) => r.synthetic === true);
  const add = (
    chart: 'series' | 'growth',
    title: string,
    svg: string,
    columns: string[],
    data: (string | number)[][],
  ) =>
    out.append(
      figure({
        chart,
        title,
        svg,
        columns,
        rows: data,
        cite: L.cite!,
        dataTable: L.data_table!,
        note: synthetic ? L.chart_synthetic : undefined,
        embed: embedFor(root, `m=${metric}&chart=${chart}`, L.embed_chart!),
      }),
    );
  if (values.length === 0) {
    out.append(L.no_metrics!);
  } else {
    add(
      'series',
      METRICS[metric]!,
      lines(
        values.map((v) => ({ series: METRICS[metric]!, date: toDate(v.month), value: v.value / scale })),
        {
          alt: METRICS[metric]!,
          unit: money ? (zh ? '万元' : '¥ million') : '',
          series: [METRICS[metric]!],
          width: chartWidth(out),
        },
      ),
      ['month', 'value', 'synthetic'],
      rows.map((r) => [String(r.month), Number(r.value), String(r.synthetic)]),
    );
    const target = GROWTH[metric];
    if (growth.length) {
      const series = [L.growth!, ...(target !== undefined ? [L.growth_target!] : [])];
      const data = [
        ...growth.map((g) => ({ series: L.growth!, date: toDate(g.month), value: g.value })),
        ...(target !== undefined
          ? growth.map((g) => ({ series: L.growth_target!, date: toDate(g.month), value: target }))
          : []),
      ];
      add(
        'growth',
        `${METRICS[metric]} · ${L.growth}`,
        lines(data, { alt: `${METRICS[metric]} ${L.growth}`, unit: '%', series, width: chartWidth(out) }),
        ['month', 'yoy_growth_pct', ...(target !== undefined ? ['target_pct'] : [])],
        growth.map((g) => [g.month, +g.value.toFixed(1), ...(target !== undefined ? [target] : [])]),
      );
    }
  }
  const message = root.querySelector('.message') as HTMLElement;
  message.textContent = solo && !showOnly(root, solo) ? L.chart_absent_county! : '';
  root.dataset.state = 'ready';
}

/** Draws the county page's interactive monthly series (loaded on request by county-monthly.ts). */
import Papa from 'papaparse';
import { lines } from '../lib/charts.ts';
import { openDuck } from './duck.ts';

export async function draw(root: HTMLElement, metric: string) {
  const L = JSON.parse(root.dataset.strings!) as Record<string, string>;
  const METRICS = JSON.parse(root.dataset.metrics!) as Record<string, string>;
  const GROWTH = JSON.parse(root.dataset.growth!) as Record<string, number>;
  const code = root.dataset.code!;
  const zh = root.dataset.lang === 'zh';
  const out = root.querySelector('.out') as HTMLElement;
  if (!/^\d{6}$/.test(code) || !(metric in METRICS)) return;
  root.dataset.state = 'loading';
  const duck = await openDuck(['metrics_monthly']);
  const rows = await duck.query(
    `SELECT month, value, synthetic FROM metrics_monthly WHERE county_code = '${code}' AND metric = '${metric}' ORDER BY month`,
  );
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
  if (synthetic) {
    const p = document.createElement('p');
    p.className = 'chart-synthetic';
    p.textContent = L.chart_synthetic!;
    out.append(p);
  }
  const add = (svg: string) => {
    const d = document.createElement('div');
    d.className = 'svg';
    d.innerHTML = svg;
    out.append(d);
  };
  if (values.length === 0) {
    out.append(L.no_metrics!);
  } else {
    add(
      lines(
        values.map((v) => ({ series: METRICS[metric]!, date: toDate(v.month), value: v.value / scale })),
        {
          alt: METRICS[metric]!,
          unit: money ? (zh ? '万元' : '¥ million') : '',
          series: [METRICS[metric]!],
        },
      ),
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
      add(lines(data, { alt: `${METRICS[metric]} ${L.growth}`, unit: '%', series }));
    }
    const csv = document.createElement('button');
    csv.type = 'button';
    csv.textContent = 'CSV';
    csv.addEventListener('click', () => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(
        new Blob(
          [
            `\uFEFF${Papa.unparse(
              rows.map((r) => ({ month: r.month, value: r.value, synthetic: r.synthetic })),
              { newline: '\n' },
            )}\n`,
          ],
          {
            type: 'text/csv',
          },
        ),
      );
      a.download = `plan-atlas-${code}-${metric}.csv`;
      a.click();
    });
    out.append(csv);
  }
  root.dataset.state = 'ready';
}

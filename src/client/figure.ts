/**
 * A chart drawn in the browser as a figure: the SVG, its downloads (SVG, PNG, CSV), a citation line with the
 * page's URL (which reproduces the view), an optional sample-data note, an embed snippet for the chart alone,
 * and its data as a collapsed table.
 */
import Papa from 'papaparse';
import { FORMULA } from '../../pipelines/contract/csv.ts';
import { citable, embedHeight, iframe } from './embed.ts';

export function figure(o: {
  title: string;
  svg: string;
  columns: string[];
  rows: (string | number)[][];
  cite: string;
  dataTable: string;
  note?: string;
  /** the chart's id on its page, from the page's closed list (an embed URL asks for it with ?chart=…) */
  chart?: string;
  /** the iframe snippet for this chart alone: the embed page's URL and the label of the disclosure */
  embed?: { src: string; label: string };
}): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  if (o.chart) fig.dataset.chart = o.chart;
  const cap = document.createElement('figcaption');
  const strong = document.createElement('strong');
  strong.textContent = o.title;
  cap.append(strong);
  const holder = document.createElement('div');
  holder.className = 'svg';
  holder.innerHTML = o.svg;
  fig.append(cap, holder);
  if (o.note) {
    const p = document.createElement('p');
    p.className = 'chart-synthetic';
    p.textContent = o.note;
    fig.append(p);
  }
  const cite = document.createElement('p');
  cite.className = 'chart-source';
  cite.textContent = `${o.cite} ${citable()}`;
  const tools = document.createElement('p');
  tools.className = 'tools';
  const name = `plan-atlas-${o.title.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
  const save = (blob: Blob, ext: string) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${name}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const svgText = () => new XMLSerializer().serializeToString(holder.querySelector('svg')!);
  const button = (label: string, act: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', act);
    tools.append(b, ' ');
  };
  button('SVG', () => save(new Blob([svgText()], { type: 'image/svg+xml' }), 'svg'));
  button('PNG', () => {
    const svgEl = holder.querySelector('svg')!;
    const { width, height } = svgEl.viewBox.baseVal;
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((b) => b && save(b, 'png'));
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText())}`;
  });
  button('CSV', () =>
    save(
      new Blob(
        [
          `\uFEFF${Papa.unparse({ fields: o.columns, data: o.rows }, { newline: '\n', escapeFormulae: FORMULA })}\n`,
        ],
        {
          type: 'text/csv',
        },
      ),
      'csv',
    ),
  );
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = o.dataTable;
  summary.setAttribute('aria-label', `${o.dataTable} · ${o.title}`);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of o.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of o.rows) {
    const tr = body.insertRow();
    for (const v of r) tr.insertCell().textContent = String(v);
  }
  details.append(summary, table);
  fig.append(cite, tools, details);
  if (o.embed) {
    const embed = document.createElement('details');
    embed.className = 'embed';
    const label = document.createElement('summary');
    label.textContent = o.embed.label;
    // several charts on a page: each disclosure is named with its chart
    label.setAttribute('aria-label', `${o.embed.label} · ${o.title}`);
    const pre = document.createElement('pre');
    pre.tabIndex = 0;
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', `${o.embed.label} · ${o.title}`);
    const code = document.createElement('code');
    code.className = 'embed-snippet';
    const chartHeight = Number(holder.querySelector('svg[role="img"]')?.getAttribute('height') ?? 400);
    code.textContent = iframe(o.embed.src, embedHeight(chartHeight), `Plan Atlas · ${o.title}`);
    pre.append(code);
    embed.append(label, pre);
    fig.append(embed);
  }
  return fig;
}

/** The width to draw a chart at: the space it has (a phone's 328 px, not 640 px shrunk to 6 px text), 300–640. */
export function chartWidth(el: HTMLElement): number {
  return Math.round(Math.max(300, Math.min(640, el.clientWidth || 640)));
}

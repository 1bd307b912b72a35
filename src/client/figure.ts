/**
 * A chart drawn in the browser as a figure: the SVG, its downloads (SVG, PNG, CSV), a citation line with the
 * page's URL (which reproduces the view), an optional sample-data note, an embed snippet for the chart alone,
 * and its data as a collapsed table.
 */
import { citable } from './embed.ts';
import { chartSvg, downloads } from './figure/downloads.ts';
import { embedSnippet } from './figure/snippet.ts';
import { dataTable } from './figure/table.ts';

/** What a figure shows: the chart's title and SVG, its data, its citation and the labels around it. */
export interface FigureParts {
  title: string;
  svg: string;
  columns: string[];
  rows: (string | number)[][];
  cite: string;
  dataTable: string;
  note?: string;
  /** which of the counties asked for the chart does not show, and why (kept inside the figure, so an embed keeps it) */
  absent?: string;
  /** the chart's id on its page, from the page's closed list (an embed URL asks for it with ?chart=…) */
  chart?: string;
  /** the iframe snippet for this chart alone: the embed page's URL and the label of the disclosure */
  embed?: { src: string; label: string };
}

/** A paragraph with a class and a text. */
function paragraph(className: string, text: string) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The figure's caption: its title, in bold. */
function caption(title: string) {
  const cap = document.createElement('figcaption');
  const strong = document.createElement('strong');
  strong.textContent = title;
  cap.append(strong);
  return cap;
}

/** A chart as a figure: caption, SVG, note, citation line, downloads, data table and embed snippet. */
export function figure(o: FigureParts): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'chart';
  if (o.chart) fig.dataset.chart = o.chart;
  const holder = document.createElement('div');
  holder.className = 'svg';
  holder.innerHTML = o.svg;
  fig.append(caption(o.title), holder);
  if (o.absent) fig.append(paragraph('note chart-absent', o.absent));
  if (o.note) fig.append(paragraph('chart-synthetic', o.note));
  fig.append(
    paragraph('chart-source', `${o.cite} ${citable()}`),
    downloads(holder, o.title, o.columns, o.rows),
    dataTable(o.dataTable, o.title, o.columns, o.rows),
  );
  if (o.embed) {
    const chartHeight = Number(chartSvg(holder)?.getAttribute('height') ?? 400);
    fig.append(embedSnippet(o.embed, o.title, chartHeight));
  }
  return fig;
}

/** The width to draw a chart at: the space it has (a phone's 328 px, not 640 px shrunk to 6 px text), 300–640. */
export function chartWidth(el: HTMLElement): number {
  return Math.round(Math.max(300, Math.min(640, el.clientWidth || 640)));
}

/**
 * A figure's downloads: the chart as SVG and as PNG (the chart's own SVG, not a legend's swatch beside it) and
 * its data as CSV (UTF-8 with a BOM, formulae escaped).
 */
import Papa from 'papaparse';
import { FORMULA } from '../../../pipelines/contract/csv.ts';

/**
 * The chart's own SVG in a figure's holder: the one with role="img" (charts.ts's renderSvg marks it), else the
 * SVG Plot draws the chart in (the holder's, or its Plot figure's, beside the legend's swatches).
 */
export function chartSvg(holder: Element): SVGSVGElement | null {
  return (
    holder.querySelector<SVGSVGElement>('svg[role="img"]') ??
    holder.querySelector<SVGSVGElement>(':scope > svg, :scope > figure > svg')
  );
}

/** A column header with its unit, as each language brackets it: 数值（万元）, value (¥ million). */
export const headed = (label: string, unit: string) =>
  /\p{Script=Han}/u.test(label) ? `${label}（${unit}）` : `${label} (${unit})`;

/** A value in a chart's unit for a download: `yuan / scale`, without binary noise (123.45, not 123.45000000000002). */
export const scaled = (value: number, scale: number) => Number((value / scale).toPrecision(12));

/** The file name a chart's downloads are saved under: the site's name and the title, without punctuation. */
const fileName = (title: string) => `plan-atlas-${title.replace(/[^\p{L}\p{N}]+/gu, '-')}`;

/** Saves a blob as `name.ext` through a temporary link. */
function save(blob: Blob, name: string, ext: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${name}.${ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** An SVG element as a standalone SVG document's text. */
const svgText = (svg: SVGSVGElement) => new XMLSerializer().serializeToString(svg);

/** Draws an SVG at twice its size on a white canvas and hands the PNG to `done`. */
function svgToPng(svg: SVGSVGElement, done: (png: Blob) => void) {
  const { width, height } = svg.viewBox.baseVal;
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((b) => b && done(b));
  };
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
}

/** A table as CSV text: UTF-8 with a BOM (for spreadsheets), formulae escaped, a newline at the end. */
const csvText = (columns: string[], rows: (string | number)[][]) =>
  `\uFEFF${Papa.unparse({ fields: columns, data: rows }, { newline: '\n', escapeFormulae: FORMULA })}\n`;

/** The buttons that download the chart in `holder` as SVG and PNG and its rows as CSV. */
export function downloads(
  holder: HTMLElement,
  title: string,
  columns: string[],
  rows: (string | number)[][],
): HTMLElement {
  const tools = document.createElement('p');
  tools.className = 'tools';
  const name = fileName(title);
  const button = (label: string, act: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    // four charts, four toolbars: each button names its chart ("CSV · 资金按类别")
    b.setAttribute('aria-label', `${label} · ${title}`);
    b.addEventListener('click', act);
    tools.append(b, ' ');
  };
  button('SVG', () => save(new Blob([svgText(chartSvg(holder)!)], { type: 'image/svg+xml' }), name, 'svg'));
  button('PNG', () => svgToPng(chartSvg(holder)!, (png) => save(png, name, 'png')));
  button('CSV', () => save(new Blob([csvText(columns, rows)], { type: 'text/csv' }), name, 'csv'));
  return tools;
}

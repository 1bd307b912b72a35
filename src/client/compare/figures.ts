/** The compare page's building blocks: a titled section, and a chart figure with its embed snippet. */
import { embedFor } from '../embed.ts';
import { figure as makeFigure } from '../figure.ts';
import type { ChartId, Context, Selection } from './context.ts';

/** A section with an id and a heading. */
export function section(id: string, title: string): HTMLElement {
  const s = document.createElement('section');
  s.id = id;
  const h = document.createElement('h2');
  h.textContent = title;
  s.append(h);
  return s;
}

/** What a compare chart shows: its title, SVG, data table and an optional note. */
export interface ChartParts {
  title: string;
  svg: string;
  columns: string[];
  rows: (string | number)[][];
  note?: string;
  absent?: string;
}

/** A chart of the selection as a figure, with downloads, citation and the snippet to embed it alone. */
export const compareFigure = (ctx: Context, sel: Selection, chart: ChartId, parts: ChartParts): HTMLElement =>
  makeFigure({
    chart,
    ...parts,
    cite: ctx.L.cite!,
    dataTable: ctx.L.data_table!,
    embed: embedFor(ctx.root, `c=${sel.codes.join(',')}&m=${sel.metric}&chart=${chart}`, ctx.L.embed_chart!),
  });

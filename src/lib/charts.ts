/**
 * Charts as SVG with Observable Plot: each chart function draws on the document it is given (as Plot's own
 * `document` option): linkedom's at build time (charts-ssr.ts), so that a page's charts arrive with its HTML and
 * need no JavaScript, and the page's own in the browser, with the same functions (one implementation).
 * Colours: Okabe–Ito, safe for colour-blind readers; every chart also has its data as a table.
 */
import * as Plot from '@observablehq/plot';
import { runs } from './mixed.ts';

/** Okabe–Ito colours, in the order sources and series use them. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const HAN = /\p{Script=Han}/u;
const SVG_NS = 'http://www.w3.org/2000/svg';

const FONT = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** What every chart function takes: its text alternative, the document to draw on and its width in px (640). */
export interface ChartOptions {
  alt: string;
  /** the document Plot creates the chart's elements in, as Plot's own `document` option */
  document: Document;
  width?: number;
}

/** The chart's own SVG in what Plot returns: the SVG itself, or the figure's SVG beside its legend's swatches. */
function chartSvg(el: Element): Element {
  const svg =
    el.tagName.toLowerCase() === 'svg' ? el : [...el.children].find((c) => c.tagName.toLowerCase() === 'svg');
  if (!svg) throw new Error('Plot did not produce an SVG');
  return svg;
}

/**
 * A label that is Chinese (a phase's name, 万元) marked lang="zh-CN", so that an English page reads it as Chinese;
 * a label that mixes languages ("Training 培训") has its Chinese runs marked, each in a tspan (span in a legend).
 */
function markChinese(label: Element) {
  const text = label.textContent ?? '';
  if (!HAN.test(text) || label.querySelector('text, tspan, span')) return;
  const parts = runs(text);
  if (!parts.some((r) => !r.zh && /\p{L}/u.test(r.text))) return void label.setAttribute('lang', 'zh-CN');
  const svg = label.namespaceURI === SVG_NS;
  label.replaceChildren(
    ...parts.map((r) => {
      if (!r.zh) return r.text;
      const run = svg
        ? label.ownerDocument.createElementNS(SVG_NS, 'tspan')
        : label.ownerDocument.createElement('span');
      run.setAttribute('lang', 'zh-CN');
      run.textContent = r.text;
      return run;
    }),
  );
}

/** Renders a Plot chart on `document` to an SVG string (a figure with its legend) with a text alternative. */
function renderSvg(options: Plot.PlotOptions, { alt, document }: Omit<ChartOptions, 'width'>): string {
  const el = Plot.plot({
    style: { fontFamily: FONT, fontSize: '12px', background: 'transparent' },
    ...options,
    document,
  });
  // with a legend, Plot returns a figure: the legend's swatches (small SVGs) and the chart's SVG as its child
  const svg = chartSvg(el);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', alt);
  // the chart is one image with one text alternative: Plot's labels on inner groups would be ARIA on elements
  // without a role (and are hidden by role="img" anyway); the swatches are decoration beside their text
  for (const g of el.querySelectorAll('[aria-label]')) if (g !== svg) g.removeAttribute('aria-label');
  for (const g of el.querySelectorAll('[aria-description]')) g.removeAttribute('aria-description');
  for (const swatch of el.querySelectorAll('svg'))
    if (swatch !== svg) swatch.setAttribute('aria-hidden', 'true');
  for (const label of el.querySelectorAll('text, tspan, span')) markChinese(label);
  // a legend (figure) is kept with the chart
  return el.outerHTML;
}

/** The width of a label in px at 12px: CJK characters are about a square, Latin about half of one. */
export const textWidth = (s: string) =>
  [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 12.5 : 7), 0);

/**
 * The left margin for a chart's category labels, as wide as the longest label but at most `share` of the chart
 * (a phone's 340 px chart keeps room for its bars), and a tick format that shortens what does not fit with an
 * ellipsis; the full labels are in the chart's data table.
 */
function labelMargin(labels: string[], width: number, share = 0.4) {
  const room = Math.max(60, Math.min(260, width * share));
  const marginLeft = Math.min(room, Math.max(60, 12 + Math.max(0, ...labels.map(textWidth))));
  return { marginLeft, tickFormat: (label: string) => fitText(label, marginLeft - 12) };
}

/**
 * `text` as it fits in `room` px: whole, or shortened with an ellipsis. Labels keep their start and their end
 * (县名 · 项目实施阶段 → 县名…实施阶段: labels that share a start stay apart); a sentence keeps its start
 * (`keep: 'start'`). Plot's own text fitting estimates Latin text only.
 */
export function fitText(text: string, room: number, keep: 'ends' | 'start' = 'ends'): string {
  if (textWidth(text) <= room) return text;
  const chars = [...text];
  let head = 0;
  let tail = 0;
  // take a character from the start, then one from the end, while the result still fits
  for (let fromHead = true; head + tail < chars.length; fromHead = keep === 'start' || !fromHead) {
    const h = head + (fromHead ? 1 : 0);
    const t = tail + (fromHead ? 0 : 1);
    if (textWidth(`${chars.slice(0, h).join('')}…${chars.slice(chars.length - t).join('')}`) > room) break;
    head = h;
    tail = t;
  }
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** A bar segment: the bar's label, its series and its value. */
export interface BarDatum {
  label: string;
  series: string;
  value: number;
}

/** Horizontal stacked bars: one bar per label, segments per series. Values in 万元 for money. */
export function stackedBars(data: BarDatum[], opts: ChartOptions & { unit: string; series: string[] }) {
  const labels = [...new Set(data.map((d) => d.label))];
  const width = opts.width ?? 640;
  const { marginLeft, tickFormat } = labelMargin(labels, width);
  return renderSvg(
    {
      width,
      height: 40 + labels.length * 34,
      marginLeft,
      ...unitBelow(opts.unit),
      y: { label: null, domain: labels, tickFormat },
      color: { domain: opts.series, range: PALETTE, legend: opts.series.length > 1 },
      marks: [Plot.barX(data, Plot.stackX({ y: 'label', x: 'value', fill: 'series' })), Plot.ruleX([0])],
    },
    opts,
  );
}

/**
 * A horizontal axis whose unit label ("万元 →") sits on its own line below the ticks, so that it never overlaps the
 * last tick ("2,000") at the right end.
 */
const unitBelow = (unit: string) => ({ marginBottom: 46, x: { label: unit, grid: true, labelOffset: 42 } });

/** A phase on a timeline: its label, first day (null when the plan states only its end) and the day after its end. */
export interface Span2 {
  label: string;
  start: Date | null;
  end: Date;
}

/** A timeline: one bar per phase from its first to its last month; a dot at its end where only the end is known. */
export function timeline(data: Span2[], opts: ChartOptions) {
  const width = opts.width ?? 640;
  const { marginLeft, tickFormat } = labelMargin(
    data.map((d) => d.label),
    width,
    0.45,
  );
  return renderSvg(
    {
      width,
      height: 50 + data.length * 30,
      marginLeft,
      x: { type: 'utc', label: null, grid: true },
      y: { label: null, domain: data.map((d) => d.label), tickFormat },
      marks: [
        Plot.barX(
          data.filter((d) => d.start),
          { y: 'label', x1: 'start', x2: 'end', fill: PALETTE[0] },
        ),
        Plot.dot(
          data.filter((d) => !d.start),
          { y: 'label', x: 'end', r: 5, fill: PALETTE[5], symbol: 'diamond' },
        ),
      ],
    },
    opts,
  );
}

/** A target's share reached and its linear expectation (null when there is none). */
export interface ShareDatum {
  label: string;
  share: number;
  expected: number | null;
}

/** Share of each target reached (bar), with the linear expectation (tick) and 100% (rule). */
export function shares(data: ShareDatum[], opts: ChartOptions) {
  const width = opts.width ?? 640;
  const { marginLeft, tickFormat } = labelMargin(
    data.map((d) => d.label),
    width,
  );
  return renderSvg(
    {
      width,
      height: 40 + data.length * 30,
      marginLeft,
      x: {
        label: null,
        grid: true,
        domain: [0, Math.max(1.2, ...data.map((d) => d.share))],
        tickFormat: (d: number) => `${Math.round(d * 100)}%`,
      },
      y: { label: null, domain: data.map((d) => d.label), tickFormat },
      marks: [
        Plot.barX(data, { y: 'label', x: 'share', fill: PALETTE[2] }),
        Plot.tickX(
          data.filter((d) => d.expected !== null),
          { y: 'label', x: 'expected', stroke: '#000', strokeWidth: 2 },
        ),
        Plot.ruleX([1], { stroke: '#555', strokeDasharray: '4,3' }),
      ],
    },
    opts,
  );
}

/** A month's value on a line. */
export interface PointDatum {
  date: Date;
  value: number;
}

/** A monthly line. */
export function line(data: PointDatum[], opts: ChartOptions & { unit: string }) {
  return renderSvg(
    {
      width: opts.width ?? 640,
      height: 220,
      marginLeft: 56,
      x: { type: 'utc', label: null },
      y: { label: opts.unit, grid: true },
      marks: [Plot.lineY(data, { x: 'date', y: 'value', stroke: PALETTE[0] }), Plot.ruleY([0])],
    },
    opts,
  );
}

/** A segment of a normalised bar: the bar's label, its series and its value, and its share of the bar (0–1). */
export interface ShareSegment {
  label: string;
  series: string;
  value: number;
  share?: number;
}

/**
 * The label of a normalised chart's rule, above the bars: right of the rule where it fits there, else ending at
 * the chart's right edge with the whole width to run into (a phone's 50%（农产品上行含物流，2019年规则）), shortened
 * with an ellipsis only when even that is too narrow.
 */
function ruleText(rule: number, label: string, width: number, marginLeft: number) {
  const right = (width - marginLeft - 20) * (1 - rule) - 8;
  const beside = textWidth(label) <= right;
  return Plot.text([rule], {
    x: beside ? (d: number) => d : () => 1,
    text: () => (beside ? label : fitText(label, width - 28, 'start')),
    // above the bars, in the top margin, where the dashed rule does not run through it
    frameAnchor: 'top',
    lineAnchor: 'bottom',
    dy: -3,
    textAnchor: beside ? 'start' : 'end',
    dx: beside ? 4 : 0,
  });
}

/**
 * Each bar split into its series as shares of the bar's total (100%), the first series first, with a rule at
 * `rule` (e.g. 0.5 for the programme's 50% to 农产品上行). A segment with its `share` is labelled with it
 * ("35%", black on a white halo, readable on every colour) where it is wide enough to hold the label.
 */
export function normalizedBars(
  data: ShareSegment[],
  opts: ChartOptions & { series: string[]; rule?: number; ruleLabel?: string },
) {
  const labels = [...new Set(data.map((d) => d.label))];
  const width = opts.width ?? 640;
  const { marginLeft, tickFormat } = labelMargin(labels, width);
  return renderSvg(
    {
      width,
      height: 60 + labels.length * 34,
      marginLeft,
      x: { label: null, tickFormat: (d: number) => `${Math.round(d * 100)}%`, grid: true },
      y: { label: null, domain: labels, tickFormat },
      color: { domain: opts.series, range: PALETTE, legend: true },
      marks: [
        Plot.barX(
          data,
          Plot.stackX({ y: 'label', x: 'value', fill: 'series', offset: 'normalize', order: opts.series }),
        ),
        Plot.text(
          data,
          Plot.stackX({
            y: 'label',
            x: 'value',
            z: 'series',
            offset: 'normalize',
            order: opts.series,
            // a label where the segment is at least 30 px wide, none (null) elsewhere
            text: (d: ShareSegment) =>
              d.share !== undefined && d.share * (width - marginLeft - 20) >= 30
                ? `${Math.round(d.share * 100)}%`
                : null,
            fill: '#000',
            stroke: '#fff',
            strokeWidth: 3,
            paintOrder: 'stroke',
            className: 'share-label',
          }),
        ),
        ...(opts.rule === undefined
          ? []
          : [
              Plot.ruleX([opts.rule], { stroke: '#000', strokeWidth: 2, strokeDasharray: '5,3' }),
              ruleText(opts.rule, opts.ruleLabel ?? '', width, marginLeft),
            ]),
      ],
    },
    opts,
  );
}

/** A month's value of one series. */
export interface SeriesPoint {
  series: string;
  date: Date;
  value: number;
}

/** Monthly lines, one per series, with a legend. */
export function lines(data: SeriesPoint[], opts: ChartOptions & { unit: string; series: string[] }) {
  return renderSvg(
    {
      width: opts.width ?? 640,
      height: 260,
      marginLeft: 56,
      x: { type: 'utc', label: null },
      y: { label: opts.unit, grid: true },
      color: { domain: opts.series, range: PALETTE, legend: true },
      marks: [Plot.lineY(data, { x: 'date', y: 'value', stroke: 'series' }), Plot.ruleY([0])],
    },
    opts,
  );
}

/** A county's value on a strip, and whether it is the selected one. */
export interface StripDatum {
  label: string;
  value: number;
  highlight: boolean;
}

/**
 * Counties on one axis (a strip): the chosen county a large dot with its name, anchored so that the name stays
 * inside the chart at either end; every other county a small dot named on hover (its <title>) and, with up to 12
 * of them, under its dot (counties with equal values share one label: "A、B").
 */
export function strip(data: StripDatum[], opts: ChartOptions & { unit: string }) {
  const width = opts.width ?? 640;
  const chosen = data.filter((d) => d.highlight);
  const others = data.filter((d) => !d.highlight);
  const values = data.map((d) => d.value);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  // where along the axis a value lies (0 at the left, 1 at the right): a name near an end is anchored inward
  const at = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const anchor = (v: number) => (at(v) < 0.2 ? 'start' : at(v) > 0.8 ? 'end' : 'middle');
  const sep = others.some((d) => /\p{Script=Han}/u.test(d.label)) ? '、' : ', ';
  const byValue = new Map<number, string[]>();
  for (const d of others) byValue.set(d.value, [...(byValue.get(d.value) ?? []), d.label]);
  // alternate rows, so that neighbouring names do not run into each other
  const named = [...byValue]
    .sort((a, b) => a[0] - b[0])
    .map(([value, names], i) => ({ value, label: names.join(sep), row: i % 2 }));
  const labels = (where: 'start' | 'middle' | 'end', list: { value: number; label: string }[], o: object) =>
    Plot.text(
      list.filter((d) => anchor(d.value) === where),
      { x: 'value', text: 'label', textAnchor: where, ...o },
    );
  const ANCHORS = ['start', 'middle', 'end'] as const;
  return renderSvg(
    {
      width,
      height: 150,
      marginLeft: 20,
      marginRight: 20,
      ...unitBelow(opts.unit),
      y: { axis: null },
      marks: [
        Plot.dotX(others, { x: 'value', r: 3, fill: '#767676', fillOpacity: 0.5, title: 'label' }),
        Plot.dotX(chosen, { x: 'value', r: 7, fill: PALETTE[5], stroke: '#000', title: 'label' }),
        ...ANCHORS.map((w) => labels(w, chosen, { dy: -14, fontWeight: 'bold' })),
        ...(named.length <= 12
          ? ANCHORS.flatMap((w) =>
              [0, 1].map((row) =>
                labels(
                  w,
                  named.filter((d) => d.row === row),
                  { dy: 14 + row * 12, fontSize: 10, fill: '#555' },
                ),
              ),
            )
          : []),
      ],
    },
    opts,
  );
}
